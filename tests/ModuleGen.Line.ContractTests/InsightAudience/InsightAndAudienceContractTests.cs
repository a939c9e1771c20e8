using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ModuleGen.Line.ContractTests.Messaging;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.Messaging.MessagingApiClients;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.InsightAudience;

/// <summary>
/// Insight and Manage Audience operations of bot-scoped clients, asserted on what WireMock received (including the
/// multipart uploads to api-data, part by part) and on the parsed responses, where withheld statistics come back as null.
/// </summary>
[Collection(LinePlatformCollection.Name)]
public sealed class InsightAndAudienceContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string TextPartContentType = "text/plain; charset=utf-8";
    private const string RichMenuId = "richmenu-88c05ef6921ae53f8b58a25f3a65faf7";
    private const string BroadcastRequestId = "f70dd685-499a-4231-a441-f24b8d4fba21";
    private const long AudienceGroupId = 4389303728991;
    private const string AudienceGroupPath = "/v2/bot/audienceGroup/4389303728991";

    [Trait(SpecConformance.Operation, "getNumberOfMessageDeliveries")]
    [Fact]
    public async Task GetNumberOfMessageDeliveriesSendsTheDateAndParsesEveryKindOfDelivery()
    {
        Platform.BotStub("getNumberOfMessageDeliveries").WithQueryParameter("date", "20190418").RespondJson(
            200,
            """{"status":"ready","broadcast":5385,"targeting":522,"autoResponse":0,"welcomeResponse":12,"chat":3,"apiBroadcast":100,"apiPush":2800,"apiMulticast":450,"apiNarrowcast":60,"apiReply":1742}""",
            ("X-Line-Request-Id", "req-deliveries"));

        var (response, request) = await CallOnce("req-deliveries", clients => clients.InsightBot.GetNumberOfMessageDeliveriesAsync("20190418"));

        var deliveries = response.Value;
        deliveries.Status.ShouldBe(InsightStatisticsStatus.Ready);
        deliveries.Broadcast.ShouldBe(5385);
        deliveries.Targeting.ShouldBe(522);
        deliveries.AutoResponse.ShouldBe(0);
        deliveries.WelcomeResponse.ShouldBe(12);
        deliveries.Chat.ShouldBe(3);
        deliveries.ApiBroadcast.ShouldBe(100);
        deliveries.ApiPush.ShouldBe(2800);
        deliveries.ApiMulticast.ShouldBe(450);
        deliveries.ApiNarrowcast.ShouldBe(60);
        deliveries.ApiReply.ShouldBe(1742);
        ShouldBeBodylessBotCall(request, "getNumberOfMessageDeliveries", "GET", "/v2/bot/insight/message/delivery", ("date", "20190418"));
    }

    [Trait(SpecConformance.Operation, "getNumberOfMessageDeliveries")]
    [Fact]
    public async Task GetNumberOfMessageDeliveriesOfAnUncountedDayHasAStatusAndNoCounts()
    {
        Platform.BotStub("getNumberOfMessageDeliveries").WithQueryParameter("date", "20260705")
            .RespondJson(200, """{"status":"unready"}""", ("X-Line-Request-Id", "req-unready"));

        var (response, request) = await CallOnce("req-unready", clients => clients.InsightBot.GetNumberOfMessageDeliveriesAsync("20260705"));

        var deliveries = response.Value;
        deliveries.Status.ShouldBe(InsightStatisticsStatus.Unready);
        ShouldAllBeWithheld(
            deliveries.Broadcast,
            deliveries.Targeting,
            deliveries.AutoResponse,
            deliveries.WelcomeResponse,
            deliveries.Chat,
            deliveries.ApiBroadcast,
            deliveries.ApiPush,
            deliveries.ApiMulticast,
            deliveries.ApiNarrowcast,
            deliveries.ApiReply);
        ShouldBeBodylessBotCall(request, "getNumberOfMessageDeliveries", "GET", "/v2/bot/insight/message/delivery", ("date", "20260705"));
    }

    [Trait(SpecConformance.Operation, "getNumberOfFollowers")]
    [Fact]
    public async Task GetNumberOfFollowersSendsTheDateAndParsesTheCounts()
    {
        Platform.BotStub("getNumberOfFollowers").WithQueryParameter("date", "20190418").RespondJson(
            200,
            """{"status":"ready","followers":7620,"targetedReaches":5848,"blocks":237}""",
            ("X-Line-Request-Id", "req-followers"));

        var (response, request) = await CallOnce("req-followers", clients => clients.InsightBot.GetNumberOfFollowersAsync("20190418"));

        ShouldBeFollowers(response.Value, InsightStatisticsStatus.Ready, followers: 7620, targetedReaches: 5848, blocks: 237);
        ShouldBeBodylessBotCall(request, "getNumberOfFollowers", "GET", "/v2/bot/insight/followers", ("date", "20190418"));
    }

    [Trait(SpecConformance.Operation, "getNumberOfFollowers")]
    [Fact]
    public async Task GetNumberOfFollowersWithoutADateSendsNoQuery()
    {
        Platform.BotStub("getNumberOfFollowers").RespondJson(
            200,
            """{"status":"ready","followers":7711,"targetedReaches":5902,"blocks":240}""",
            ("X-Line-Request-Id", "req-followers-latest"));

        var (response, request) = await CallOnce("req-followers-latest", clients => clients.InsightBot.GetNumberOfFollowersAsync());

        ShouldBeFollowers(response.Value, InsightStatisticsStatus.Ready, followers: 7711, targetedReaches: 5902, blocks: 240);
        request.Url.ShouldBe("/v2/bot/insight/followers");
        ShouldBeBodylessBotCall(request, "getNumberOfFollowers", "GET", "/v2/bot/insight/followers");
    }

    [Trait(SpecConformance.Operation, "getNumberOfFollowers")]
    [Fact]
    public async Task GetNumberOfFollowersOfADayBeforeCountingBeganIsOutOfServiceWithoutCounts()
    {
        Platform.BotStub("getNumberOfFollowers").WithQueryParameter("date", "20160101")
            .RespondJson(200, """{"status":"out_of_service"}""", ("X-Line-Request-Id", "req-out-of-service"));

        var (response, request) = await CallOnce("req-out-of-service", clients => clients.InsightBot.GetNumberOfFollowersAsync("20160101"));

        var followers = response.Value;
        followers.Status.ShouldBe(InsightStatisticsStatus.OutOfService);
        ShouldAllBeWithheld(followers.Followers, followers.TargetedReaches, followers.Blocks);
        ShouldBeBodylessBotCall(request, "getNumberOfFollowers", "GET", "/v2/bot/insight/followers", ("date", "20160101"));
    }

    [Trait(SpecConformance.Operation, "getFriendsDemographics")]
    [Fact]
    public async Task GetFriendsDemographicsParsesEveryKindOfTile()
    {
        Platform.BotStub("getFriendsDemographics").RespondJson(
            200,
            """
            {"available":true,
             "genders":[{"gender":"unknown","percentage":37.6},{"gender":"male","percentage":31.8},{"gender":"female","percentage":30.6}],
             "ages":[{"age":"unknown","percentage":37.6},{"age":"from0to14","percentage":0.4},{"age":"from15to19","percentage":2.1},{"age":"from20to24","percentage":5.3},{"age":"from25to29","percentage":6.0},{"age":"from30to34","percentage":6.8},{"age":"from35to39","percentage":7.2},{"age":"from40to44","percentage":7.9},{"age":"from45to49","percentage":9.4},{"age":"from50","percentage":17.3},{"age":"from50to54","percentage":6.2},{"age":"from55to59","percentage":4.5},{"age":"from60to64","percentage":3.1},{"age":"from65to69","percentage":2.0},{"age":"from70","percentage":1.5}],
             "areas":[{"area":"unknown","percentage":42.9},{"area":"徳島","percentage":2.9}],
             "appTypes":[{"appType":"ios","percentage":62.4},{"appType":"android","percentage":27.7},{"appType":"others","percentage":9.9}],
             "subscriptionPeriods":[{"subscriptionPeriod":"over365days","percentage":96.4},{"subscriptionPeriod":"within365days","percentage":1.9},{"subscriptionPeriod":"within180days","percentage":1.2},{"subscriptionPeriod":"within90days","percentage":0.3},{"subscriptionPeriod":"within30days","percentage":0.1},{"subscriptionPeriod":"within7days","percentage":0.05},{"subscriptionPeriod":"unknown","percentage":0.05}]}
            """,
            ("X-Line-Request-Id", "req-demographics"));

        var (response, request) = await CallOnce("req-demographics", clients => clients.InsightBot.GetFriendsDemographicsAsync());

        var demographics = response.Value;
        demographics.Available.ShouldBeTrue();
        var genders = demographics.Genders.ShouldNotBeNull();
        genders.Select(tile => tile.Gender).ShouldBe(new GenderTileGender?[] { GenderTileGender.Unknown, GenderTileGender.Male, GenderTileGender.Female });
        genders.Select(tile => tile.Percentage).ShouldBe(new double?[] { 37.6, 31.8, 30.6 });
        var ages = demographics.Ages.ShouldNotBeNull();
        ages.Select(tile => tile.Age).ShouldBe(new AgeTileAge?[]
        {
            AgeTileAge.Unknown, AgeTileAge.From0to14, AgeTileAge.From15to19, AgeTileAge.From20to24, AgeTileAge.From25to29,
            AgeTileAge.From30to34, AgeTileAge.From35to39, AgeTileAge.From40to44, AgeTileAge.From45to49, AgeTileAge.From50,
            AgeTileAge.From50to54, AgeTileAge.From55to59, AgeTileAge.From60to64, AgeTileAge.From65to69, AgeTileAge.From70,
        });
        ages.Select(tile => tile.Percentage).ShouldBe(new double?[] { 37.6, 0.4, 2.1, 5.3, 6.0, 6.8, 7.2, 7.9, 9.4, 17.3, 6.2, 4.5, 3.1, 2.0, 1.5 });
        ages.ShouldAllBe(tile => tile.Age!.Value.IsKnown);
        var areas = demographics.Areas.ShouldNotBeNull();
        areas.Select(tile => tile.Area).ShouldBe(new[] { "unknown", "徳島" });
        areas.Select(tile => tile.Percentage).ShouldBe(new double?[] { 42.9, 2.9 });
        var appTypes = demographics.AppTypes.ShouldNotBeNull();
        appTypes.Select(tile => tile.AppType).ShouldBe(new AppTypeTileAppType?[] { AppTypeTileAppType.Ios, AppTypeTileAppType.Android, AppTypeTileAppType.Others });
        appTypes.Select(tile => tile.Percentage).ShouldBe(new double?[] { 62.4, 27.7, 9.9 });
        var periods = demographics.SubscriptionPeriods.ShouldNotBeNull();
        periods.Select(tile => tile.SubscriptionPeriod).ShouldBe(new SubscriptionPeriodTileSubscriptionPeriod?[]
        {
            SubscriptionPeriodTileSubscriptionPeriod.Over365days, SubscriptionPeriodTileSubscriptionPeriod.Within365days,
            SubscriptionPeriodTileSubscriptionPeriod.Within180days, SubscriptionPeriodTileSubscriptionPeriod.Within90days,
            SubscriptionPeriodTileSubscriptionPeriod.Within30days, SubscriptionPeriodTileSubscriptionPeriod.Within7days,
            SubscriptionPeriodTileSubscriptionPeriod.Unknown,
        });
        periods.Select(tile => tile.Percentage).ShouldBe(new double?[] { 96.4, 1.9, 1.2, 0.3, 0.1, 0.05, 0.05 });
        ShouldBeBodylessBotCall(request, "getFriendsDemographics", "GET", "/v2/bot/insight/demographic");
    }

    [Trait(SpecConformance.Operation, "getFriendsDemographics")]
    [Fact]
    public async Task GetFriendsDemographicsOfAnOfficialAccountWithTooFewFriendsIsUnavailableWithoutTiles()
    {
        Platform.BotStub("getFriendsDemographics").RespondJson(200, """{"available":false}""", ("X-Line-Request-Id", "req-unavailable"));

        var (response, request) = await CallOnce("req-unavailable", clients => clients.InsightBot.GetFriendsDemographicsAsync());

        response.Value.Available.ShouldBeFalse();
        ShouldAllBeWithheld(response.Value.Genders, response.Value.Ages, response.Value.Areas, response.Value.AppTypes, response.Value.SubscriptionPeriods);
        ShouldBeBodylessBotCall(request, "getFriendsDemographics", "GET", "/v2/bot/insight/demographic");
    }

    [Trait(SpecConformance.Operation, "getMessageEvent")]
    [Fact]
    public async Task GetMessageEventSendsTheRequestIdAndParsesWithheldCountsAsNull()
    {
        Platform.BotStub("getMessageEvent").WithQueryParameter("requestId", BroadcastRequestId).RespondJson(
            200,
            $$"""
            {"overview":{"requestId":"{{BroadcastRequestId}}","timestamp":1568214000,"delivered":320,"uniqueImpression":42,"uniqueClick":null,"uniqueMediaPlayed":25,"uniqueMediaPlayed100Percent":null},
             "messages":[
               {"seq":1,"impression":180,"mediaPlayed":110,"mediaPlayed25Percent":90,"mediaPlayed50Percent":62,"mediaPlayed75Percent":40,"mediaPlayed100Percent":21,"uniqueMediaPlayed":25,"uniqueMediaPlayed25Percent":22,"uniqueMediaPlayed50Percent":null,"uniqueMediaPlayed75Percent":null,"uniqueMediaPlayed100Percent":null},
               {"seq":2,"impression":null,"mediaPlayed":null,"mediaPlayed25Percent":null,"mediaPlayed50Percent":null,"mediaPlayed75Percent":null,"mediaPlayed100Percent":null,"uniqueMediaPlayed":null,"uniqueMediaPlayed25Percent":null,"uniqueMediaPlayed50Percent":null,"uniqueMediaPlayed75Percent":null,"uniqueMediaPlayed100Percent":null}],
             "clicks":[
               {"seq":1,"url":"https://www.example.com/1","click":null,"uniqueClick":null,"uniqueClickOfRequest":null},
               {"seq":1,"url":"https://www.example.com/2","click":64,"uniqueClick":35,"uniqueClickOfRequest":38}]}
            """,
            ("X-Line-Request-Id", "req-event"));

        var (response, request) = await CallOnce("req-event", clients => clients.InsightBot.GetMessageEventAsync(BroadcastRequestId));

        var overview = response.Value.Overview.ShouldNotBeNull();
        overview.RequestId.ShouldBe(BroadcastRequestId);
        overview.Timestamp.ShouldBe(1568214000);
        overview.Delivered.ShouldBe(320);
        overview.UniqueImpression.ShouldBe(42);
        overview.UniqueClick.ShouldBeNull();
        overview.UniqueMediaPlayed.ShouldBe(25);
        overview.UniqueMediaPlayed100Percent.ShouldBeNull();
        var messages = response.Value.Messages.ShouldNotBeNull();
        messages.Count.ShouldBe(2);
        var video = messages[0];
        video.Seq.ShouldBe(1);
        video.Impression.ShouldBe(180);
        video.MediaPlayed.ShouldBe(110);
        video.MediaPlayed25Percent.ShouldBe(90);
        video.MediaPlayed50Percent.ShouldBe(62);
        video.MediaPlayed75Percent.ShouldBe(40);
        video.MediaPlayed100Percent.ShouldBe(21);
        video.UniqueMediaPlayed.ShouldBe(25);
        video.UniqueMediaPlayed25Percent.ShouldBe(22);
        video.UniqueMediaPlayed50Percent.ShouldBeNull();
        video.UniqueMediaPlayed75Percent.ShouldBeNull();
        video.UniqueMediaPlayed100Percent.ShouldBeNull();
        var withheld = messages[1];
        withheld.Seq.ShouldBe(2);
        withheld.Impression.ShouldBeNull();
        withheld.MediaPlayed.ShouldBeNull();
        withheld.MediaPlayed25Percent.ShouldBeNull();
        withheld.MediaPlayed50Percent.ShouldBeNull();
        withheld.MediaPlayed75Percent.ShouldBeNull();
        withheld.MediaPlayed100Percent.ShouldBeNull();
        withheld.UniqueMediaPlayed.ShouldBeNull();
        withheld.UniqueMediaPlayed25Percent.ShouldBeNull();
        withheld.UniqueMediaPlayed50Percent.ShouldBeNull();
        withheld.UniqueMediaPlayed75Percent.ShouldBeNull();
        withheld.UniqueMediaPlayed100Percent.ShouldBeNull();
        var clicks = response.Value.Clicks.ShouldNotBeNull();
        clicks.Count.ShouldBe(2);
        clicks[0].Seq.ShouldBe(1);
        clicks[0].Url.ShouldBe("https://www.example.com/1");
        clicks[0].Click.ShouldBeNull();
        clicks[0].UniqueClick.ShouldBeNull();
        clicks[0].UniqueClickOfRequest.ShouldBeNull();
        clicks[1].Seq.ShouldBe(1);
        clicks[1].Url.ShouldBe("https://www.example.com/2");
        clicks[1].Click.ShouldBe(64);
        clicks[1].UniqueClick.ShouldBe(35);
        clicks[1].UniqueClickOfRequest.ShouldBe(38);
        ShouldBeBodylessBotCall(request, "getMessageEvent", "GET", "/v2/bot/insight/message/event", ("requestId", BroadcastRequestId));
    }

    [Trait(SpecConformance.Operation, "getStatisticsPerUnit")]
    [Fact]
    public async Task GetStatisticsPerUnitSendsTheUnitAndPeriodAndParsesWithheldCountsAsNull()
    {
        Platform.BotStub("getStatisticsPerUnit")
            .WithQueryParameter("customAggregationUnit", "promotion_a")
            .WithQueryParameter("from", "20210301")
            .WithQueryParameter("to", "20210331")
            .RespondJson(
                200,
                """
                {"overview":{"uniqueImpression":40,"uniqueClick":30,"uniqueMediaPlayed":25,"uniqueMediaPlayed100Percent":null},
                 "messages":[
                   {"seq":1,"impression":42,"uniqueImpression":40,"mediaPlayed":null,"mediaPlayed25Percent":null,"mediaPlayed50Percent":null,"mediaPlayed75Percent":null,"mediaPlayed100Percent":null,"uniqueMediaPlayed":null,"uniqueMediaPlayed25Percent":null,"uniqueMediaPlayed50Percent":null,"uniqueMediaPlayed75Percent":null,"uniqueMediaPlayed100Percent":null},
                   {"seq":2,"impression":38,"uniqueImpression":33,"mediaPlayed":31,"mediaPlayed25Percent":29,"mediaPlayed50Percent":27,"mediaPlayed75Percent":26,"mediaPlayed100Percent":25,"uniqueMediaPlayed":25,"uniqueMediaPlayed25Percent":24,"uniqueMediaPlayed50Percent":23,"uniqueMediaPlayed75Percent":22,"uniqueMediaPlayed100Percent":21}],
                 "clicks":[{"seq":1,"url":"https://developers.line.biz/","click":35,"uniqueClick":25,"uniqueClickOfRequest":null}]}
                """,
                ("X-Line-Request-Id", "req-unit"));

        var (response, request) = await CallOnce("req-unit", clients => clients.InsightBot.GetStatisticsPerUnitAsync("promotion_a", "20210301", "20210331"));

        var overview = response.Value.Overview;
        overview.UniqueImpression.ShouldBe(40);
        overview.UniqueClick.ShouldBe(30);
        overview.UniqueMediaPlayed.ShouldBe(25);
        overview.UniqueMediaPlayed100Percent.ShouldBeNull();
        response.Value.Messages.Count.ShouldBe(2);
        var text = response.Value.Messages[0];
        text.Seq.ShouldBe(1);
        text.Impression.ShouldBe(42);
        text.UniqueImpression.ShouldBe(40);
        text.MediaPlayed.ShouldBeNull();
        text.MediaPlayed25Percent.ShouldBeNull();
        text.MediaPlayed50Percent.ShouldBeNull();
        text.MediaPlayed75Percent.ShouldBeNull();
        text.MediaPlayed100Percent.ShouldBeNull();
        text.UniqueMediaPlayed.ShouldBeNull();
        text.UniqueMediaPlayed25Percent.ShouldBeNull();
        text.UniqueMediaPlayed50Percent.ShouldBeNull();
        text.UniqueMediaPlayed75Percent.ShouldBeNull();
        text.UniqueMediaPlayed100Percent.ShouldBeNull();
        var video = response.Value.Messages[1];
        video.Seq.ShouldBe(2);
        video.Impression.ShouldBe(38);
        video.UniqueImpression.ShouldBe(33);
        video.MediaPlayed.ShouldBe(31);
        video.MediaPlayed25Percent.ShouldBe(29);
        video.MediaPlayed50Percent.ShouldBe(27);
        video.MediaPlayed75Percent.ShouldBe(26);
        video.MediaPlayed100Percent.ShouldBe(25);
        video.UniqueMediaPlayed.ShouldBe(25);
        video.UniqueMediaPlayed25Percent.ShouldBe(24);
        video.UniqueMediaPlayed50Percent.ShouldBe(23);
        video.UniqueMediaPlayed75Percent.ShouldBe(22);
        video.UniqueMediaPlayed100Percent.ShouldBe(21);
        var click = response.Value.Clicks.ShouldHaveSingleItem();
        click.Seq.ShouldBe(1);
        click.Url.ShouldBe("https://developers.line.biz/");
        click.Click.ShouldBe(35);
        click.UniqueClick.ShouldBe(25);
        click.UniqueClickOfRequest.ShouldBeNull();
        ShouldBeBodylessBotCall(
            request,
            "getStatisticsPerUnit",
            "GET",
            "/v2/bot/insight/message/event/aggregation",
            ("customAggregationUnit", "promotion_a"),
            ("from", "20210301"),
            ("to", "20210331"));
    }

    [Trait(SpecConformance.Operation, "getRichMenuInsightSummary")]
    [Fact]
    public async Task GetRichMenuInsightSummarySendsTheMenuAndPeriodAndKeepsUnknownFields()
    {
        Platform.BotStub("getRichMenuInsightSummary", ("richMenuId", RichMenuId))
            .WithQueryParameter("from", "20260701")
            .WithQueryParameter("to", "20260707")
            .RespondJson(
                200,
                $$$"""
                {"richMenuId":"{{{RichMenuId}}}","metricsFrom":"20260701","metricsTo":"20260707",
                 "impression":{"metrics":{"count":1520,"uniqueUsers":610}},
                 "clicks":[{"bounds":{"x":0,"y":0,"width":1250,"height":843},"metrics":{"count":210,"uniqueUsers":150}},
                           {"bounds":{"x":1250,"y":0,"width":1250,"height":843},"metrics":{"count":130,"uniqueUsers":95}}],
                 "clickThroughRate":0.2237}
                """,
                ("X-Line-Request-Id", "req-richmenu-summary"));

        var (response, request) = await CallOnce("req-richmenu-summary", clients => clients.InsightBot.GetRichMenuInsightSummaryAsync(RichMenuId, "20260701", "20260707"));

        var summary = response.Value;
        summary.RichMenuId.ShouldBe(RichMenuId);
        summary.MetricsFrom.ShouldBe("20260701");
        summary.MetricsTo.ShouldBe("20260707");
        var impression = summary.Impression.ShouldNotBeNull().Metrics;
        impression.Count.ShouldBe(1520);
        impression.UniqueUsers.ShouldBe(610);
        var clicks = summary.Clicks.ShouldNotBeNull();
        clicks.Count.ShouldBe(2);
        (clicks[0].Bounds.X, clicks[0].Bounds.Y, clicks[0].Bounds.Width, clicks[0].Bounds.Height).ShouldBe((0, 0, 1250, 843));
        (clicks[0].Metrics.Count, clicks[0].Metrics.UniqueUsers).ShouldBe((210L, 150L));
        (clicks[1].Bounds.X, clicks[1].Bounds.Y, clicks[1].Bounds.Width, clicks[1].Bounds.Height).ShouldBe((1250, 0, 1250, 843));
        (clicks[1].Metrics.Count, clicks[1].Metrics.UniqueUsers).ShouldBe((130L, 95L));
        var unknown = summary.AdditionalProperties.ShouldHaveSingleItem();
        unknown.Key.ShouldBe("clickThroughRate");
        unknown.Value.ValueKind.ShouldBe(JsonValueKind.Number);
        unknown.Value.GetDouble().ShouldBe(0.2237);
        ShouldBeBodylessBotCall(
            request,
            "getRichMenuInsightSummary",
            "GET",
            "/v2/bot/insight/richmenu/" + RichMenuId + "/summary",
            ("from", "20260701"),
            ("to", "20260707"));
    }

    [Trait(SpecConformance.Operation, "getRichMenuInsightSummary")]
    [Fact]
    public async Task GetRichMenuInsightSummaryEscapesReservedCharactersInTheRichMenuId()
    {
        Platform.BotStub("getRichMenuInsightSummary", ("richMenuId", "menu/a b?"))
            .WithQueryParameter("from", "20260701")
            .WithQueryParameter("to", "20260707")
            .RespondJson(200, """{"richMenuId":"menu/a b?"}""");

        var (response, request) = await CallOnce(null, clients => clients.InsightBot.GetRichMenuInsightSummaryAsync("menu/a b?", "20260701", "20260707"));

        var summary = response.Value;
        summary.RichMenuId.ShouldBe("menu/a b?");
        summary.Clicks.ShouldBeNull();
        summary.Impression.ShouldBeNull();
        summary.MissingRequiredProperties.ShouldBeEmpty();
        request.ShouldConformTo("getRichMenuInsightSummary");
        request.Path.ShouldBe("/v2/bot/insight/richmenu/menu%2Fa%20b%3F/summary");
    }

    [Trait(SpecConformance.Operation, "getRichMenuInsightDaily")]
    [Fact]
    public async Task GetRichMenuInsightDailySendsTheMenuAndPeriodAndParsesEachDay()
    {
        Platform.BotStub("getRichMenuInsightDaily", ("richMenuId", RichMenuId))
            .WithQueryParameter("from", "20260701")
            .WithQueryParameter("to", "20260702")
            .RespondJson(
                200,
                $$$"""
                {"richMenuId":"{{{RichMenuId}}}","metricsFrom":"20260701","metricsTo":"20260702",
                 "impression":{"metrics":[{"date":"20260701","count":230,"uniqueUsers":95},{"date":"20260702","count":198,"uniqueUsers":90}]},
                 "clicks":[{"bounds":{"x":0,"y":0,"width":1250,"height":843},
                            "metrics":[{"date":"20260701","count":51,"uniqueUsers":33},{"date":"20260702","count":40,"uniqueUsers":29}]}]}
                """,
                ("X-Line-Request-Id", "req-richmenu-daily"));

        var (response, request) = await CallOnce("req-richmenu-daily", clients => clients.InsightBot.GetRichMenuInsightDailyAsync(RichMenuId, "20260701", "20260702"));

        response.Value.RichMenuId.ShouldBe(RichMenuId);
        response.Value.MetricsFrom.ShouldBe("20260701");
        response.Value.MetricsTo.ShouldBe("20260702");
        response.Value.AdditionalProperties.ShouldBeEmpty();
        var impressions = response.Value.Impression.ShouldNotBeNull().Metrics;
        impressions.Select(d => (d.Date, d.Count, d.UniqueUsers)).ShouldBe(new[] { ("20260701", 230L, 95L), ("20260702", 198L, 90L) });
        var click = response.Value.Clicks.ShouldNotBeNull().ShouldHaveSingleItem();
        (click.Bounds.X, click.Bounds.Y, click.Bounds.Width, click.Bounds.Height).ShouldBe((0, 0, 1250, 843));
        click.Metrics.Select(d => (d.Date, d.Count, d.UniqueUsers)).ShouldBe(new[] { ("20260701", 51L, 33L), ("20260702", 40L, 29L) });
        ShouldBeBodylessBotCall(request, "getRichMenuInsightDaily", "GET", "/v2/bot/insight/richmenu/" + RichMenuId + "/daily", ("from", "20260701"), ("to", "20260702"));
    }

    [Trait(SpecConformance.Operation, "createAudienceGroup")]
    [Fact]
    public async Task CreateAudienceGroupSendsEveryIdAsSchemaValidJsonAndParsesTheNewAudience()
    {
        Platform.BotStub("createAudienceGroup").RespondJson(
            202,
            """{"requestId":"bb9744f9-47fa-4a29-941e-1234567890ab","audienceGroupId":4389303728991,"createRoute":"MESSAGING_API","type":"UPLOAD","description":"Spring campaign buyers","created":1613698278,"permission":"READ_WRITE","expireTimestamp":1629250278,"isIfaAudience":false}""",
            ("X-Line-Request-Id", "req-create-audience"));

        var (response, request) = await CallOnce("req-create-audience", clients => clients.AudienceBot.CreateAudienceGroupAsync(new CreateAudienceGroupRequest
        {
            Description = "Spring campaign buyers",
            IsIfaAudience = false,
            UploadDescription = "first batch",
            Audiences = [new Audience { Id = UserId }, new Audience { Id = OtherUserId }],
        }), 202);

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeTheUploadedAudience(response.Value);
        ShouldBeJsonBotCall(
            request,
            "createAudienceGroup",
            "POST",
            "/v2/bot/audienceGroup/upload",
            $$"""{"description":"Spring campaign buyers","isIfaAudience":false,"uploadDescription":"first batch","audiences":[{"id":"{{UserId}}"},{"id":"{{OtherUserId}}"}]}""");
    }

    [Trait(SpecConformance.Operation, "createClickBasedAudienceGroup")]
    [Fact]
    public async Task CreateClickBasedAudienceGroupSendsTheBroadcastAndUrlAndParsesTheNewAudience()
    {
        Platform.BotStub("createClickBasedAudienceGroup").RespondJson(
            202,
            """{"requestId":"12222222-3333-4444-5555-666666666666","audienceGroupId":4389303728992,"type":"CLICK","description":"Clicked the spring sale link","created":1613705240,"permission":"READ_WRITE","expireTimestamp":1629257240,"isIfaAudience":false,"clickUrl":"https://example.com/spring-sale","createRoute":"MESSAGING_API"}""",
            ("X-Line-Request-Id", "req-click-audience"));

        var (response, request) = await CallOnce("req-click-audience", clients => clients.AudienceBot.CreateClickBasedAudienceGroupAsync(new CreateClickBasedAudienceGroupRequest
        {
            Description = "Clicked the spring sale link",
            RequestId = "12222222-3333-4444-5555-666666666666",
            ClickUrl = "https://example.com/spring-sale",
        }), 202);

        var audience = response.Value;
        audience.RequestId.ShouldBe("12222222-3333-4444-5555-666666666666");
        audience.AudienceGroupId.ShouldBe(4389303728992);
        audience.Type.ShouldBe(AudienceGroupType.Click);
        audience.Description.ShouldBe("Clicked the spring sale link");
        audience.Created.ShouldBe(1613705240);
        audience.Permission.ShouldBe(AudienceGroupPermission.ReadWrite);
        audience.ExpireTimestamp.ShouldBe(1629257240);
        audience.IsIfaAudience.ShouldBe(false);
        audience.ClickUrl.ShouldBe("https://example.com/spring-sale");
        audience.CreateRoute.ShouldBe(AudienceGroupCreateRoute.MessagingApi);
        ShouldBeJsonBotCall(
            request,
            "createClickBasedAudienceGroup",
            "POST",
            "/v2/bot/audienceGroup/click",
            """{"description":"Clicked the spring sale link","requestId":"12222222-3333-4444-5555-666666666666","clickUrl":"https://example.com/spring-sale"}""");
    }

    [Trait(SpecConformance.Operation, "createImpBasedAudienceGroup")]
    [Fact]
    public async Task CreateImpBasedAudienceGroupSendsTheBroadcastAndParsesTheNewAudience()
    {
        Platform.BotStub("createImpBasedAudienceGroup").RespondJson(
            202,
            """{"requestId":"12222222-3333-4444-5555-666666666666","audienceGroupId":4389303728993,"type":"IMP","description":"Opened the spring sale message","created":1613707095}""",
            ("X-Line-Request-Id", "req-imp-audience"));

        var (response, request) = await CallOnce("req-imp-audience", clients => clients.AudienceBot.CreateImpBasedAudienceGroupAsync(new CreateImpBasedAudienceGroupRequest
        {
            Description = "Opened the spring sale message",
            RequestId = "12222222-3333-4444-5555-666666666666",
        }), 202);

        response.Value.RequestId.ShouldBe("12222222-3333-4444-5555-666666666666");
        response.Value.AudienceGroupId.ShouldBe(4389303728993);
        response.Value.Type.ShouldBe(AudienceGroupType.Imp);
        response.Value.Description.ShouldBe("Opened the spring sale message");
        response.Value.Created.ShouldBe(1613707095);
        ShouldBeJsonBotCall(request, "createImpBasedAudienceGroup", "POST", "/v2/bot/audienceGroup/imp", """{"description":"Opened the spring sale message","requestId":"12222222-3333-4444-5555-666666666666"}""");
    }

    [Trait(SpecConformance.Operation, "updateAudienceGroupDescription")]
    [Fact]
    public async Task UpdateAudienceGroupDescriptionPutsTheNewNameUnderTheAudiencePath()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "updateAudienceGroupDescription",
            "req-rename",
            clients => clients.AudienceBot.UpdateAudienceGroupDescriptionAsync(
                AudienceGroupId,
                new UpdateAudienceGroupDescriptionRequest { Description = "Spring campaign buyers (2026)" }),
            ("audienceGroupId", "4389303728991"));

        ShouldBeJsonBotCall(request, "updateAudienceGroupDescription", "PUT", AudienceGroupPath + "/updateDescription", """{"description":"Spring campaign buyers (2026)"}""");
    }

    [Trait(SpecConformance.Operation, "deleteAudienceGroup")]
    [Fact]
    public async Task DeleteAudienceGroupSendsABodylessDeleteForTheAudience()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "deleteAudienceGroup",
            "req-delete-audience",
            clients => clients.AudienceBot.DeleteAudienceGroupAsync(AudienceGroupId),
            ("audienceGroupId", "4389303728991"));

        ShouldBeBodylessBotCall(request, "deleteAudienceGroup", "DELETE", AudienceGroupPath);
    }

    [Trait(SpecConformance.Operation, "getAudienceData")]
    [Fact]
    public async Task GetAudienceDataParsesTheAudienceItsJobsAndItsAdAccount()
    {
        Platform.BotStub("getAudienceData", ("audienceGroupId", "4389303728991")).RespondJson(
            200,
            """
            {"audienceGroup":{"audienceGroupId":4389303728991,"type":"UPLOAD","description":"Spring campaign buyers","status":"READY","failedType":null,"audienceCount":1520,"created":1613698278,"requestId":"bb9744f9-47fa-4a29-941e-1234567890ab","clickUrl":"https://example.com/unused","isIfaAudience":false,"permission":"READ_WRITE","createRoute":"MESSAGING_API","expireTimestamp":1629250278},
             "jobs":[
               {"audienceGroupJobId":12345679,"audienceGroupId":4389303728991,"description":"second batch","type":"DIFF_ADD","jobStatus":"FAILED","failedType":"INTERNAL_ERROR","audienceCount":0,"created":1613784678},
               {"audienceGroupJobId":12345678,"audienceGroupId":4389303728991,"description":"first batch","type":"DIFF_ADD","jobStatus":"FINISHED","failedType":null,"audienceCount":1520,"created":1613698278}],
             "adaccount":{"name":"Spring campaign ads"}}
            """,
            ("X-Line-Request-Id", "req-audience"));

        var (response, request) = await CallOnce("req-audience", clients => clients.AudienceBot.GetAudienceDataAsync(AudienceGroupId));

        var group = response.Value.AudienceGroup.ShouldNotBeNull();
        ShouldBeAudienceGroup(
            group, AudienceGroupId, AudienceGroupType.Upload, "Spring campaign buyers", AudienceGroupStatus.Ready, failedType: null,
            audienceCount: 1520, created: 1613698278, requestId: "bb9744f9-47fa-4a29-941e-1234567890ab", clickUrl: "https://example.com/unused", isIfaAudience: false,
            AudienceGroupPermission.ReadWrite, AudienceGroupCreateRoute.MessagingApi, expireTimestamp: 1629250278);
        var jobs = response.Value.Jobs.ShouldNotBeNull();
        jobs.Count.ShouldBe(2);
        ShouldBeAudienceGroupJob(
            jobs[0], 12345679, AudienceGroupId, "second batch", AudienceGroupJobType.DiffAdd, AudienceGroupJobStatus.Failed,
            failedType: AudienceGroupJobFailedType.InternalError, audienceCount: 0, created: 1613784678);
        ShouldBeAudienceGroupJob(
            jobs[1], 12345678, AudienceGroupId, "first batch", AudienceGroupJobType.DiffAdd, AudienceGroupJobStatus.Finished,
            failedType: null, audienceCount: 1520, created: 1613698278);
        response.Value.AdAccount.ShouldNotBeNull().Name.ShouldBe("Spring campaign ads");
        ShouldBeBodylessBotCall(request, "getAudienceData", "GET", AudienceGroupPath);
    }

    [Trait(SpecConformance.Operation, "getAudienceGroups")]
    [Fact]
    public async Task GetAudienceGroupsSendsEveryFilterAndParsesThePage()
    {
        Platform.BotStub("getAudienceGroups")
            .WithQueryParameter("page", "2")
            .WithQueryParameter("description", "spring sale")
            .WithQueryParameter("status", "READY")
            .WithQueryParameter("size", "40")
            .WithQueryParameter("includesExternalPublicGroups", "false")
            .WithQueryParameter("createRoute", "MESSAGING_API")
            .RespondJson(
                200,
                """
                {"audienceGroups":[
                   {"audienceGroupId":4389303728992,"type":"CLICK","description":"Clicked the spring sale link","status":"READY","failedType":null,"audienceCount":2410,"created":1613705240,"requestId":"12222222-3333-4444-5555-666666666666","clickUrl":"https://example.com/spring-sale","isIfaAudience":false,"permission":"READ_WRITE","createRoute":"MESSAGING_API","expireTimestamp":1629257240},
                   {"audienceGroupId":4389303728994,"type":"UPLOAD","description":"spring sale IFAs","status":"READY","failedType":null,"audienceCount":310,"created":1613709000,"isIfaAudience":true,"permission":"READ","createRoute":"MESSAGING_API","expireTimestamp":1629261000}],
                 "hasNextPage":true,"totalCount":83,"readWriteAudienceGroupTotalCount":82,"page":2,"size":40}
                """,
                ("X-Line-Request-Id", "req-audiences"));

        var (response, request) = await CallOnce("req-audiences", clients => clients.AudienceBot.GetAudienceGroupsAsync(
            page: 2,
            description: "spring sale",
            status: AudienceGroupStatus.Ready,
            size: 40,
            includesExternalPublicGroups: false,
            createRoute: AudienceGroupCreateRoute.MessagingApi));

        var page = response.Value;
        page.HasNextPage.ShouldBe(true);
        page.TotalCount.ShouldBe(83);
        page.ReadWriteAudienceGroupTotalCount.ShouldBe(82);
        page.Page.ShouldBe(2);
        page.Size.ShouldBe(40);
        var groups = page.AudienceGroups.ShouldNotBeNull();
        groups.Count.ShouldBe(2);
        var click = groups[0];
        ShouldBeAudienceGroup(
            click, 4389303728992, AudienceGroupType.Click, "Clicked the spring sale link", AudienceGroupStatus.Ready, failedType: null,
            audienceCount: 2410, created: 1613705240, requestId: "12222222-3333-4444-5555-666666666666", clickUrl: "https://example.com/spring-sale", isIfaAudience: false,
            AudienceGroupPermission.ReadWrite, AudienceGroupCreateRoute.MessagingApi, expireTimestamp: 1629257240);
        var upload = groups[1];
        ShouldBeAudienceGroup(
            upload, 4389303728994, AudienceGroupType.Upload, "spring sale IFAs", AudienceGroupStatus.Ready, failedType: null,
            audienceCount: 310, created: 1613709000, requestId: null, clickUrl: null, isIfaAudience: true,
            AudienceGroupPermission.Read, AudienceGroupCreateRoute.MessagingApi, expireTimestamp: 1629261000);
        ShouldBeBodylessBotCall(
            request,
            "getAudienceGroups",
            "GET",
            "/v2/bot/audienceGroup/list",
            ("page", "2"),
            ("description", "spring sale"),
            ("status", "READY"),
            ("size", "40"),
            ("includesExternalPublicGroups", "false"),
            ("createRoute", "MESSAGING_API"));
        request.Url.ShouldContain("description=spring%20sale");
    }

    [Trait(SpecConformance.Operation, "getAudienceGroups")]
    [Fact]
    public async Task GetAudienceGroupsWithoutFiltersSendsOnlyThePage()
    {
        Platform.BotStub("getAudienceGroups").WithQueryParameter("page", "1").RespondJson(
            200,
            """{"audienceGroups":[],"hasNextPage":false,"totalCount":0,"readWriteAudienceGroupTotalCount":0,"page":1,"size":20}""",
            ("X-Line-Request-Id", "req-audiences-empty"));

        var (response, request) = await CallOnce("req-audiences-empty", clients => clients.AudienceBot.GetAudienceGroupsAsync(page: 1));

        response.Value.AudienceGroups.ShouldNotBeNull().ShouldBeEmpty();
        response.Value.HasNextPage.ShouldBe(false);
        response.Value.TotalCount.ShouldBe(0);
        response.Value.ReadWriteAudienceGroupTotalCount.ShouldBe(0);
        response.Value.Page.ShouldBe(1);
        response.Value.Size.ShouldBe(20);
        ShouldBeBodylessBotCall(request, "getAudienceGroups", "GET", "/v2/bot/audienceGroup/list", ("page", "1"));
    }

    [Trait(SpecConformance.Operation, "getSharedAudienceData")]
    [Fact]
    public async Task GetSharedAudienceDataParsesTheFailedAudienceAndItsOwner()
    {
        Platform.BotStub("getSharedAudienceData", ("audienceGroupId", "4389303728995")).RespondJson(
            200,
            """
            {"audienceGroup":{"audienceGroupId":4389303728995,"type":"WEBTRAFFIC","description":"Visited the store page","status":"FAILED","failedType":"AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT","audienceCount":0,"created":1613710000,"requestId":"req-webtraffic","clickUrl":"https://example.com/store","isIfaAudience":false,"permission":"READ","createRoute":"AD_MANAGER","expireTimestamp":1629262000},
             "jobs":[{"audienceGroupJobId":12345680,"audienceGroupId":4389303728995,"description":"store visitors","type":"DIFF_ADD","jobStatus":"FAILED","failedType":"AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT","audienceCount":0,"created":1613710000}],
             "owner":{"serviceType":"AD_MANAGER","id":"A0000000001","name":"Example Store Ads"}}
            """,
            ("X-Line-Request-Id", "req-shared-audience"));

        var (response, request) = await CallOnce("req-shared-audience", clients => clients.AudienceBot.GetSharedAudienceDataAsync(4389303728995));

        var group = response.Value.AudienceGroup.ShouldNotBeNull();
        ShouldBeAudienceGroup(
            group, 4389303728995, AudienceGroupType.Webtraffic, "Visited the store page", AudienceGroupStatus.Failed, failedType: AudienceGroupFailedType.AudienceGroupAudienceInsufficient,
            audienceCount: 0, created: 1613710000, requestId: "req-webtraffic", clickUrl: "https://example.com/store", isIfaAudience: false,
            AudienceGroupPermission.Read, AudienceGroupCreateRoute.AdManager, expireTimestamp: 1629262000);
        var job = response.Value.Jobs.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeAudienceGroupJob(
            job, 12345680, 4389303728995, "store visitors", AudienceGroupJobType.DiffAdd, AudienceGroupJobStatus.Failed,
            failedType: AudienceGroupJobFailedType.AudienceGroupAudienceInsufficient, audienceCount: 0, created: 1613710000);
        var owner = response.Value.Owner.ShouldNotBeNull();
        owner.ServiceType.ShouldBe("AD_MANAGER");
        owner.Id.ShouldBe("A0000000001");
        owner.Name.ShouldBe("Example Store Ads");
        ShouldBeBodylessBotCall(request, "getSharedAudienceData", "GET", "/v2/bot/audienceGroup/shared/4389303728995");
    }

    [Trait(SpecConformance.Operation, "getSharedAudienceGroups")]
    [Fact]
    public async Task GetSharedAudienceGroupsSendsEveryFilterAndParsesThePage()
    {
        Platform.BotStub("getSharedAudienceGroups")
            .WithQueryParameter("page", "1")
            .WithQueryParameter("description", "store")
            .WithQueryParameter("status", "IN_PROGRESS")
            .WithQueryParameter("size", "10")
            .WithQueryParameter("createRoute", "OA_MANAGER")
            .WithQueryParameter("includesOwnedAudienceGroups", "true")
            .RespondJson(
                200,
                """
                {"audienceGroups":[{"audienceGroupId":4389303728996,"type":"CHAT_TAG","description":"store regulars","status":"IN_PROGRESS","failedType":null,"audienceCount":0,"created":1613711000,"isIfaAudience":false,"permission":"READ","createRoute":"OA_MANAGER","expireTimestamp":1629263000}],
                 "hasNextPage":false,"totalCount":1,"readWriteAudienceGroupTotalCount":0,"page":1,"size":10}
                """,
                ("X-Line-Request-Id", "req-shared-audiences"));

        var (response, request) = await CallOnce("req-shared-audiences", clients => clients.AudienceBot.GetSharedAudienceGroupsAsync(
            page: 1,
            description: "store",
            status: AudienceGroupStatus.InProgress,
            size: 10,
            createRoute: AudienceGroupCreateRoute.OaManager,
            includesOwnedAudienceGroups: true));

        var page = response.Value;
        page.HasNextPage.ShouldBe(false);
        page.TotalCount.ShouldBe(1);
        page.ReadWriteAudienceGroupTotalCount.ShouldBe(0);
        page.Page.ShouldBe(1);
        page.Size.ShouldBe(10);
        var group = page.AudienceGroups.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeAudienceGroup(
            group, 4389303728996, AudienceGroupType.ChatTag, "store regulars", AudienceGroupStatus.InProgress, failedType: null,
            audienceCount: 0, created: 1613711000, requestId: null, clickUrl: null, isIfaAudience: false,
            AudienceGroupPermission.Read, AudienceGroupCreateRoute.OaManager, expireTimestamp: 1629263000);
        ShouldBeBodylessBotCall(
            request,
            "getSharedAudienceGroups",
            "GET",
            "/v2/bot/audienceGroup/shared/list",
            ("page", "1"),
            ("description", "store"),
            ("status", "IN_PROGRESS"),
            ("size", "10"),
            ("createRoute", "OA_MANAGER"),
            ("includesOwnedAudienceGroups", "true"));
    }

    [Trait(SpecConformance.Operation, "addAudienceToAudienceGroup")]
    [Fact]
    public async Task AddAudienceToAudienceGroupPutsTheIdsAsSchemaValidJsonAndIsAccepted()
    {
        Platform.BotStub("addAudienceToAudienceGroup").RespondStatus(202, ("X-Line-Request-Id", "req-add-audience"));

        var (response, request) = await CallOnce("req-add-audience", clients => clients.AudienceBot.AddAudienceToAudienceGroupAsync(new AddAudienceToAudienceGroupRequest
        {
            AudienceGroupId = AudienceGroupId,
            UploadDescription = "second batch",
            Audiences = [new Audience { Id = UserId }, new Audience { Id = OtherUserId }],
        }), 202);

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeJsonBotCall(
            request,
            "addAudienceToAudienceGroup",
            "PUT",
            "/v2/bot/audienceGroup/upload",
            $$"""{"audienceGroupId":4389303728991,"uploadDescription":"second batch","audiences":[{"id":"{{UserId}}"},{"id":"{{OtherUserId}}"}]}""");
    }

    [Trait(SpecConformance.Operation, "createAudienceForUploadingUserIds")]
    [Fact]
    public async Task CreateAudienceForUploadingUserIdsSendsEveryFieldAndThePlainTextFileAsMultipartToApiData()
    {
        Platform.BotStub("createAudienceForUploadingUserIds").RespondJson(
            202,
            """{"requestId":"bb9744f9-47fa-4a29-941e-1234567890ab","audienceGroupId":4389303728991,"createRoute":"MESSAGING_API","type":"UPLOAD","description":"Spring campaign buyers","created":1613698278,"permission":"READ_WRITE","expireTimestamp":1629250278,"isIfaAudience":false}""",
            ("X-Line-Request-Id", "req-upload-file"));
        var ids = UserId + "\n" + OtherUserId + "\n";
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(ids));

        var (response, request) = await CallOnce(
            "req-upload-file",
            clients => clients.AudienceBot.CreateAudienceForUploadingUserIdsAsync(new CreateAudienceForUploadingUserIdsRequest
            {
                Description = "Spring campaign buyers",
                IsIfaAudience = false,
                UploadDescription = "春のキャンペーン 第1弾",
                File = new LineFileContent(file, "user-ids.txt"),
            }),
            202);

        ShouldBeTheUploadedAudience(response.Value);
        file.CanRead.ShouldBeTrue(); // the caller keeps owning the stream
        ShouldBeFileUpload(
            request,
            "createAudienceForUploadingUserIds",
            "POST",
            new MultipartPart("description", null, TextPartContentType, "Spring campaign buyers"),
            new MultipartPart("isIfaAudience", null, TextPartContentType, "false"),
            new MultipartPart("uploadDescription", null, TextPartContentType, "春のキャンペーン 第1弾"),
            new MultipartPart("file", "user-ids.txt", "text/plain", ids));
    }

    [Trait(SpecConformance.Operation, "addUserIdsToAudience")]
    [Fact]
    public async Task AddUserIdsToAudiencePutsTheAudienceAndThePlainTextFileAsMultipartToApiData()
    {
        Platform.BotStub("addUserIdsToAudience").RespondStatus(202, ("X-Line-Request-Id", "req-add-file"));
        var ids = OtherUserId + "\n";
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(ids));

        var (response, request) = await CallOnce(
            "req-add-file",
            clients => clients.AudienceBot.AddUserIdsToAudienceAsync(new AddUserIdsToAudienceRequest
            {
                AudienceGroupId = AudienceGroupId,
                UploadDescription = "second batch",
                File = new LineFileContent(file, "more-user-ids.txt", "text/plain"),
            }),
            202);

        response.AlreadyAccepted.ShouldBeFalse();
        file.CanRead.ShouldBeTrue(); // the caller keeps owning the stream
        ShouldBeFileUpload(
            request,
            "addUserIdsToAudience",
            "PUT",
            new MultipartPart("audienceGroupId", null, TextPartContentType, "4389303728991"),
            new MultipartPart("uploadDescription", null, TextPartContentType, "second batch"),
            new MultipartPart("file", "more-user-ids.txt", "text/plain", ids));
    }

    /// <summary>The audience both ways of creating by upload (JSON and file) answer with in the tests.</summary>
    private static void ShouldBeTheUploadedAudience(CreateAudienceGroupResponse audience)
    {
        audience.RequestId.ShouldBe("bb9744f9-47fa-4a29-941e-1234567890ab");
        audience.AudienceGroupId.ShouldBe(AudienceGroupId);
        audience.CreateRoute.ShouldBe(AudienceGroupCreateRoute.MessagingApi);
        audience.Type.ShouldBe(AudienceGroupType.Upload);
        audience.Description.ShouldBe("Spring campaign buyers");
        audience.Created.ShouldBe(1613698278);
        audience.Permission.ShouldBe(AudienceGroupPermission.ReadWrite);
        audience.ExpireTimestamp.ShouldBe(1629250278);
        audience.IsIfaAudience.ShouldBe(false);
    }

    /// <summary>What LINE withholds (a day not counted, too few friends) comes back as null, each of these.</summary>
    private static void ShouldAllBeWithheld(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i].ShouldBeNull($"value {i} is withheld");
        }
    }

    /// <summary>The follower counts of a day.</summary>
    private static void ShouldBeFollowers(GetNumberOfFollowersResponse actual, InsightStatisticsStatus status, long followers, long targetedReaches, long blocks)
    {
        actual.Status.ShouldBe(status);
        actual.Followers.ShouldBe(followers);
        actual.TargetedReaches.ShouldBe(targetedReaches);
        actual.Blocks.ShouldBe(blocks);
    }

    /// <summary>Every field of an audience group as LINE describes it.</summary>
    private static void ShouldBeAudienceGroup(
        AudienceGroup group,
        long id,
        AudienceGroupType type,
        string description,
        AudienceGroupStatus status,
        AudienceGroupFailedType? failedType,
        long audienceCount,
        long created,
        string? requestId,
        string? clickUrl,
        bool isIfaAudience,
        AudienceGroupPermission permission,
        AudienceGroupCreateRoute createRoute,
        long expireTimestamp)
    {
        group.AudienceGroupId.ShouldBe(id);
        group.Type.ShouldBe(type);
        group.Description.ShouldBe(description);
        group.Status.ShouldBe(status);
        group.FailedType.ShouldBe(failedType);
        group.AudienceCount.ShouldBe(audienceCount);
        group.Created.ShouldBe(created);
        group.RequestId.ShouldBe(requestId);
        group.ClickUrl.ShouldBe(clickUrl);
        group.IsIfaAudience.ShouldBe(isIfaAudience);
        group.Permission.ShouldBe(permission);
        group.CreateRoute.ShouldBe(createRoute);
        group.ExpireTimestamp.ShouldBe(expireTimestamp);
    }

    /// <summary>Every field of a job that added to an audience group.</summary>
    private static void ShouldBeAudienceGroupJob(
        AudienceGroupJob job,
        long id,
        long audienceGroupId,
        string description,
        AudienceGroupJobType type,
        AudienceGroupJobStatus status,
        AudienceGroupJobFailedType? failedType,
        long audienceCount,
        long created)
    {
        job.AudienceGroupJobId.ShouldBe(id);
        job.AudienceGroupId.ShouldBe(audienceGroupId);
        job.Description.ShouldBe(description);
        job.Type.ShouldBe(type);
        job.JobStatus.ShouldBe(status);
        job.FailedType.ShouldBe(failedType);
        job.AudienceCount.ShouldBe(audienceCount);
        job.Created.ShouldBe(created);
    }

    /// <summary>
    /// An upload of user ids as a file to api-data: a bot-scoped call to the upload path without a query or retry key, whose
    /// multipart/form-data body holds exactly the <paramref name="expected"/> parts in this order.
    /// </summary>
    private static void ShouldBeFileUpload(LineRecordedRequest request, string operationId, string method, params MultipartPart[] expected)
    {
        ShouldBeBotCall(request, operationId, method, "/v2/bot/audienceGroup/upload/byFile");
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
        var parts = ReadMultipartFormData(request);
        parts.Select(part => part.Name).ShouldBe(expected.Select(part => part.Name));
        parts.ShouldBe(expected);
    }

    /// <summary>
    /// The parts of a multipart/form-data body (RFC 7578), split on the boundary its Content-Type names: every part must be
    /// form-data with a name, and the body must hold nothing before the first delimiter or after the close delimiter.
    /// </summary>
    private static IReadOnlyList<MultipartPart> ReadMultipartFormData(LineRecordedRequest request)
    {
        var contentType = request.Header("Content-Type").ShouldNotBeNull();
        var boundary = Regex.Match(contentType, "^multipart/form-data; ?boundary=\"?(?<boundary>[^\";]+)\"?$", RegexOptions.CultureInvariant);
        boundary.Success.ShouldBeTrue($"Content-Type '{contentType}' is not multipart/form-data with a boundary");
        var sections = Encoding.UTF8.GetString(request.BodyBytes).Split("--" + boundary.Groups["boundary"].Value);
        sections.Length.ShouldBeGreaterThan(2, "the body holds no part");
        sections[0].ShouldBeEmpty("the body starts with the first delimiter");
        sections[^1].ShouldBe("--\r\n", "the body ends with the close delimiter");
        return sections[1..^1].Select(ReadPart).ToArray();
    }

    private static MultipartPart ReadPart(string section)
    {
        section.ShouldStartWith("\r\n");
        section.ShouldEndWith("\r\n");
        var part = section[2..^2];
        var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        headerEnd.ShouldBeGreaterThanOrEqualTo(0, $"the part has no blank line after its headers: {part}");
        var headers = part[..headerEnd].Split("\r\n")
            .Select(line => line.Split(':', 2))
            .ToDictionary(header => header[0].Trim(), header => header[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var disposition = headers["Content-Disposition"].Split(';').Select(item => item.Trim()).ToArray();
        disposition[0].ShouldBe("form-data");
        var parameters = disposition[1..]
            .Select(parameter => parameter.Split('=', 2))
            .ToDictionary(parameter => parameter[0], parameter => parameter[1].Trim('"'), StringComparer.OrdinalIgnoreCase);
        return new MultipartPart(
            parameters["name"],
            parameters.GetValueOrDefault("filename"),
            headers.GetValueOrDefault("Content-Type"),
            part[(headerEnd + 4)..]);
    }

    private sealed record MultipartPart(string Name, string? FileName, string? ContentType, string Content);
}
