using System;
using System.Linq;
using System.Text.Json.Nodes;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;

namespace ModuleGen.Line.ContractTests;

/// <summary>
/// The request and error checks the contract tests share, whichever client sent the request: the operation, method,
/// path and exact query; a JSON body or none; LINE's error answer as a <see cref="LineApiException"/>.
/// </summary>
internal static class ContractAssert
{
    /// <summary>The Content-Type a JSON body arrives with in the platform's journal.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// Conforms to <paramref name="operationId"/> and has exactly this method, path and query (a name given several
    /// times is a repeated parameter, values in order).
    /// </summary>
    public static void ShouldBeCall(this LineRecordedRequest request, string operationId, string method, string path, params (string Name, string Value)[] query)
    {
        request.ShouldConformTo(operationId);
        request.Method.ShouldBe(method);
        request.Path.ShouldBe(path);
        request.ShouldHaveQuery(query);
    }

    /// <summary>Exactly these query parameters (a name given several times is a repeated parameter, values in order).</summary>
    public static void ShouldHaveQuery(this LineRecordedRequest request, params (string Name, string Value)[] query)
    {
        var expected = query.GroupBy(parameter => parameter.Name, StringComparer.Ordinal).ToList();
        request.Query.Keys.OrderBy(name => name, StringComparer.Ordinal)
            .ShouldBe(expected.Select(group => group.Key).OrderBy(name => name, StringComparer.Ordinal), $"query parameters of {request.Url}");
        foreach (var group in expected)
        {
            request.Query[group.Key].ShouldBe(group.Select(parameter => parameter.Value), $"query parameter '{group.Key}'");
        }
    }

    /// <summary>No body and no Content-Type at all.</summary>
    public static void ShouldHaveNoBody(this LineRecordedRequest request)
    {
        request.HasHeader("Content-Type").ShouldBeFalse();
        request.Body.ShouldBeEmpty();
    }

    /// <summary>A JSON Content-Type and a body JSON-equal to <paramref name="expectedJson"/>.</summary>
    public static void ShouldHaveJsonBody(this LineRecordedRequest request, string expectedJson)
    {
        request.Header("Content-Type").ShouldBe(JsonContentType);
        ShouldBeJson(request.Body, expectedJson);
    }

    /// <summary>A form body with exactly these fields, in this order (names and values decoded, '+' is a space).</summary>
    public static void ShouldHaveTheForm(this LineRecordedRequest request, params (string Name, string Value)[] fields) =>
        request.Body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Decode(pair[0]), pair.Length == 2 ? Decode(pair[1]) : string.Empty))
            .ShouldBe(fields);

    /// <summary>JSON equality ignoring property order and formatting.</summary>
    public static void ShouldBeJson(string actual, string expected)
    {
        var actualNode = JsonNode.Parse(actual);
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actualNode, expectedNode).ShouldBeTrue(
            $"expected JSON {expectedNode?.ToJsonString()} but the body was {actualNode?.ToJsonString()}");
    }

    /// <summary>
    /// LINE's JSON error answer: the status, operation and request id, LINE's message (also in the exception's message)
    /// and exactly these <paramref name="details"/> ("property: message"); the message does not leak <paramref name="secret"/>.
    /// </summary>
    public static void ShouldBeLineError(
        this LineApiException exception,
        int status,
        string operationId,
        string requestId,
        string message,
        string secret,
        params string[] details)
    {
        exception.Status.ShouldBe(status);
        exception.OperationId.ShouldBe(operationId);
        exception.RequestId.ShouldBe(requestId);
        exception.Error.ShouldNotBeNull().Message.ShouldBe(message);
        exception.Details.ShouldBe(details);
        exception.Message.ShouldContain(message);
        exception.Message.ShouldNotContain(secret);
    }

    private static string Decode(string formEncoded) => Uri.UnescapeDataString(formEncoded.Replace('+', ' '));
}
