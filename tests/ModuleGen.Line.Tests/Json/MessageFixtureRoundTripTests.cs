using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModuleGen.Line.Models;
using ModuleGen.Line.Runtime;
using Shouldly;
using Xunit;
using LineAction = ModuleGen.Line.Models.ActionObject;

namespace ModuleGen.Line.Tests.Json;

public sealed class MessageFixtureRoundTripTests
{
    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "fixtures", "messages");

    /// <summary>The C# type each fixture must read as, by file name (without .json).</summary>
    private static readonly Dictionary<string, Type> ExpectedTypes = new(StringComparer.Ordinal)
    {
        ["action.camera"] = typeof(CameraAction),
        ["action.cameraRoll"] = typeof(CameraRollAction),
        ["action.clipboard"] = typeof(ClipboardAction),
        ["action.datetimepicker"] = typeof(DatetimePickerAction),
        ["action.location"] = typeof(LocationAction),
        ["action.message"] = typeof(MessageAction),
        ["action.postback"] = typeof(PostbackAction),
        ["action.richmenuswitch"] = typeof(RichMenuSwitchAction),
        ["action.uri"] = typeof(UriAction),
        ["filter.age"] = typeof(AgeDemographicFilter),
        ["filter.appType"] = typeof(AppTypeDemographicFilter),
        ["filter.area"] = typeof(AreaDemographicFilter),
        ["filter.gender"] = typeof(GenderDemographicFilter),
        ["filter.operator"] = typeof(OperatorDemographicFilter),
        ["filter.subscriptionPeriod"] = typeof(SubscriptionPeriodDemographicFilter),
        ["flex.box"] = typeof(FlexBox),
        ["flex.bubble"] = typeof(FlexBubble),
        ["flex.button"] = typeof(FlexButton),
        ["flex.carousel"] = typeof(FlexCarousel),
        ["flex.filler"] = typeof(FlexFiller),
        ["flex.icon"] = typeof(FlexIcon),
        ["flex.image"] = typeof(FlexImage),
        ["flex.separator"] = typeof(FlexSeparator),
        ["flex.span"] = typeof(FlexSpan),
        ["flex.text"] = typeof(FlexText),
        ["flex.video"] = typeof(FlexVideo),
        ["imagemap-action.clipboard"] = typeof(ClipboardImagemapAction),
        ["imagemap-action.message"] = typeof(MessageImagemapAction),
        ["imagemap-action.uri"] = typeof(UriImagemapAction),
        ["limit"] = typeof(Limit),
        ["message.audio"] = typeof(AudioMessage),
        ["message.coupon"] = typeof(CouponMessage),
        ["message.flex"] = typeof(FlexMessage),
        ["message.image"] = typeof(ImageMessage),
        ["message.imagemap"] = typeof(ImagemapMessage),
        ["message.location"] = typeof(LocationMessage),
        ["message.sticker"] = typeof(StickerMessage),
        ["message.template"] = typeof(TemplateMessage),
        ["message.text"] = typeof(TextMessage),
        ["message.textV2"] = typeof(TextMessageV2),
        ["message.video"] = typeof(VideoMessage),
        ["recipient.audience"] = typeof(AudienceRecipient),
        ["recipient.operator"] = typeof(OperatorRecipient),
        ["recipient.redelivery"] = typeof(RedeliveryRecipient),
        ["template.buttons"] = typeof(ButtonsTemplate),
        ["template.carousel"] = typeof(CarouselTemplate),
        ["template.confirm"] = typeof(ConfirmTemplate),
        ["template.image_carousel"] = typeof(ImageCarouselTemplate),
        ["unknown.action"] = typeof(UnknownActionObject),
        ["unknown.flex-component"] = typeof(UnknownFlexComponent),
        ["unknown.message"] = typeof(UnknownMessage),
    };

    public static TheoryData<string> Fixtures
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in FixtureNames())
            {
                data.Add(file);
            }

            return data;
        }
    }

    [Fact]
    public void EveryFixtureHasAnExpectedType()
    {
        var files = FixtureNames();

        files.ShouldNotBeEmpty();
        files.Where(f => !ExpectedTypes.ContainsKey(f)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void AFixtureReadsAsItsTypeAndWritesBackTheSameJson(string fixture)
    {
        var original = File.ReadAllBytes(Path.Combine(FixtureDirectory, fixture + ".json"));

        var (value, written) = RoundTrip(fixture, original);

        value.GetType().ShouldBe(ExpectedTypes[fixture]);
        JsonSemanticallyEqual(original, written).ShouldBeTrue($"{fixture} changed in the round trip:\n{System.Text.Encoding.UTF8.GetString(written)}");
        var (_, rewritten) = RoundTrip(fixture, written);
        rewritten.ShouldBe(written);
    }

    [Theory]
    [InlineData("unknown.message")]
    [InlineData("unknown.action")]
    [InlineData("unknown.flex-component")]
    public void AnUnknownKindKeepsItsTypeAndRawJson(string fixture)
    {
        var original = File.ReadAllBytes(Path.Combine(FixtureDirectory, fixture + ".json"));
        using var document = JsonDocument.Parse(original);
        var type = document.RootElement.GetProperty("type").GetString();

        var (value, written) = RoundTrip(fixture, original);

        var (actualType, raw) = value switch
        {
            UnknownMessage m => (m.Type, m.RawJson),
            UnknownActionObject a => (a.Type, a.RawJson),
            UnknownFlexComponent c => (c.Type, c.RawJson),
            _ => throw new InvalidOperationException($"{fixture} read as {value.GetType().Name}"),
        };
        actualType.ShouldBe(type);
        JsonElement.DeepEquals(raw, document.RootElement).ShouldBeTrue();
        JsonSemanticallyEqual(original, written).ShouldBeTrue();
    }

    [Fact]
    public void AnUnknownBubbleSizeSurvivesARoundTrip()
    {
        var json = """{"type":"bubble","size":"zetta","body":{"type":"box","layout":"vertical","contents":[]}}"""u8.ToArray();

        var (value, written) = RoundTrip<FlexContainer>(json);

        var bubble = value.ShouldBeOfType<FlexBubble>();
        bubble.Size.ShouldNotBeNull();
        bubble.Size.Value.ToString().ShouldBe("zetta");
        bubble.Size.Value.IsKnown.ShouldBeFalse();
        JsonSemanticallyEqual(json, written).ShouldBeTrue();
    }

    private static string[] FixtureNames()
        => Directory.GetFiles(FixtureDirectory, "*.json")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static (object Value, byte[] Written) RoundTrip(string fixture, byte[] json)
    {
        var prefix = fixture.Split('.')[0];
        return prefix switch
        {
            "message" => RoundTrip<Message>(json),
            "action" => RoundTrip<LineAction>(json),
            "flex" when fixture is "flex.bubble" or "flex.carousel" => RoundTrip<FlexContainer>(json),
            "flex" => RoundTrip<FlexComponent>(json),
            "template" => RoundTrip<Template>(json),
            "imagemap-action" => RoundTrip<ImagemapAction>(json),
            "recipient" => RoundTrip<Recipient>(json),
            "filter" => RoundTrip<DemographicFilter>(json),
            "limit" => RoundTrip<Limit>(json),
            "unknown" => fixture switch
            {
                "unknown.message" => RoundTrip<Message>(json),
                "unknown.action" => RoundTrip<LineAction>(json),
                "unknown.flex-component" => RoundTrip<FlexComponent>(json),
                _ => throw new InvalidOperationException($"No reader for {fixture}."),
            },
            _ => throw new InvalidOperationException($"No reader for {fixture}."),
        };
    }

    private static (object Value, byte[] Written) RoundTrip<T>(byte[] json)
        where T : ILineJsonModel<T>
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var value = T.ReadJson(ref reader);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteJson(writer);
        }

        return (value, buffer.WrittenSpan.ToArray());
    }

    private static bool JsonSemanticallyEqual(byte[] expected, byte[] actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        return JsonElement.DeepEquals(left.RootElement, right.RootElement);
    }
}
