using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ModuleGen.Line.Inbox;

/// <summary>Registers <see cref="LineWebhookInboxHealthCheck"/>.</summary>
public static class LineWebhookInboxHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="LineWebhookInboxHealthCheck"/> of the registered <see cref="ILineWebhookInbox"/>, e.g.
    /// <c>builder.Services.AddHealthChecks().AddLineWebhookInbox()</c> and <c>app.MapHealthChecks("/healthz")</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name in reports.</param>
    /// <param name="configure">Changes the limits past which the inbox is degraded.</param>
    /// <param name="failureStatus">Reported when the store cannot be read; <see cref="HealthStatus.Unhealthy"/> when <see langword="null"/>.</param>
    /// <param name="tags">Tags to filter checks by, e.g. for separate liveness and readiness endpoints.</param>
    /// <param name="timeout">How long the check may take before it is reported as failed.</param>
    public static IHealthChecksBuilder AddLineWebhookInbox(
        this IHealthChecksBuilder builder,
        string name = LineWebhookInboxHealthCheck.DefaultName,
        Action<LineWebhookInboxHealthCheckOptions>? configure = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var options = new LineWebhookInboxHealthCheckOptions();
        configure?.Invoke(options);
        options.Validate();
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new LineWebhookInboxHealthCheck(
                provider.GetRequiredService<ILineWebhookInbox>(), options, provider.GetService<TimeProvider>()),
            failureStatus,
            tags,
            timeout));
    }
}
