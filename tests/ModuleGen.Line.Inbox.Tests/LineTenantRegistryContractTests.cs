using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tenants;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>
/// What every tenant registry store must do, run by each store through a subclass: the rules themselves live in
/// <see cref="LineTenantTransitions"/>, so these check that a store applies them atomically and keeps every field.
/// </summary>
public abstract class LineTenantRegistryContractTests : IDisposable
{
    private const string Bot = "U0123456789abcdef0123456789abcdef";
    private const string OtherBot = "Ufedcba9876543210fedcba9876543210";
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly Lazy<ILineTenantRegistry> _registry;

    protected LineTenantRegistryContractTests()
    {
        _registry = new Lazy<ILineTenantRegistry>(CreateRegistry);
    }

    private ILineTenantRegistry Registry => _registry.Value;

    private ILineAttachStateStore Attaches => (ILineAttachStateStore)_registry.Value;

    public virtual void Dispose()
    {
        if (_registry.IsValueCreated && _registry.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private protected abstract ILineTenantRegistry CreateRegistry();

    [Fact]
    public async Task UnknownOaIsNotFound()
    {
        (await Registry.FindAsync(Bot, None)).ShouldBeNull();
        (await Registry.ListAsync(None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AttachedOaIsStoredWithItsScopesAndEveryFieldRoundTrips()
    {
        await Registry.ApplyAsync(LineTenantChange.Attached(Bot, ["message:send", "message:receive"], T0), None);
        await Registry.ApplyAsync(LineTenantChange.Listed(Bot, "@628abcde", "Shibuya Diner", T0.AddMinutes(1)), None);
        await Registry.ApplyAsync(LineTenantChange.Suspended(Bot, T0.AddMinutes(2)), None);
        await Registry.ApplyAsync(LineTenantChange.Activated(Bot, "LUb577ef-chat", T0.AddMinutes(3)), None);

        var found = await Registry.FindAsync(Bot, None);

        found.ShouldBe(new LineTenant
        {
            BotId = Bot,
            BasicId = "@628abcde",
            DisplayName = "Shibuya Diner",
            GrantedScopes = found!.GrantedScopes,
            Attachment = LineTenantAttachment.Attached,
            AttachedAt = T0,
            AttachmentChangedAt = T0,
            IsSuspended = true,
            SuspensionChangedAt = T0.AddMinutes(2),
            ChatMode = LineTenantChatMode.Active,
            ChatModeChatId = "LUb577ef-chat",
            ChatModeChangedAt = T0.AddMinutes(3),
            LastSeenAt = T0.AddMinutes(3),
        });
        found.GrantedScopes.ShouldBe(["message:send", "message:receive"]);
        found.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public async Task DetachedOaKeepsItsReasonAndTimes()
    {
        await Registry.ApplyAsync(LineTenantChange.Attached(Bot, ["message:send"], T0), None);

        var detached = await Registry.ApplyAsync(LineTenantChange.Detached(Bot, "bot_deleted", T0.AddHours(1)), None);

        detached.Attachment.ShouldBe(LineTenantAttachment.Detached);
        WithoutScopes(await Registry.FindAsync(Bot, None)).ShouldBe(WithoutScopes(detached));
        detached.DetachedAt.ShouldBe(T0.AddHours(1));
        detached.AttachedAt.ShouldBe(T0);
        detached.DetachReason.ShouldBe("bot_deleted");
        detached.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public async Task OlderDetachArrivingAfterANewerAttachIsIgnored()
    {
        await Registry.ApplyAsync(LineTenantChange.Attached(Bot, ["message:send"], T0.AddMinutes(5)), None);

        var after = await Registry.ApplyAsync(LineTenantChange.Detached(Bot, "bot_deleted", T0), None);

        after.Attachment.ShouldBe(LineTenantAttachment.Attached);
        after.AttachmentChangedAt.ShouldBe(T0.AddMinutes(5));
        (await Registry.FindAsync(Bot, None))!.Attachment.ShouldBe(LineTenantAttachment.Attached);
    }

    [Fact]
    public async Task ResumeOlderThanTheSuspensionIsIgnored()
    {
        await Registry.ApplyAsync(LineTenantChange.Suspended(Bot, T0.AddSeconds(10)), None);

        await Registry.ApplyAsync(LineTenantChange.Resumed(Bot, T0), None);

        (await Registry.FindAsync(Bot, None))!.IsSuspended.ShouldBeTrue();
    }

    [Fact]
    public async Task OaSeenOnlyThroughItsTrafficIsAttachedWithUnknownScopes()
    {
        var seen = await Registry.ApplyAsync(LineTenantChange.Seen(Bot, T0), None);

        seen.Attachment.ShouldBe(LineTenantAttachment.Attached);
        seen.GrantedScopes.ShouldBeNull();
        seen.AttachmentChangedAt.ShouldBeNull();
        seen.LastSeenAt.ShouldBe(T0);
        WithoutScopes(await Registry.FindAsync(Bot, None)).ShouldBe(WithoutScopes(seen));
    }

    [Fact]
    public async Task ListIsOrderedByBotId()
    {
        await Registry.ApplyAsync(LineTenantChange.Seen(OtherBot, T0), None);
        await Registry.ApplyAsync(LineTenantChange.Seen(Bot, T0), None);

        (await Registry.ListAsync(None)).Select(tenant => tenant.BotId).ShouldBe([Bot, OtherBot]);
    }

    [Fact]
    public async Task OnlyOasDetachedBeforeTheCutoffAreRemoved()
    {
        await Registry.ApplyAsync(LineTenantChange.Detached(Bot, null, T0), None);
        await Registry.ApplyAsync(LineTenantChange.Detached(OtherBot, null, T0.AddDays(10)), None);

        (await Registry.RemoveDetachedAsync(Bot, T0.AddDays(5), None)).ShouldBeTrue();
        (await Registry.RemoveDetachedAsync(OtherBot, T0.AddDays(5), None)).ShouldBeFalse();

        (await Registry.FindAsync(Bot, None)).ShouldBeNull();
        (await Registry.FindAsync(OtherBot, None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task AttachedOaIsNeverRemoved()
    {
        await Registry.ApplyAsync(LineTenantChange.Detached(Bot, null, T0), None);
        await Registry.ApplyAsync(LineTenantChange.Attached(Bot, null, T0.AddDays(1)), None);

        (await Registry.RemoveDetachedAsync(Bot, T0.AddDays(30), None)).ShouldBeFalse();
        (await Registry.FindAsync(Bot, None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ConcurrentChangesAreAllApplied()
    {
        // Each change touches a different state, so a lost read-modify-write shows as a missing field.
        await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await Registry.ApplyAsync(LineTenantChange.Seen(Bot, T0.AddSeconds(i)), None);
                await Registry.ApplyAsync(i % 2 == 0
                    ? LineTenantChange.Suspended(Bot, T0.AddMinutes(1))
                    : LineTenantChange.Activated(Bot, "chat", T0.AddMinutes(2)), None);
            })));

        var tenant = (await Registry.FindAsync(Bot, None))!;
        tenant.IsSuspended.ShouldBeTrue();
        tenant.ChatMode.ShouldBe(LineTenantChatMode.Active);
        tenant.LastSeenAt.ShouldBe(T0.AddMinutes(2));
    }

    [Fact]
    public async Task AttachAttemptIsTakenOnceWithEveryField()
    {
        var attempt = Attempt("state-1", T0.AddMinutes(15));
        await Attaches.SaveAttachAsync(attempt, None);

        var taken = await Attaches.TakeAttachAsync("state-1", T0, None);

        taken.ShouldNotBeNull();
        taken.ShouldBe(attempt with { Scopes = taken.Scopes, BrandTypes = taken.BrandTypes });
        taken.Scopes.ShouldBe(["message:send", "message:receive"]);
        taken.BrandTypes.ShouldBe(["premium", "verified"]);
        (await Attaches.TakeAttachAsync("state-1", T0, None)).ShouldBeNull();
    }

    [Fact]
    public async Task ExpiredAttachAttemptIsNotGivenAndIsPurged()
    {
        await Attaches.SaveAttachAsync(Attempt("late", T0), None);
        await Attaches.SaveAttachAsync(Attempt("purged", T0), None);
        await Attaches.SaveAttachAsync(Attempt("fresh", T0.AddHours(1)), None);

        (await Attaches.TakeAttachAsync("late", T0, None)).ShouldBeNull();
        (await Attaches.PurgeExpiredAttachesAsync(T0.AddMinutes(1), None)).ShouldBe(1);
        (await Attaches.TakeAttachAsync("fresh", T0, None)).ShouldNotBeNull();
    }

    /// <summary>Records compare lists by reference; the tests compare scope lists on their own.</summary>
    private static LineTenant? WithoutScopes(LineTenant? tenant) => tenant is null ? null : tenant with { GrantedScopes = null };

    private static LinePendingAttach Attempt(string state, DateTimeOffset expiresAt) => new()
    {
        State = state,
        CodeVerifier = new string('v', 64),
        ChannelId = "1234567890",
        RedirectUri = new Uri("https://module.example.com/attach/callback?tenant=a"),
        Scopes = ["message:send", "message:receive"],
        Region = "JP",
        BasicSearchId = "@linedevelopers",
        BrandTypes = ["premium", "verified"],
        ExpiresAt = expiresAt,
    };
}

public sealed class InMemoryLineTenantRegistryTests : LineTenantRegistryContractTests
{
    private protected override ILineTenantRegistry CreateRegistry() => new InMemoryLineTenantRegistry();
}
