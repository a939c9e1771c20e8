using System;
using System.Text.Json.Nodes;

namespace ModuleGen.Testing.WireMock;

/// <summary>
/// Builds the WireMock mappings the contract tests need most, as the <see cref="JsonNode"/> that
/// <see cref="WireMockAdmin.StubAsync(JsonNode, System.Threading.CancellationToken)"/> takes. Anything rarer: write the
/// mapping JSON directly.
/// </summary>
/// <example>
/// <code>
/// await admin.StubAsync(StubBuilder.Post("/v2/bot/message/push")
///     .WithHeader("Authorization", "Bearer token")
///     .WithHeaderMatching("X-Line-Retry-Key", "[0-9a-f-]{36}")
///     .WithBodyMatchingJsonSchema(pushSchema)
///     .RespondJson(200, """{"sentMessages":[]}""", ("x-line-request-id", "req-1")));
/// </code>
/// </example>
/// <remarks>
/// URLs are matched with <c>urlPath</c> (path equality, query ignored unless <see cref="WithQueryParameter"/> is used).
/// Every <c>With…</c>/<c>In…</c> call must come before the <c>Respond…</c> call that produces the mapping.
/// </remarks>
public sealed class StubBuilder
{
    /// <summary>The state every scenario is in after a reset.</summary>
    public const string StartedState = "Started";

    private readonly JsonObject request;
    private readonly JsonArray bodyPatterns = [];
    private readonly JsonObject headers = [];
    private readonly JsonObject queryParameters = [];
    private readonly JsonObject formParameters = [];
    private readonly JsonArray multipartPatterns = [];
    private readonly JsonObject mapping = [];
    private int? fixedDelayMilliseconds;

    private StubBuilder(string method, string urlPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(urlPath);
        request = new JsonObject { ["method"] = method, ["urlPath"] = urlPath };
    }

    /// <summary>A stub for <paramref name="method"/> (or <c>ANY</c>) on the exact path <paramref name="urlPath"/>.</summary>
    public static StubBuilder For(string method, string urlPath) => new(method, urlPath);

    /// <summary>A GET stub on the exact path.</summary>
    public static StubBuilder Get(string urlPath) => new("GET", urlPath);

    /// <summary>A POST stub on the exact path.</summary>
    public static StubBuilder Post(string urlPath) => new("POST", urlPath);

    /// <summary>A PUT stub on the exact path.</summary>
    public static StubBuilder Put(string urlPath) => new("PUT", urlPath);

    /// <summary>A DELETE stub on the exact path.</summary>
    public static StubBuilder Delete(string urlPath) => new("DELETE", urlPath);

    /// <summary>Requires the header to equal <paramref name="value"/> exactly.</summary>
    public StubBuilder WithHeader(string name, string value) => AddHeader(name, new JsonObject { ["equalTo"] = value });

    /// <summary>Requires the header to match the Java regular expression <paramref name="pattern"/> (whole value).</summary>
    public StubBuilder WithHeaderMatching(string name, string pattern) => AddHeader(name, new JsonObject { ["matches"] = pattern });

    /// <summary>Requires the header not to be sent at all.</summary>
    public StubBuilder WithoutHeader(string name) => AddHeader(name, new JsonObject { ["absent"] = true });

    /// <summary>Requires the (decoded) query parameter to equal <paramref name="value"/>.</summary>
    public StubBuilder WithQueryParameter(string name, string value)
    {
        queryParameters[name] = new JsonObject { ["equalTo"] = value };
        return this;
    }

    /// <summary>Requires the (decoded) form field of an <c>application/x-www-form-urlencoded</c> body to match the Java regular expression.</summary>
    public StubBuilder WithFormParameterMatching(string name, string pattern)
    {
        formParameters[name] = new JsonObject { ["matches"] = pattern };
        return this;
    }

    /// <summary>Requires a multipart/form-data part named <paramref name="name"/> (by its Content-Disposition).</summary>
    public StubBuilder WithMultipartPart(string name)
    {
        multipartPatterns.Add(new JsonObject
        {
            ["matchingType"] = "ANY",
            ["headers"] = new JsonObject
            {
                ["Content-Disposition"] = new JsonObject { ["matches"] = $".*(^|[; ])name=\"?{System.Text.RegularExpressions.Regex.Escape(name)}\"?(;.*)?" },
            },
        });
        return this;
    }

    /// <summary>Requires the body to validate against a JSON Schema (draft 7).</summary>
    public StubBuilder WithBodyMatchingJsonSchema(string schemaJson) =>
        WithBodyMatchingJsonSchema(JsonNode.Parse(schemaJson) ?? throw new ArgumentException("The schema is JSON null.", nameof(schemaJson)));

    /// <inheritdoc cref="WithBodyMatchingJsonSchema(string)"/>
    public StubBuilder WithBodyMatchingJsonSchema(JsonNode schema) =>
        AddBodyPattern(new JsonObject { ["matchesJsonSchema"] = schema.DeepClone(), ["schemaVersion"] = "V7" });

