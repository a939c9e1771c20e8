using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using ModuleGen.Line.Testing.Stubs;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.ContractAssert;
using static ModuleGen.Line.ContractTests.Messaging.MessagingApiClients;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.Messaging;

/// <summary>
/// Group and room members, memberships and coupons through the bot-scoped Messaging API client, asserted on what WireMock
/// received and on the parsed responses.
/// </summary>
[Collection(LinePlatformCollection.Name)]
public sealed class ChatsMembershipsCouponsContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string RoomId = "Ra8dbf4673c4c812cd491258042226c99";
    private const long MembershipId = 3189;
    private const string CouponId = "01JYNW8JMQVFBNRKQC5GZ4FJ0K";

    [Trait(SpecConformance.Operation, "getGroupMemberProfile")]
    [Fact]
    public Task GetGroupMemberProfileSendsTheGroupAndUserIdsInThePathAndParsesTheProfile() =>
        ShouldParseTheMemberProfile(
            "getGroupMemberProfile",
            ("groupId", GroupId),
            UserId,
            "Brown",
            "req-group-member",
            "/v2/bot/group/" + GroupId + "/member/" + UserId,
            bot => bot.GetGroupMemberProfileAsync(GroupId, UserId),
            profile => (profile.DisplayName, profile.UserId, profile.PictureUrl, profile.AdditionalProperties.Count));

    [Trait(SpecConformance.Operation, "getGroupMemberProfile")]
    [Fact]
    public async Task GetGroupMemberProfileEscapesReservedCharactersInBothIds()
    {
        Platform.SpecStub("getGroupMemberProfile", ("groupId", "C a/b"), ("userId", "U?1#2"))
            .RespondJson(200, """{"displayName":"X","userId":"U?1#2"}""");
        using var clients = new MessagingApiClients(Platform);

        var profile = (await clients.Bot.GetGroupMemberProfileAsync("C a/b", "U?1#2")).Value;

        profile.UserId.ShouldBe("U?1#2");
        profile.PictureUrl.ShouldBeNull();
        var request = Platform.Requests.ShouldHaveSingleItem();
        request.ShouldConformTo("getGroupMemberProfile");
        request.Url.ShouldBe("/v2/bot/group/C%20a%2Fb/member/U%3F1%232");
    }

    [Trait(SpecConformance.Operation, "getGroupMembersIds")]
    [Fact]
    public async Task GetGroupMembersIdsSendsTheStartTokenAndParsesThePageWithItsNextToken()
    {
        Platform.BotStub("getGroupMembersIds", ("groupId", GroupId))
            .WithQueryParameter("start", "jxEWCEEP")
            .RespondJson(200, $$"""{"memberIds":["{{UserId}}","{{OtherUserId}}"],"next":"yANU9IA"}""", ("X-Line-Request-Id", "req-group-ids"));

        var (response, request) = await CallOnce("req-group-ids", clients => clients.Bot.GetGroupMembersIdsAsync(GroupId, start: "jxEWCEEP"));

        response.Value.MemberIds.ShouldBe(new[] { UserId, OtherUserId });
        response.Value.Next.ShouldBe("yANU9IA");
        ShouldBeBodylessBotCall(request, "getGroupMembersIds", "GET", "/v2/bot/group/" + GroupId + "/members/ids", ("start", "jxEWCEEP"));
    }

    [Trait(SpecConformance.Operation, "getGroupMembersIds")]
    [Fact]
    public Task GetAllGroupMemberIdsWalksBothPagesWithTheStartToken() =>
        ShouldWalkBothPagesOfMemberIds(
            "getGroupMembersIds",
            ("groupId", GroupId),
            "/v2/bot/group/" + GroupId + "/members/ids",
            ["U1", "U2"],
            "yANU9IA",
            ["U3"],
            bot => bot.GetAllGroupMemberIdsAsync(GroupId));

    [Trait(SpecConformance.Operation, "leaveGroup")]
    [Fact]
    public Task LeaveGroupPostsWithoutABody() =>
        ShouldLeaveTheChat("leaveGroup", ("groupId", GroupId), "req-leave-group", "/v2/bot/group/" + GroupId + "/leave", bot => bot.LeaveGroupAsync(GroupId));

    [Trait(SpecConformance.Operation, "getRoomMemberCount")]
    [Fact]
    public async Task GetRoomMemberCountParsesTheCount()
    {
        Platform.BotStub("getRoomMemberCount", ("roomId", RoomId))
            .RespondJson(200, """{"count":4}""", ("X-Line-Request-Id", "req-room-count"));

        var (response, request) = await CallOnce("req-room-count", clients => clients.Bot.GetRoomMemberCountAsync(RoomId));

        response.Value.Count.ShouldBe(4L);
        ShouldBeBodylessBotCall(request, "getRoomMemberCount", "GET", "/v2/bot/room/" + RoomId + "/members/count");
    }

    [Trait(SpecConformance.Operation, "getRoomMemberProfile")]
    [Fact]
    public Task GetRoomMemberProfileSendsTheRoomAndUserIdsInThePathAndParsesTheProfile() =>
        ShouldParseTheMemberProfile(
            "getRoomMemberProfile",
            ("roomId", RoomId),
            OtherUserId,
            "Cony",
            "req-room-member",
            "/v2/bot/room/" + RoomId + "/member/" + OtherUserId,
            bot => bot.GetRoomMemberProfileAsync(RoomId, OtherUserId),
            profile => (profile.DisplayName, profile.UserId, profile.PictureUrl, profile.AdditionalProperties.Count));

    [Trait(SpecConformance.Operation, "getRoomMembersIds")]
    [Fact]
    public async Task GetRoomMembersIdsSendsNoQueryForTheFirstPageAndParsesTheNextToken()
    {
        Platform.BotStub("getRoomMembersIds", ("roomId", RoomId))
            .RespondJson(200, $$"""{"memberIds":["{{UserId}}"],"next":"bRoOm2"}""", ("X-Line-Request-Id", "req-room-ids"));

        var (response, request) = await CallOnce("req-room-ids", clients => clients.Bot.GetRoomMembersIdsAsync(RoomId));

        response.Value.MemberIds.ShouldBe(new[] { UserId });
        response.Value.Next.ShouldBe("bRoOm2");
        ShouldBeBodylessBotCall(request, "getRoomMembersIds", "GET", "/v2/bot/room/" + RoomId + "/members/ids");
    }

    [Trait(SpecConformance.Operation, "getRoomMembersIds")]
    [Fact]
    public Task GetAllRoomMemberIdsWalksBothPagesWithTheStartToken() =>
        ShouldWalkBothPagesOfMemberIds(
            "getRoomMembersIds",
            ("roomId", RoomId),
            "/v2/bot/room/" + RoomId + "/members/ids",
            ["U1", "U2"],
            "bRoOm2",
            ["U3", "U4"],
            bot => bot.GetAllRoomMemberIdsAsync(RoomId));

    [Trait(SpecConformance.Operation, "leaveRoom")]
    [Fact]
    public Task LeaveRoomPostsWithoutABody() =>
        ShouldLeaveTheChat("leaveRoom", ("roomId", RoomId), "req-leave-room", "/v2/bot/room/" + RoomId + "/leave", bot => bot.LeaveRoomAsync(RoomId));

    [Trait(SpecConformance.Operation, "getMembershipSubscription")]
    [Fact]
    public async Task GetMembershipSubscriptionParsesThePlanAndTheUsersSideOfEachSubscription()
    {
        const string subscriptions = """[{"membership":{"membershipId":3189,"title":"Basic plan","description":"Monthly perks","benefits":["Member-only coupons"],"price":500.0,"currency":"JPY"},"user":{"membershipNo":7,"joinedTime":1742781600,"nextBillingDate":"2025-04-24","totalSubscriptionMonths":3}}]""";
        Platform.BotStub("getMembershipSubscription", ("userId", UserId))
            .RespondJson(200, $$"""{"subscriptions":{{subscriptions}}}""", ("X-Line-Request-Id", "req-subscription"));

        var (response, request) = await CallOnce("req-subscription", clients => clients.Bot.GetMembershipSubscriptionAsync(UserId));

        response.Value.AdditionalProperties.ShouldBeEmpty();
        var subscription = response.Value.Subscriptions.ShouldHaveSingleItem();
        subscription.AdditionalProperties.ShouldBeEmpty();
        var plan = subscription.Membership;
        plan.MembershipId.ShouldBe(MembershipId);
        plan.Title.ShouldBe("Basic plan");
        plan.Description.ShouldBe("Monthly perks");
        plan.Benefits.ShouldBe(new[] { "Member-only coupons" });
        plan.Price.ShouldBe(500.0);
        plan.Currency.ShouldBe(MembershipCurrency.Jpy);
        plan.AdditionalProperties.ShouldBeEmpty();
        var user = subscription.User;
        user.MembershipNo.ShouldBe(7L);
        user.JoinedTime.ShouldBe(1742781600L);
        user.NextBillingDate.ShouldBe("2025-04-24");
        user.TotalSubscriptionMonths.ShouldBe(3L);
        user.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getMembershipSubscription", "GET", "/v2/bot/membership/subscription/" + UserId);
    }

    [Trait(SpecConformance.Operation, "getMembershipList")]
    [Fact]
    public async Task GetMembershipListParsesEveryPlanIncludingOneWithoutAMemberLimit()
    {
        const string memberships = """
            [{"membershipId":3189,"title":"Basic plan","description":"Monthly perks","benefits":["Member-only coupons"],"price":500.0,"currency":"JPY",
              "memberCount":2,"memberLimit":null,"isInAppPurchase":false,"isPublished":true},
             {"membershipId":3190,"title":"Premium plan","description":"Priority seating","benefits":["Priority seating","Free drink"],"price":1500.00,"currency":"JPY",
              "memberCount":100,"memberLimit":1000,"isInAppPurchase":true,"isPublished":false}]
            """;
        Platform.BotStub("getMembershipList")
            .RespondJson(200, $$"""{"memberships":{{memberships}}}""", ("X-Line-Request-Id", "req-membership-list"));

        var (response, request) = await CallOnce("req-membership-list", clients => clients.Bot.GetMembershipListAsync());

        response.Value.AdditionalProperties.ShouldBeEmpty();
        response.Value.Memberships.Count.ShouldBe(2);
        var basic = response.Value.Memberships[0];
        basic.MembershipId.ShouldBe(MembershipId);
        basic.Title.ShouldBe("Basic plan");
        basic.Description.ShouldBe("Monthly perks");
        basic.Benefits.ShouldBe(new[] { "Member-only coupons" });
        basic.Price.ShouldBe(500.0);
        basic.Currency.ShouldBe(MembershipCurrency.Jpy);
        basic.MemberCount.ShouldBe(2L);
        basic.MemberLimit.ShouldBeNull();
        basic.IsInAppPurchase.ShouldBeFalse();
        basic.IsPublished.ShouldBeTrue();
        basic.AdditionalProperties.ShouldBeEmpty();
        var premium = response.Value.Memberships[1];
        premium.MembershipId.ShouldBe(3190L);
        premium.Title.ShouldBe("Premium plan");
        premium.Description.ShouldBe("Priority seating");
        premium.Benefits.ShouldBe(new[] { "Priority seating", "Free drink" });
        premium.Price.ShouldBe(1500.0);
        premium.Currency.ShouldBe(MembershipCurrency.Jpy);
        premium.MemberCount.ShouldBe(100L);
        premium.MemberLimit.ShouldBe(1000L);
        premium.IsInAppPurchase.ShouldBeTrue();
        premium.IsPublished.ShouldBeFalse();
        premium.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getMembershipList", "GET", "/v2/bot/membership/list");
    }

    [Trait(SpecConformance.Operation, "getJoinedMembershipUsers")]
    [Fact]
    public async Task GetJoinedMembershipUsersSendsTheMembershipIdStartAndLimitAndParsesThePage()
    {
        Platform.BotStub("getJoinedMembershipUsers", ("membershipId", "3189"))
            .WithQueryParameter("start", "mEmB3r")
            .WithQueryParameter("limit", "500")
            .RespondJson(200, $$"""{"userIds":["{{UserId}}","{{OtherUserId}}"],"next":"mEmB3r2"}""", ("X-Line-Request-Id", "req-members"));

        var (response, request) = await CallOnce("req-members", clients => clients.Bot.GetJoinedMembershipUsersAsync(MembershipId, start: "mEmB3r", limit: 500));

        response.Value.UserIds.ShouldBe(new[] { UserId, OtherUserId });
        response.Value.Next.ShouldBe("mEmB3r2");
        ShouldBeBodylessBotCall(request, "getJoinedMembershipUsers", "GET", "/v2/bot/membership/3189/users/ids", ("start", "mEmB3r"), ("limit", "500"));
    }

    [Trait(SpecConformance.Operation, "getJoinedMembershipUsers")]
    [Fact]
    public async Task GetJoinedMembershipUsersRejectsALimitAboveOneThousandBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentOutOfRangeException>(clients => clients.Bot.GetJoinedMembershipUsersAsync(MembershipId, limit: 1001));

        exception.ParamName.ShouldBe("limit");
    }

    [Trait(SpecConformance.Operation, "getJoinedMembershipUsers")]
    [Fact]
    public async Task GetAllJoinedMembershipUsersWalksBothPagesKeepingTheLimit()
    {
        Platform.SpecStub("getJoinedMembershipUsers", ("membershipId", "3189")).WithQueryParameter("limit", "2").WithPriority(2)
            .RespondJson(200, """{"userIds":["U1","U2"],"next":"mEmB3r2"}""");
        Platform.SpecStub("getJoinedMembershipUsers", ("membershipId", "3189"))
            .WithQueryParameter("limit", "2")
            .WithQueryParameter("start", "mEmB3r2")
            .WithPriority(1)
            .RespondJson(200, """{"userIds":["U3"]}""");

        var (ids, requests) = await WalkPages(clients => clients.Bot.GetAllJoinedMembershipUsersAsync(MembershipId, limit: 2));

        ids.ShouldBe(new[] { "U1", "U2", "U3" });
        ShouldBeBodylessBotCall(requests[0], "getJoinedMembershipUsers", "GET", "/v2/bot/membership/3189/users/ids", ("limit", "2"));
        ShouldBeBodylessBotCall(requests[1], "getJoinedMembershipUsers", "GET", "/v2/bot/membership/3189/users/ids", ("start", "mEmB3r2"), ("limit", "2"));
    }

    [Trait(SpecConformance.Operation, "createCoupon")]
    [Fact]
    public async Task CreateCouponSendsEveryFieldWithTheRewardAndAcquisitionDetailsAndParsesTheCouponId()
    {
        Platform.BotStub("createCoupon")
            .RespondJson(200, $$"""{"couponId":"{{CouponId}}"}""", ("X-Line-Request-Id", "req-create-coupon"));

        var (response, request) = await CallOnce("req-create-coupon", clients => clients.Bot.CreateCouponAsync(new CouponCreateRequest
        {
            Title = "10% off lunch",
            Description = "Show this coupon at the register.",
            StartTimestamp = 1735689600,
            EndTimestamp = 1767225599,
            MaxUseCountPerTicket = 1,
            Timezone = CouponTimezone.AsiaTokyo,
            Visibility = CouponCreateRequestVisibility.Public,
            AcquisitionCondition = new CouponLotteryAcquisitionCondition { LotteryProbability = 50, MaxAcquireCount = 1000 },
            Reward = new CouponCashBackReward { PriceInfo = new CouponCashBackFixedPriceInfo { FixedAmount = 100 } },
            ImageUrl = "https://module.example.com/coupons/lunch.png",
            BarcodeImageUrl = "https://module.example.com/coupons/lunch-barcode.png",
            CouponCode = "LUNCH10",
            UsageCondition = "Weekdays only.",
        }));

        response.Value.CouponId.ShouldBe(CouponId);
        ShouldBeJsonBotCall(
            request,
            "createCoupon",
            "POST",
            "/v2/bot/coupon",
            """
            {"title":"10% off lunch","description":"Show this coupon at the register.","startTimestamp":1735689600,"endTimestamp":1767225599,
             "maxUseCountPerTicket":1,"timezone":"ASIA_TOKYO","visibility":"PUBLIC",
             "acquisitionCondition":{"type":"lottery","lotteryProbability":50,"maxAcquireCount":1000},
             "reward":{"type":"cashBack","priceInfo":{"type":"fixed","fixedAmount":100}},
             "imageUrl":"https://module.example.com/coupons/lunch.png","barcodeImageUrl":"https://module.example.com/coupons/lunch-barcode.png",
             "couponCode":"LUNCH10","usageCondition":"Weekdays only."}
            """);
    }

    [Trait(SpecConformance.Operation, "createCoupon")]
    [Fact]
    public async Task CreateCouponSendsOnlyTheRequiredFieldsWithADiscountStatedAsPricesBeforeAndAfter()
    {
        Platform.SpecStub("createCoupon")
            .RespondJson(200, $$"""{"couponId":"{{CouponId}}"}""", ("X-Line-Request-Id", "req-create-explicit"));
        using var clients = new MessagingApiClients(Platform);

        var response = await clients.Bot.CreateCouponAsync(new CouponCreateRequest
        {
            Title = "Set menu for 900 yen",
            StartTimestamp = 0,
            EndTimestamp = 1924959599,
            MaxUseCountPerTicket = -1,
            Timezone = CouponTimezone.AsiaTaipei,
            Visibility = CouponCreateRequestVisibility.Unlisted,
            AcquisitionCondition = new CouponNormalAcquisitionCondition(),
            Reward = new CouponDiscountReward
            {
                PriceInfo = new CouponDiscountExplicitPriceInfo { OriginalPrice = 1200, PriceAfterDiscount = 900 },
            },
        });

        response.Value.CouponId.ShouldBe(CouponId);
        var request = Platform.Requests.ShouldHaveSingleItem();
        request.ShouldConformTo("createCoupon");
        ShouldBeJson(
            request.Body,
            """
            {"title":"Set menu for 900 yen","startTimestamp":0,"endTimestamp":1924959599,"maxUseCountPerTicket":-1,
             "timezone":"ASIA_TAIPEI","visibility":"UNLISTED","acquisitionCondition":{"type":"normal"},
             "reward":{"type":"discount","priceInfo":{"type":"explicit","priceAfterDiscount":900,"originalPrice":1200}}}
            """);
    }

    [Trait(SpecConformance.Operation, "createCoupon")]
    [Fact]
    public async Task CreateCouponRejectsALotteryProbabilityAboveNinetyNinePercentBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentOutOfRangeException>(clients => clients.Bot.CreateCouponAsync(new CouponCreateRequest
        {
            Title = "Lucky draw",
            StartTimestamp = 1735689600,
            EndTimestamp = 1767225599,
            MaxUseCountPerTicket = 1,
            Timezone = CouponTimezone.AsiaTokyo,
            Visibility = CouponCreateRequestVisibility.Public,
            AcquisitionCondition = new CouponLotteryAcquisitionCondition { LotteryProbability = 100, MaxAcquireCount = 10 },
        }));

        exception.ParamName.ShouldBe("CouponLotteryAcquisitionCondition.LotteryProbability");
    }

    [Trait(SpecConformance.Operation, "closeCoupon")]
    [Fact]
    public async Task CloseCouponPutsWithoutABody()
    {
        Platform.BotStub("closeCoupon", ("couponId", CouponId))
            .RespondStatus(200, ("X-Line-Request-Id", "req-close-coupon"));

        var (response, request) = await CallOnce("req-close-coupon", clients => clients.Bot.CloseCouponAsync(CouponId));

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeBodylessBotCall(request, "closeCoupon", "PUT", "/v2/bot/coupon/" + CouponId + "/close");
    }

    [Trait(SpecConformance.Operation, "closeCoupon")]
    [Fact]
    public async Task CloseCouponAnsweredWith410BecomesLineApiExceptionWithTheMessage()
    {
        Platform.SpecStub("closeCoupon", ("couponId", CouponId))
            .RespondJson(410, """{"message":"The coupon has already expired"}""", ("X-Line-Request-Id", "req-gone"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.CloseCouponAsync(CouponId));

        ShouldBeLineError(exception, 410, "closeCoupon", "req-gone", "The coupon has already expired");
        ShouldBeBodylessBotCall(Platform.Requests.ShouldHaveSingleItem(), "closeCoupon", "PUT", "/v2/bot/coupon/" + CouponId + "/close");
    }

    [Trait(SpecConformance.Operation, "getCouponDetail")]
    [Fact]
    public async Task GetCouponDetailParsesEveryFieldWithTheRewardAndAcquisitionKinds()
    {
        Platform.BotStub("getCouponDetail", ("couponId", CouponId))
            .RespondJson(
                200,
                $$$"""
                {"couponId":"{{{CouponId}}}","status":"RUNNING","title":"10% off lunch","description":"Show this coupon at the register.",
                 "startTimestamp":1735689600,"endTimestamp":1767225599,"maxUseCountPerTicket":1,"timezone":"ASIA_TOKYO","visibility":"PUBLIC",
                 "acquisitionCondition":{"type":"normal"},
                 "reward":{"type":"discount","priceInfo":{"type":"percentage","percentage":10}},
                 "imageUrl":"https://module.example.com/coupons/lunch.png","barcodeImageUrl":"https://module.example.com/coupons/lunch-barcode.png",
                 "couponCode":"LUNCH10","usageCondition":"Weekdays only.","createdTimestamp":1735600000,"maxTicketPerUser":1}
                """,
                ("X-Line-Request-Id", "req-coupon"));

        var (response, request) = await CallOnce("req-coupon", clients => clients.Bot.GetCouponDetailAsync(CouponId));

        var coupon = response.Value;
        coupon.CouponId.ShouldBe(CouponId);
        coupon.Status.ShouldBe(CouponResponseStatus.Running);
        coupon.Title.ShouldBe("10% off lunch");
        coupon.Description.ShouldBe("Show this coupon at the register.");
        coupon.StartTimestamp.ShouldBe(1735689600L);
        coupon.EndTimestamp.ShouldBe(1767225599L);
        coupon.CreatedTimestamp.ShouldBe(1735600000L);
        coupon.MaxUseCountPerTicket.ShouldBe(1);
        coupon.MaxAcquireCount.ShouldBeNull();
        coupon.MaxTicketPerUser.ShouldBe(1L);
        coupon.Timezone.ShouldBe(CouponTimezone.AsiaTokyo);
        coupon.Visibility.ShouldBe(CouponResponseVisibility.Public);
        coupon.AcquisitionCondition.ShouldBeOfType<CouponNormalAcquisitionConditionResponse>().Type.ShouldBe("normal");
        coupon.AcquisitionCondition.AdditionalProperties.ShouldBeEmpty();
        var reward = coupon.Reward.ShouldBeOfType<CouponDiscountRewardResponse>();
        reward.Type.ShouldBe("discount");
        reward.AdditionalProperties.ShouldBeEmpty();
        var priceInfo = reward.PriceInfo.ShouldBeOfType<CouponDiscountPercentagePriceInfoResponse>();
        priceInfo.Type.ShouldBe("percentage");
        priceInfo.Percentage.ShouldBe(10);
        priceInfo.AdditionalProperties.ShouldBeEmpty();
        coupon.ImageUrl.ShouldBe("https://module.example.com/coupons/lunch.png");
        coupon.BarcodeImageUrl.ShouldBe("https://module.example.com/coupons/lunch-barcode.png");
        coupon.CouponCode.ShouldBe("LUNCH10");
        coupon.UsageCondition.ShouldBe("Weekdays only.");
        coupon.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getCouponDetail", "GET", "/v2/bot/coupon/" + CouponId);
    }

    [Trait(SpecConformance.Operation, "getCouponDetail")]
    [Fact]
    public async Task GetCouponDetailParsesALotteryCouponWithAFixedCashBackInItsCurrency()
    {
        Platform.SpecStub("getCouponDetail", ("couponId", CouponId))
            .RespondJson(
                200,
                $$$"""
                {"couponId":"{{{CouponId}}}","status":"CLOSED","title":"Lucky draw","startTimestamp":1735689600,"endTimestamp":1767225599,
                 "maxUseCountPerTicket":1,"maxAcquireCount":1000,"maxTicketPerUser":1,"timezone":"ASIA_BANGKOK","visibility":"UNLISTED",
                 "acquisitionCondition":{"type":"lottery","lotteryProbability":50,"maxAcquireCount":1000},
                 "reward":{"type":"cashBack","priceInfo":{"type":"fixed","currency":"THB","fixedAmount":100}},
                 "createdTimestamp":1735600000}
                """);
        using var clients = new MessagingApiClients(Platform);

        var coupon = (await clients.Bot.GetCouponDetailAsync(CouponId)).Value;

        coupon.CouponId.ShouldBe(CouponId);
        coupon.Status.ShouldBe(CouponResponseStatus.Closed);
        coupon.Title.ShouldBe("Lucky draw");
        coupon.Description.ShouldBeNull();
        coupon.StartTimestamp.ShouldBe(1735689600L);
        coupon.EndTimestamp.ShouldBe(1767225599L);
        coupon.CreatedTimestamp.ShouldBe(1735600000L);
        coupon.MaxUseCountPerTicket.ShouldBe(1);
        coupon.MaxAcquireCount.ShouldBe(1000L);
        coupon.MaxTicketPerUser.ShouldBe(1L);
        coupon.Timezone.ShouldBe(CouponTimezone.AsiaBangkok);
        coupon.Visibility.ShouldBe(CouponResponseVisibility.Unlisted);
        var lottery = coupon.AcquisitionCondition.ShouldBeOfType<CouponLotteryAcquisitionConditionResponse>();
        lottery.Type.ShouldBe("lottery");
        lottery.LotteryProbability.ShouldBe(50);
        lottery.MaxAcquireCount.ShouldBe(1000);
        lottery.AdditionalProperties.ShouldBeEmpty();
        var reward = coupon.Reward.ShouldBeOfType<CouponCashBackRewardResponse>();
        reward.Type.ShouldBe("cashBack");
        reward.AdditionalProperties.ShouldBeEmpty();
        var priceInfo = reward.PriceInfo.ShouldBeOfType<CouponCashBackFixedPriceInfoResponse>();
        priceInfo.Type.ShouldBe("fixed");
        priceInfo.Currency.ShouldBe(CouponCurrency.Thb);
        priceInfo.FixedAmount.ShouldBe(100L);
        priceInfo.AdditionalProperties.ShouldBeEmpty();
        coupon.ImageUrl.ShouldBeNull();
        coupon.BarcodeImageUrl.ShouldBeNull();
        coupon.CouponCode.ShouldBeNull();
        coupon.UsageCondition.ShouldBeNull();
        coupon.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(Platform.Requests.ShouldHaveSingleItem(), "getCouponDetail", "GET", "/v2/bot/coupon/" + CouponId);
    }

    [Trait(SpecConformance.Operation, "getCouponDetail")]
    [Fact]
    public async Task GetCouponDetailParsesAReferralCouponWithAnExplicitDiscount()
    {
        Platform.SpecStub("getCouponDetail", ("couponId", CouponId))
            .RespondJson(
                200,
                $$$"""
                {"couponId":"{{{CouponId}}}","status":"DRAFT","title":"Friend referral","timezone":"ASIA_TAIPEI","visibility":"PRIVATE",
                 "acquisitionCondition":{"type":"referral"},
                 "reward":{"type":"discount","priceInfo":{"type":"explicit","currency":"TWD","priceAfterDiscount":900,"originalPrice":1200}},
                 "createdTimestamp":1735600000}
                """);
        using var clients = new MessagingApiClients(Platform);

        var coupon = (await clients.Bot.GetCouponDetailAsync(CouponId)).Value;

        coupon.CouponId.ShouldBe(CouponId);
        coupon.Status.ShouldBe(CouponResponseStatus.Draft);
        coupon.Title.ShouldBe("Friend referral");
        coupon.CreatedTimestamp.ShouldBe(1735600000L);
        coupon.Timezone.ShouldBe(CouponTimezone.AsiaTaipei);
        coupon.Visibility.ShouldBe(CouponResponseVisibility.Private);
        coupon.AcquisitionCondition.ShouldBeOfType<CouponReferralAcquisitionConditionResponse>().Type.ShouldBe("referral");
        coupon.AcquisitionCondition.AdditionalProperties.ShouldBeEmpty();
        var priceInfo = coupon.Reward.ShouldBeOfType<CouponDiscountRewardResponse>().PriceInfo.ShouldBeOfType<CouponDiscountExplicitPriceInfoResponse>();
        priceInfo.Type.ShouldBe("explicit");
        priceInfo.Currency.ShouldBe(CouponCurrency.Twd);
        priceInfo.PriceAfterDiscount.ShouldBe(900L);
        priceInfo.OriginalPrice.ShouldBe(1200L);
        priceInfo.AdditionalProperties.ShouldBeEmpty();
        coupon.Reward.AdditionalProperties.ShouldBeEmpty();
        coupon.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(Platform.Requests.ShouldHaveSingleItem(), "getCouponDetail", "GET", "/v2/bot/coupon/" + CouponId);
    }

    [Trait(SpecConformance.Operation, "listCoupon")]
    [Fact]
    public async Task ListCouponRepeatsTheStatusParameterForEachStateAndParsesThePage()
    {
        // The spec declares no style/explode for the status array: OpenAPI's default for a query is form + explode, status=A&status=B.
        WithExactQueryValues(
            Platform.BotStub("listCoupon")
                .WithQueryParameter("start", "cOuP0n")
                .WithQueryParameter("limit", "50"),
            "status",
            "RUNNING",
            "CLOSED")
            .RespondJson(
                200,
                $$"""{"items":[{"couponId":"{{CouponId}}","title":"10% off lunch"},{"couponId":"01JYNWA3T2X7Q8M9ZK4D5R6S7V","title":"Free drink"}],"next":"cOuP0n2"}""",
                ("X-Line-Request-Id", "req-coupons"));

        var (response, request) = await CallOnce("req-coupons", clients => clients.Bot.ListCouponAsync(status: ["RUNNING", "CLOSED"], start: "cOuP0n", limit: 50));

        response.Value.Items.Select(c => c.CouponId).ShouldBe(new[] { CouponId, "01JYNWA3T2X7Q8M9ZK4D5R6S7V" });
        response.Value.Items.Select(c => c.Title).ShouldBe(new[] { "10% off lunch", "Free drink" });
        response.Value.Next.ShouldBe("cOuP0n2");
        ShouldBeBodylessBotCall(request, "listCoupon", "GET", "/v2/bot/coupon", ("status", "RUNNING"), ("status", "CLOSED"), ("start", "cOuP0n"), ("limit", "50"));
        request.Url.ShouldBe("/v2/bot/coupon?status=RUNNING&status=CLOSED&start=cOuP0n&limit=50");
    }

    [Trait(SpecConformance.Operation, "listCoupon")]
    [Fact]
    public async Task ListCouponRejectsALimitAboveOneHundredBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentOutOfRangeException>(clients => clients.Bot.ListCouponAsync(limit: 101));

        exception.ParamName.ShouldBe("limit");
    }

    [Trait(SpecConformance.Operation, "listCoupon")]
    [Fact]
    public async Task ListAllCouponsWalksBothPagesKeepingTheStatusesAndLimit()
    {
        WithExactQueryValues(
            Platform.SpecStub("listCoupon").WithQueryParameter("limit", "2").WithPriority(2),
            "status",
            "DRAFT",
            "RUNNING")
            .RespondJson(200, """{"items":[{"couponId":"C1","title":"First"},{"couponId":"C2","title":"Second"}],"next":"cOuP0n2"}""");
        WithExactQueryValues(
            Platform.SpecStub("listCoupon").WithQueryParameter("limit", "2").WithQueryParameter("start", "cOuP0n2").WithPriority(1),
            "status",
            "DRAFT",
            "RUNNING")
            .RespondJson(200, """{"items":[{"couponId":"C3","title":"Third"}]}""");

        var (coupons, requests) = await WalkPages(clients => clients.Bot.ListAllCouponsAsync(status: ["DRAFT", "RUNNING"], limit: 2));

        coupons.Select(c => c.CouponId).ShouldBe(new[] { "C1", "C2", "C3" });
        coupons.Select(c => c.Title).ShouldBe(new[] { "First", "Second", "Third" });
        ShouldBeBodylessBotCall(requests[0], "listCoupon", "GET", "/v2/bot/coupon", ("status", "DRAFT"), ("status", "RUNNING"), ("limit", "2"));
        ShouldBeBodylessBotCall(requests[1], "listCoupon", "GET", "/v2/bot/coupon", ("status", "DRAFT"), ("status", "RUNNING"), ("start", "cOuP0n2"), ("limit", "2"));
        requests[0].Url.ShouldBe("/v2/bot/coupon?status=DRAFT&status=RUNNING&limit=2");
    }

    /// <summary>
    /// Every member id of a group or room over two pages: the first request without a start token, the second with the
    /// first page's next token; the ids of both pages in order.
    /// </summary>
    private async Task ShouldWalkBothPagesOfMemberIds(
        string operationId,
        (string Name, string Value) chat,
        string path,
        string[] firstPage,
        string next,
        string[] secondPage,
        Func<MessagingApiBotClient, IAsyncEnumerable<string>> walk)
    {
        Platform.SpecStub(operationId, chat).WithPriority(2)
            .RespondJson(200, new JsonObject { ["memberIds"] = JsonArrayOf(firstPage), ["next"] = next });
        Platform.SpecStub(operationId, chat).WithQueryParameter("start", next).WithPriority(1)
            .RespondJson(200, new JsonObject { ["memberIds"] = JsonArrayOf(secondPage) });

        var (ids, requests) = await WalkPages(clients => walk(clients.Bot));

        ids.ShouldBe(firstPage.Concat(secondPage));
        ShouldBeBodylessBotCall(requests[0], operationId, "GET", path);
        ShouldBeBodylessBotCall(requests[1], operationId, "GET", path, ("start", next));
    }

    /// <summary>The bot leaves a group or room: a POST without a body, answered with 200 and nothing else.</summary>
    private async Task ShouldLeaveTheChat(
        string operationId,
        (string Name, string Value) chat,
        string requestId,
        string path,
        Func<MessagingApiBotClient, Task<LineResponse>> leave)
    {
        Platform.BotStub(operationId, chat)
            .RespondStatus(200, ("X-Line-Request-Id", requestId));

        var (response, request) = await CallOnce(requestId, clients => leave(clients.Bot));

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeBodylessBotCall(request, operationId, "POST", path);
    }

    private static JsonArray JsonArrayOf(string[] values) => new(values.Select(value => (JsonNode?)value).ToArray());

    /// <summary>
    /// A group or room member's profile: the chat's and the user's ids in the path, the display name, user id and picture
    /// URL (LINE's CDN, the name in lower case) parsed, nothing else.
    /// </summary>
    private async Task ShouldParseTheMemberProfile<TProfile>(
        string operationId,
        (string Name, string Value) chat,
        string userId,
        string displayName,
        string requestId,
        string path,
        Func<MessagingApiBotClient, Task<LineResponse<TProfile>>> get,
        Func<TProfile, (string? DisplayName, string? UserId, string? PictureUrl, int AdditionalProperties)> fields)
    {
        var pictureUrl = "https://profile.line-scdn.net/ch/v2/p/" + displayName.ToLowerInvariant();
        Platform.BotStub(operationId, chat, ("userId", userId))
            .RespondJson(
                200,
                $$"""{"displayName":"{{displayName}}","userId":"{{userId}}","pictureUrl":"{{pictureUrl}}"}""",
                ("X-Line-Request-Id", requestId));

        var (response, request) = await CallOnce(requestId, clients => get(clients.Bot));

        fields(response.Value).ShouldBe((displayName, userId, pictureUrl, 0));
        ShouldBeBodylessBotCall(request, operationId, "GET", path);
    }

    /// <summary>
    /// Requires the query parameter to carry exactly these values in this order; a plain <c>WithQueryParameter</c> would
    /// accept a request that sent only one of them.
    /// </summary>
    private static LineStub WithExactQueryValues(LineStub stub, string name, params string[] values) =>
        stub.When(
            $"query {name} exactly {string.Join(", ", values)}",
            request => request.Query.TryGetValue(name, out var sent) && sent.SequenceEqual(values, StringComparer.Ordinal));
}
