using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Tests.Tokens;
using ModuleGen.Line.Tokens;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Tenants;

public sealed class TenantRulesTests
{
    private const string Bot = "U0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACallRefusedForADetachedOrSuspendedOaIsPermanentEvenWhenWrapped()
    {
        var detached = LineTenantTransitions.Apply(null, LineTenantChange.Detached(Bot, "bot_deleted", T0));
        var suspended = LineTenantTransitions.Apply(null, LineTenantChange.Suspended(Bot, T0));

        var decision = LineFailurePolicy.Classify(new LineTenantUnavailableException(detached, "pushMessage"));

        decision.IsPermanent.ShouldBeTrue();
        decision.Reason.ShouldContain("detached");
        decision.Reason.ShouldContain("bot_deleted");
        LineFailurePolicy.Classify(new InvalidOperationException("handler", new LineTenantUnavailableException(suspended, null)))
            .IsPermanent.ShouldBeTrue();
    }

    [Fact]
    public void EachKindOfStateIsOrderedByItsOwnTimestamp()
    {
        var tenant = LineTenantTransitions.Apply(null, LineTenantChange.Attached(Bot, ["message:send"], T0.AddMinutes(2)));
        tenant = LineTenantTransitions.Apply(tenant, LineTenantChange.Suspended(Bot, T0.AddMinutes(1)));
        tenant = LineTenantTransitions.Apply(tenant, LineTenantChange.Detached(Bot, null, T0.AddMinutes(1)));
        tenant = LineTenantTransitions.Apply(tenant, LineTenantChange.Resumed(Bot, T0));

        tenant.Attachment.ShouldBe(LineTenantAttachment.Attached);
        tenant.IsSuspended.ShouldBeTrue();
        tenant.LastSeenAt.ShouldBe(T0.AddMinutes(2));
        tenant.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public void AReattachAfterADetachRestoresTheOaWithItsNewScopes()
    {
        var tenant = LineTenantTransitions.Apply(null, LineTenantChange.Attached(Bot, ["message:send"], T0));
        tenant = LineTenantTransitions.Apply(tenant, LineTenantChange.Detached(Bot, "bot_deleted", T0.AddHours(1)));
        tenant = LineTenantTransitions.Apply(tenant, LineTenantChange.Attached(Bot, ["message:send", "profile:read"], T0.AddHours(2)));

        tenant.IsAvailable.ShouldBeTrue();
        tenant.DetachReason.ShouldBeNull();
        tenant.DetachedAt.ShouldBe(T0.AddHours(1));
        tenant.GrantedScopes.ShouldBe(["message:send", "profile:read"]);
    }

    [Fact]
    public void AListWalkOlderThanTheLastDetachDoesNotReattachButUpdatesTheProfile()
    {
        var tenant = LineTenantTransitions.Apply(null, LineTenantChange.Detached(Bot, null, T0.AddMinutes(1)));

        var stale = LineTenantTransitions.Apply(tenant, LineTenantChange.Listed(Bot, "@628", "Diner", T0));
        var fresh = LineTenantTransitions.Apply(tenant, LineTenantChange.Listed(Bot, "@628", "Diner", T0.AddMinutes(2)));

        stale.Attachment.ShouldBe(LineTenantAttachment.Detached);
        stale.DisplayName.ShouldBe("Diner");
        stale.LastSeenAt.ShouldBe(T0.AddMinutes(1));
        fresh.Attachment.ShouldBe(LineTenantAttachment.Attached);
    }

    [Fact]
    public void SeenIsWorthWritingOnlyOncePerResolution()
    {
        var tenant = LineTenantTransitions.Apply(null, LineTenantChange.Seen(Bot, T0));

        LineTenantTransitions.IsWorthRecordingSeen(null, T0, TimeSpan.FromMinutes(1)).ShouldBeTrue();
        LineTenantTransitions.IsWorthRecordingSeen(tenant, T0.AddSeconds(59), TimeSpan.FromMinutes(1)).ShouldBeFalse();
        LineTenantTransitions.IsWorthRecordingSeen(tenant, T0.AddMinutes(1), TimeSpan.FromMinutes(1)).ShouldBeTrue();
    }

    [Fact]
    public async Task TwoInstancesSharingACacheUseOneIssuedTokenUntilItsRefreshTime()
    {
        var cache = new DictionaryCache();
        using var first = new TokenTestContext(TokenTestContext.IssuingHandler(expiresIn: 900));
        using var second = new TokenTestContext(TokenTestContext.IssuingHandler(expiresIn: 900));
        var firstShared = new LineSharedAccessTokenProvider(first.Provider, cache, TokenTestContext.ChannelId, first.Clock);
        var secondShared = new LineSharedAccessTokenProvider(second.Provider, cache, TokenTestContext.ChannelId, second.Clock);

        var issued = await firstShared.GetAccessTokenAsync(CancellationToken.None);
        var reused = await secondShared.GetAccessTokenAsync(CancellationToken.None);
        var issuedBySecondBeforeRefreshTime = second.Handler.Count;
        first.Clock.Advance(TimeSpan.FromMinutes(14));
        second.Clock.Advance(TimeSpan.FromMinutes(14));
        await secondShared.GetAccessTokenAsync(CancellationToken.None);

        reused.ShouldBe(issued);
        issuedBySecondBeforeRefreshTime.ShouldBe(0);
        second.Handler.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ARejectedSharedTokenIsDroppedFromTheCacheForEveryInstance()
    {
        var cache = new DictionaryCache();
        using var first = new TokenTestContext(TokenTestContext.IssuingHandler(expiresIn: 900));
        using var second = new TokenTestContext(TokenTestContext.IssuingHandler(expiresIn: 900));
        var firstShared = new LineSharedAccessTokenProvider(first.Provider, cache, TokenTestContext.ChannelId, first.Clock);
        var secondShared = new LineSharedAccessTokenProvider(second.Provider, cache, TokenTestContext.ChannelId, second.Clock);
        var revoked = await firstShared.GetAccessTokenAsync(CancellationToken.None);

        await secondShared.InvalidateAsync(revoked, CancellationToken.None);

        cache.Entries.ShouldBeEmpty();
        await secondShared.GetAccessTokenAsync(CancellationToken.None);
        second.Handler.Count.ShouldBe(1);
    }

    /// <summary>An <see cref="IDistributedCache"/> in a dictionary; expiry is left to the provider's own refresh time.</summary>
    private sealed class DictionaryCache : IDistributedCache
    {
        public ConcurrentDictionary<string, byte[]> Entries { get; } = new(StringComparer.Ordinal);

        public byte[]? Get(string key) => Entries.GetValueOrDefault(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Entries[key] = value;

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => Entries.TryRemove(key, out _);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }
    }
}