    /// <summary>Requires the body to be JSON equal to <paramref name="json"/> (formatting and property order ignored).</summary>
    public StubBuilder WithBodyEqualToJson(string json, bool ignoreArrayOrder = false, bool ignoreExtraElements = false)
    {
        var pattern = new JsonObject
        {
            ["equalToJson"] = JsonNode.Parse(json) ?? throw new ArgumentException("The body is JSON null.", nameof(json)),
        };
        if (ignoreArrayOrder)
        {
            pattern["ignoreArrayOrder"] = true;
        }

        if (ignoreExtraElements)
        {
            pattern["ignoreExtraElements"] = true;
        }

        return AddBodyPattern(pattern);
    }

    /// <summary>Lower numbers win when several stubs match (1 is highest; WireMock's default is 5).</summary>
    public StubBuilder WithPriority(int priority)
    {
        mapping["priority"] = priority;
        return this;
    }

    /// <summary>
    /// Serves this stub only while <paramref name="scenarioName"/> is in <paramref name="requiredState"/>
    /// (<see cref="StartedState"/> after a reset), then moves it to <paramref name="newState"/> if given.
    /// </summary>
    public StubBuilder InScenario(string scenarioName, string requiredState, string? newState = null)
    {
        mapping["scenarioName"] = scenarioName;
        mapping["requiredScenarioState"] = requiredState;
        if (newState is not null)
        {
            mapping["newScenarioState"] = newState;
        }

        return this;
    }

    /// <summary>Holds the response back for <paramref name="delay"/> (<c>fixedDelayMilliseconds</c>).</summary>
    public StubBuilder WithFixedDelay(TimeSpan delay)
    {
        fixedDelayMilliseconds = checked((int)delay.TotalMilliseconds);
        return this;
    }

    /// <summary>Responds with <paramref name="json"/> byte for byte; Content-Type is application/json unless a header says otherwise.</summary>
    public JsonNode RespondJson(int status, string json, params (string Name, string Value)[] responseHeaders)
    {
        var response = Response(status, responseHeaders, "application/json");
        response["body"] = json;
        return Build(response);
    }

    /// <summary>Responds with <paramref name="json"/> serialized compactly; Content-Type is application/json unless given.</summary>
    public JsonNode RespondJson(int status, JsonNode json, params (string Name, string Value)[] responseHeaders) =>
        RespondJson(status, json.ToJsonString(), responseHeaders);

    /// <summary>Responds with exactly these bytes (<c>base64Body</c>).</summary>
    public JsonNode RespondBinary(int status, byte[] body, string contentType, params (string Name, string Value)[] responseHeaders)
    {
        var response = Response(status, responseHeaders, contentType);
        response["base64Body"] = Convert.ToBase64String(body);
        return Build(response);
    }

    /// <summary>Responds with a status, the given headers and an empty body.</summary>
    public JsonNode RespondStatus(int status, params (string Name, string Value)[] responseHeaders) =>
        Build(Response(status, responseHeaders, defaultContentType: null));

    /// <summary>Breaks the connection instead of responding.</summary>
    public JsonNode RespondFault(WireMockFault fault)
    {
        var response = new JsonObject
        {
            ["fault"] = fault switch
            {
                WireMockFault.ConnectionResetByPeer => "CONNECTION_RESET_BY_PEER",
                WireMockFault.EmptyResponse => "EMPTY_RESPONSE",
                WireMockFault.MalformedResponseChunk => "MALFORMED_RESPONSE_CHUNK",
                WireMockFault.RandomDataThenClose => "RANDOM_DATA_THEN_CLOSE",
                _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown WireMock fault."),
            },
        };
        return Build(response);
    }

    private StubBuilder AddHeader(string name, JsonObject matcher)
    {
        headers[name] = matcher;
        return this;
    }

    private StubBuilder AddBodyPattern(JsonObject pattern)
    {
        bodyPatterns.Add(pattern);
        return this;
    }

    private static JsonObject Response(int status, (string Name, string Value)[] responseHeaders, string? defaultContentType)
    {
        var headerObject = new JsonObject();
        foreach (var (name, value) in responseHeaders)
        {
            headerObject[name] = value;
        }

        if (defaultContentType is not null && !HasHeader(headerObject, "Content-Type"))
        {
            headerObject["Content-Type"] = defaultContentType;
        }

        var response = new JsonObject { ["status"] = status };
        if (headerObject.Count > 0)
        {
            response["headers"] = headerObject;
        }

        return response;
    }

    private static bool HasHeader(JsonObject headerObject, string name)
    {
        foreach (var (existing, _) in headerObject)
        {
            if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fresh mapping each time, so one builder can produce several stubs without them sharing nodes.</summary>
    private JsonObject Build(JsonObject response)
    {
        var builtRequest = (JsonObject)request.DeepClone();
        if (headers.Count > 0)
        {
            builtRequest["headers"] = headers.DeepClone();
        }

        if (queryParameters.Count > 0)
        {
            builtRequest["queryParameters"] = queryParameters.DeepClone();
        }

        if (formParameters.Count > 0)
        {
            builtRequest["formParameters"] = formParameters.DeepClone();
        }

        if (bodyPatterns.Count > 0)
        {
            builtRequest["bodyPatterns"] = bodyPatterns.DeepClone();
        }

        if (multipartPatterns.Count > 0)
        {
            builtRequest["multipartPatterns"] = multipartPatterns.DeepClone();
        }

        if (fixedDelayMilliseconds is { } delay)
        {
            response["fixedDelayMilliseconds"] = delay;
        }

        var built = (JsonObject)mapping.DeepClone();
        built["request"] = builtRequest;
        built["response"] = response;
        return built;
    }
}
