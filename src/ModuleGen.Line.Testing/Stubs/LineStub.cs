using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModuleGen.Line.Testing.Hosting;

namespace ModuleGen.Line.Testing.Stubs;

/// <summary>
/// An answer of your own for one operation, taking the place of the fake's stateful or default answer. The request is
/// still checked against the spec first: a stub never answers a request LINE would refuse. Build it with
/// <see cref="LineFakePlatform.Stub"/>; it is in force from the <c>Respond…</c> call that ends the chain.
/// </summary>
/// <example>
/// <code>
/// platform.Stub("getProfile", ("userId", userId))
///     .RespondJson(200, """{"userId":"…","displayName":"Brown"}""", ("X-Line-Request-Id", "req-1"));
/// </code>
/// </example>
public sealed class LineStub
{
    private readonly Action<LineStub> register;
    private readonly List<(string Description, Func<LineRecordedRequest, bool> Matches)> conditions = [];
    private FakeAnswer? answer;

    internal LineStub(string operationId, string? path, long sequence, Action<LineStub> register)
    {
        OperationId = operationId;
        Sequence = sequence;
        this.register = register;
        if (path is not null)
        {
            conditions.Add(($"path {path}", request => string.Equals(request.Path, path, StringComparison.Ordinal)));
        }
    }

    /// <summary>The operation this stub answers.</summary>
    public string OperationId { get; }

    internal int Priority { get; private set; } = 5;

    internal long Sequence { get; }

    internal TimeSpan Delay { get; private set; }

    internal FakeAnswer Answer => answer ?? throw new InvalidOperationException($"The stub for {OperationId} has no response yet.");

    /// <summary>Only when the (decoded) query parameter is sent with exactly this value (among its values).</summary>
    public LineStub WithQueryParameter(string name, string value) =>
        When($"query {name}={value}", request => request.Query.TryGetValue(name, out var values) && values.Contains(value));

    /// <summary>Only when the header is sent once with exactly this value.</summary>
    public LineStub WithHeader(string name, string value) =>
        When($"header {name}: {value}", request => request.Headers.TryGetValue(name, out var values) && values.Count == 1 && values[0] == value);

    /// <summary>Only when the header is sent once and matches the regular expression as a whole.</summary>
    public LineStub WithHeaderMatching(string name, string pattern) =>
        When($"header {name} ~ {pattern}", request => request.Headers.TryGetValue(name, out var values)
            && values.Count == 1 && Regex.IsMatch(values[0], "^(?:" + pattern + ")$", RegexOptions.CultureInvariant));

    /// <summary>Only when the header is not sent at all.</summary>
    public LineStub WithoutHeader(string name) => When($"no header {name}", request => !request.HasHeader(name));

    /// <summary>Only when the request has a body (for an operation whose body the spec makes optional).</summary>
    public LineStub WithBody() => When("a body", request => request.BodyBytes.Length > 0);

    /// <summary>Only when the request has no body and no Content-Type.</summary>
    public LineStub WithoutBody() =>
        When("no body", request => request.BodyBytes.Length == 0 && !request.HasHeader("Content-Type"));

    /// <summary>Only when the body is JSON equal to <paramref name="json"/> (formatting and property order ignored).</summary>
    public LineStub WithBodyEqualToJson(string json)
    {
        var expected = JsonNode.Parse(json);
        return When($"body {json}", request =>
        {
            try
            {
                return JsonNode.DeepEquals(JsonNode.Parse(request.Body), expected);
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        });
    }

    /// <summary>Only when <paramref name="condition"/> holds for the request.</summary>
    public LineStub When(string description, Func<LineRecordedRequest, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        conditions.Add((description, condition));
        return this;
    }

    /// <summary>Lower numbers win when several stubs of one operation match (1 is highest, 5 the default); among equals, the newest.</summary>
    public LineStub WithPriority(int priority)
    {
        Priority = priority;
        return this;
    }

    /// <summary>Holds the answer back for <paramref name="delay"/>.</summary>
    public LineStub WithFixedDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Delay = delay;
        return this;
    }

    /// <summary>Answers with <paramref name="json"/> byte for byte; Content-Type is application/json unless a header says otherwise.</summary>
    public LineStub RespondJson(int status, string json, params (string Name, string Value)[] headers) =>
        Respond(FakeAnswer.Json(status, json, headers));

    /// <summary>Answers with <paramref name="json"/> written compactly; Content-Type is application/json unless a header says otherwise.</summary>
    public LineStub RespondJson(int status, JsonNode json, params (string Name, string Value)[] headers) =>
        Respond(FakeAnswer.Json(status, json, headers));

    /// <summary>Answers with exactly these bytes.</summary>
    public LineStub RespondBinary(int status, byte[] body, string contentType, params (string Name, string Value)[] headers) =>
        Respond(new FakeAnswer(status, [.. headers, ("Content-Type", contentType)], body.ToArray()));

    /// <summary>Answers with a status, the given headers and no body.</summary>
    public LineStub RespondStatus(int status, params (string Name, string Value)[] headers) => Respond(FakeAnswer.Empty(status, headers));

    internal bool Matches(LineRecordedRequest request) => conditions.TrueForAll(condition => condition.Matches(request));

    /// <inheritdoc/>
    public override string ToString() =>
        $"{OperationId} when {(conditions.Count == 0 ? "always" : string.Join(", ", conditions.Select(condition => condition.Description)))}";

    private LineStub Respond(FakeAnswer stubAnswer)
    {
        if (answer is not null)
        {
            throw new InvalidOperationException($"The stub {this} already has a response; start a new one with platform.Stub(…).");
        }

        answer = stubAnswer;
        register(this);
        return this;
    }
}
