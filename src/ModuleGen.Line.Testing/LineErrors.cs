using System.Collections.Generic;
using System.Text.Json.Nodes;
using ModuleGen.Line.Testing.Hosting;

namespace ModuleGen.Line.Testing;

/// <summary>LINE's error answers: <c>{"message": …, "details": [{"message", "property"}]}</c> and the messages LINE documents.</summary>
internal static class LineErrors
{
    public const string NotAvailable = "Access to this API is not available for your account";
    public const string InvalidReplyToken = "Invalid reply token";
    public const string RetryKeyAccepted = "The retry key is already accepted";
    public const string NotFound = "Not found";
    public const string InvalidStart = "Invalid start param";
    public const string NotDetachable = "Specified channel is not detachable";

    public static FakeAnswer Answer(int status, string message, IEnumerable<(string Message, string? Property)>? details = null)
    {
        var body = new JsonObject { ["message"] = message };
        var detailArray = new JsonArray();
        foreach (var (detailMessage, property) in details ?? [])
        {
            var detail = new JsonObject { ["message"] = detailMessage };
            if (property is not null)
            {
                detail["property"] = property;
            }

            detailArray.Add(detail);
        }

        if (detailArray.Count > 0)
        {
            body["details"] = detailArray;
        }

        return FakeAnswer.Json(status, body);
    }

    /// <summary>The OAuth-style error of the token endpoints (<c>{"error", "error_description"}</c>).</summary>
    public static FakeAnswer OAuth(int status, string error, string description) =>
        FakeAnswer.Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
