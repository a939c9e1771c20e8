using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox.Sqlite;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

/// <summary>What a module forgets to register fails when the app starts, with a message that says what to call.</summary>
public sealed class StartupChecksTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void WithoutAnInboxMappingTheWebhookSaysWhichStoreToAdd()
    {
        var app = Build(services =>
        {
            services.AddLineModule(Line());
            services.AddLineWebhooks();
        });

        Should.Throw<InvalidOperationException>(() => app.MapLineWebhook("/line/webhook")).Message.ShouldContain("AddSqliteLineWebhookInbox");
    }

    [Fact]
    public void WithoutLineClientsMappingTheWebhookSaysToAddTheModule()
    {
        var app = Build(services => services.AddLineWebhooks(o => o.ChannelSecrets.Add(Secret)).UseInMemoryInbox());

        Should.Throw<InvalidOperationException>(() => app.MapLineWebhook("/line/webhook")).Message.ShouldContain("AddLineModule");
    }

    [Fact]
    public void WithoutATokenProviderMappingTheWebhookSaysHowToGetTokens()
    {
        var app = Build(services =>
        {
            services.AddLineModuleClients();
            services.AddLineWebhooks(o => o.ChannelSecrets.Add(Secret)).UseInMemoryInbox();
        });

        Should.Throw<InvalidOperationException>(() => app.MapLineWebhook("/line/webhook")).Message.ShouldContain("AddLineModuleTokenProvider");
    }

    [Fact]
    public void AddLineWebhooksWithoutArgumentsTakesTheModuleChannelSecret()
    {
        var app = Build(services =>
        {
            services.AddLineModule(Line());
            services.AddLineWebhooks().UseInMemoryInbox();
        });

        app.MapLineWebhook("/line/webhook");
        app.Services.GetRequiredService<IOptions<LineWebhookOptions>>().Value.ChannelSecrets.ShouldBe(new[] { Secret });
    }

    [Fact]
    public async Task ARelativeSqlitePathIsResolvedAgainstTheContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("modulegen-content-root-");
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root.FullName });
            builder.Services.AddSqliteLineWebhookInbox("inbox.db");
            await using var app = builder.Build();

            await app.Services.GetRequiredService<SqliteLineWebhookInbox>().GetStatisticsAsync(default);

            File.Exists(Path.Combine(root.FullName, "inbox.db")).ShouldBeTrue();
            File.Exists(Path.Combine(Environment.CurrentDirectory, "inbox.db")).ShouldBeFalse();
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static IConfiguration Line() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ChannelId"] = "1234567890", ["ChannelSecret"] = Secret })
        .Build();

    private static WebApplication Build(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configure(builder.Services);
        return builder.Build();
    }
}
