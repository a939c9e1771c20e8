using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>Emits one operation's method (and, for a paged operation, the method that walks every page).</summary>
internal static class OperationEmitter
{
    private const string Argument = TypeNames.Runtime + ".LineArgument";

    public static string Descriptor(OperationSpec operation) => "s_" + Naming.StripAt(Naming.ToCamelCase(operation.OperationId));

    public static void Write(SourceWriter writer, OperationSpec operation, string? scopeField, PatternFields patterns)
    {
        var arguments = Arguments(operation);
        WriteDocs(writer, operation, arguments);
        WriteObsolete(writer, operation);
        var returnType = operation.Response.Kind switch
        {
            BodyKind.Json => $"{TypeNames.Line}.LineResponse<{TypeNames.Of(operation.Response.Type!)}>",
            BodyKind.Binary => $"{TypeNames.Line}.LineStreamResponse",
            _ => $"{TypeNames.Line}.LineResponse",
        };
        writer.WriteLine($"public virtual async {TypeNames.Tasks}.Task<{returnType}> {operation.MethodName}({string.Join(", ", arguments.Select(a => a.Declaration))})");
        using (writer.Braces())
        {
            WriteValidation(writer, operation, patterns);
            if (scopeField is not null)
            {
                writer.WriteLine($"{scopeField}.EnsureGranted({Descriptor(operation)});");
            }

            if (operation.IdempotencyHeader is not null)
            {
                writer.WriteLine($"retryKey = {TypeNames.Runtime}.LineRetryKey.OrNew(retryKey, nameof(retryKey));");
            }

            WriteUri(writer, operation);
            writer.WriteLine($"using var message = new global::System.Net.Http.HttpRequestMessage({HttpMethod(operation.HttpMethod)}, uri.ToUri());");
            if (scopeField is not null)
            {
                writer.WriteLine($"{scopeField}.Apply(message);");
            }

            foreach (var header in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
            {
                writer.WriteLine($"{TypeNames.Runtime}.LineRequest.SetHeader(message, {TypeNames.Literal(header.WireName)}, {Format(header, header.ArgumentName)});");
            }

            if (operation.IdempotencyHeader is not null)
            {
                writer.WriteLine($"{TypeNames.Runtime}.LineRequest.SetRetryKey(message, {TypeNames.Literal(operation.IdempotencyHeader)}, retryKey);");
            }

            WriteBody(writer, operation);
            var completion = operation.Response.Kind == BodyKind.Binary ? "ResponseHeadersRead" : "ResponseContentRead";
            var send = $"_pipeline.SendAsync(message, {Descriptor(operation)}, global::System.Net.Http.HttpCompletionOption.{completion}, cancellationToken).ConfigureAwait(false)";
            switch (operation.Response.Kind)
            {
                case BodyKind.Json:
                    writer.WriteLine($"using var response = await {send};");
                    writer.WriteLine($"return await {TypeNames.Runtime}.LineResponseReader.ReadJsonAsync<{TypeNames.Of(operation.Response.Type!)}>(response, {Descriptor(operation)}, cancellationToken).ConfigureAwait(false);");
                    break;
                case BodyKind.Binary:
                    writer.WriteLine($"var response = await {send};");
                    writer.WriteLine($"return {TypeNames.Runtime}.LineResponseReader.FromStreamingResponse(response);");
                    break;
                default:
                    writer.WriteLine($"using var response = await {send};");
                    writer.WriteLine($"return {TypeNames.Runtime}.LineResponseReader.Create(response);");
                    break;
            }
        }

        writer.WriteLine();
        if (operation.Pagination is not null)
        {
            WritePager(writer, operation, arguments);
        }
    }

    private sealed class MethodArgument
    {
        public MethodArgument(string name, string declaration, string? description, ParameterSpec? parameter = null)
        {
            Name = name;
            Declaration = declaration;
            Description = description;
            Parameter = parameter;
        }

        public string Name { get; }

        public string Declaration { get; }

        public string? Description { get; }

        public ParameterSpec? Parameter { get; }
    }

    private static List<MethodArgument> Arguments(OperationSpec operation)
    {
        var arguments = new List<MethodArgument>();
        var parameters = operation.Parameters;
        foreach (var parameter in parameters.Where(p => p.Required))
        {
            arguments.Add(new MethodArgument(parameter.ArgumentName, $"{TypeNames.Of(parameter.Type)} {parameter.ArgumentName}", parameter.Description, parameter));
        }

        var bodyName = BodyArgumentName(operation);
        if (operation.Body is { } body)
        {
            if (body.Kind == BodyKind.Binary)
            {
                arguments.Add(new MethodArgument(bodyName, $"global::System.IO.Stream {bodyName}", body.Description ?? "The content to upload; the caller keeps owning the stream."));
                arguments.Add(new MethodArgument("contentType", "string contentType", "The media type of the content: " + string.Join(", ", body.ContentTypes) + "."));
            }
            else if (body.Required)
            {
                arguments.Add(new MethodArgument(bodyName, $"{TypeNames.Of(body.Type!)} {bodyName}", body.Description ?? "The request body."));
            }
        }

        if (operation.Body is { Required: false, Kind: not BodyKind.Binary } optionalBody)
        {
            arguments.Add(new MethodArgument(bodyName, $"{TypeNames.Nullable(optionalBody.Type!)} {bodyName} = null", optionalBody.Description ?? "The request body; when null, none is sent."));
        }

        foreach (var parameter in parameters.Where(p => !p.Required))
        {
            var description = parameter.Description;
            if (parameter.DefaultLiteral is not null)
            {
                description = (description is null ? string.Empty : description + " ") + "Default: " + parameter.DefaultLiteral + ".";
            }

            arguments.Add(new MethodArgument(parameter.ArgumentName, $"{TypeNames.Nullable(parameter.Type)} {parameter.ArgumentName} = null", description, parameter));
        }

        if (operation.IdempotencyHeader is not null)
        {
            arguments.Add(new MethodArgument(
                "retryKey",
                "string? retryKey = null",
                (operation.IdempotencyDescription is { } promise ? promise + " " : $"The {operation.IdempotencyHeader} header. ")
                + "Leave it null to have one minted for this call; pass the key of an earlier call to retry it (with the same body)."));
        }

        arguments.Add(new MethodArgument("cancellationToken", $"{TypeNames.CancellationToken} cancellationToken = default", "The token that cancels the call."));
        return arguments;
    }

    private static string BodyArgumentName(OperationSpec operation)
    {
        var preferred = operation.Body?.Kind == BodyKind.Binary ? "content" : "request";
        return operation.Parameters.Any(p => p.ArgumentName == preferred) ? "body" : preferred;
    }

    private static void WriteDocs(SourceWriter writer, OperationSpec operation, List<MethodArgument> arguments)
    {
        DocComments.Summary(writer, operation.Summary, $"Calls {operation.HttpMethod} {operation.PathTemplate} ({operation.OperationId}).");
        var remarks = new List<string>();
        if (operation.Description is not null)
        {
            remarks.Add(operation.Description);
        }

        remarks.Add($"{operation.HttpMethod} {operation.ServerUrl}{operation.PathTemplate} (operationId {operation.OperationId}).");
        if (operation.RequiredScopes.Count > 0)
        {
            remarks.Add("Module scope required: " + string.Join(", ", operation.RequiredScopes) + ".");
        }

        if (operation.RateLimit is { } rateLimit)
        {
            remarks.Add($"Rate limit: {rateLimit.Requests} requests per {rateLimit.Per}.");
        }

        DocComments.Element(writer, "remarks", string.Join("\n", remarks));
        foreach (var argument in arguments)
        {
            DocComments.Element(writer, "param", argument.Description ?? $"The {argument.Name} parameter.", $"name=\"{Naming.StripAt(argument.Name)}\"");
        }

        var returns = operation.Response.Kind switch
        {
            BodyKind.Binary => "The response content as an unbuffered stream; dispose the result to release the connection.",
            BodyKind.Json => operation.Response.Description ?? "The response.",
            _ => operation.Response.Description ?? "The response status and headers.",
        };
        if (operation.AlreadyAcceptedStatuses.Count > 0)
        {
            returns += " When a request with the same retry key had already been accepted, the result's AlreadyAccepted is true and AcceptedRequestId names that request.";
        }

        DocComments.Element(writer, "returns", returns);
        writer.WriteLine($"/// <exception cref=\"{TypeNames.Line}.LineApiException\">The server answered with an error status, or the request could not be sent.</exception>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">An argument breaks the spec's constraints; nothing was sent.</exception>");
        if (operation.RequiredScopes.Count > 0 && operation.Scope is not null)
        {
            writer.WriteLine($"/// <exception cref=\"{TypeNames.Line}.LineScopeNotGrantedException\">The client was given the OA's granted scopes and they lack one this operation needs; nothing was sent.</exception>");
        }
    }

    private static void WriteValidation(SourceWriter writer, OperationSpec operation, PatternFields patterns)
    {
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter.ArgumentName;
            var constraints = parameter.Constraints;
            var isString = parameter.Type.Kind == TypeKind.String;
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                writer.WriteLine(parameter.Location == ParameterLocation.Path && isString
                    ? $"{Argument}.NotNullOrEmpty({name}, nameof({name}));"
                    : $"{Argument}.NotNull({name}, nameof({name}));");
            }

            var value = parameter.Required ? name : "__" + Naming.StripAt(name);
            var checks = ConstraintChecks.For(parameter.Type, constraints, value, $"nameof({name})", patterns);
            if (checks.Count == 0)
            {
                continue;
            }

            if (parameter.Required)
            {
                foreach (var check in checks)
                {
                    writer.WriteLine(check);
                }
            }
            else
            {
                writer.WriteLine($"if ({name} is {{ }} {value})");
                using (writer.Braces())
                {
                    foreach (var check in checks)
                    {
                        writer.WriteLine(check);
                    }
                }
            }
        }

        if (operation.Body is { } body)
        {
            var bodyName = BodyArgumentName(operation);
            if (body.Kind == BodyKind.Binary)
            {
                writer.WriteLine($"{Argument}.NotNull({bodyName}, nameof({bodyName}));");
                writer.WriteLine($"{Argument}.OneOf(contentType, new string[] {{ {string.Join(", ", body.ContentTypes.Select(TypeNames.Literal))} }}, nameof(contentType));");
            }
            else if (body.Required)
            {
                writer.WriteLine($"{Argument}.NotNull({bodyName}, nameof({bodyName}));");
            }
        }
    }

    private static void WriteUri(SourceWriter writer, OperationSpec operation)
    {
        writer.WriteLine($"var uri = new {TypeNames.Runtime}.LineUriBuilder(_pipeline.ResolveServer({Descriptor(operation)}.Server));");
        var path = operation.PathTemplate;
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            if (open < 0)
            {
                writer.WriteLine($"uri.AppendPath({TypeNames.Literal(path.Substring(position))});");
                break;
            }

            if (open > position)
            {
                writer.WriteLine($"uri.AppendPath({TypeNames.Literal(path.Substring(position, open - position))});");
            }

            var close = path.IndexOf('}', open);
            var name = path.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == name);
            writer.WriteLine($"uri.AppendPathParameter({Format(parameter, parameter.ArgumentName)});");
            position = close + 1;
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            if (parameter.Type.Kind == TypeKind.Array)
            {
                var element = parameter.Type.Element!;
                var format = element.Kind switch
                {
                    TypeKind.String => "static v => v",
                    TypeKind.Enum => "static v => v.ToString()",
                    TypeKind.Boolean => "static v => v ? \"true\" : \"false\"",
                    _ => "static v => v.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                };
                writer.WriteLine($"uri.AppendQueryValues({TypeNames.Literal(parameter.WireName)}, {parameter.ArgumentName}, {format});");
                continue;
            }

            writer.WriteLine($"uri.AppendQuery({TypeNames.Literal(parameter.WireName)}, {Format(parameter, parameter.ArgumentName)});");
        }
    }

    /// <summary>
    /// The shared <c>HttpMethod</c> instance of a standard method: no allocation per call, and handlers comparing with
    /// <c>HttpMethod.Post</c> and the like hit their reference-equality fast path. Any other method gets its own instance.
    /// </summary>
    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        _ => $"new global::System.Net.Http.HttpMethod({TypeNames.Literal(method)})",
    };

    /// <summary>The parameter's value as the text sent on the wire (null when unset).</summary>
    private static string Format(ParameterSpec parameter, string name)
    {
        var nullable = !parameter.Required;
        return parameter.Type.Kind switch
        {
            TypeKind.String => name,
            TypeKind.Enum => nullable ? $"{name}?.ToString()" : $"{name}.ToString()",
            TypeKind.Boolean => nullable ? $"{name} is null ? null : {name}.Value ? \"true\" : \"false\"" : $"{name} ? \"true\" : \"false\"",
            _ => nullable
                ? $"{name}?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
                : $"{name}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        };
    }

    private static void WriteBody(SourceWriter writer, OperationSpec operation)
    {
        if (operation.Body is not { } body)
        {
            return;
        }

        var name = BodyArgumentName(operation);
        var content = body.Kind switch
        {
            BodyKind.Json => $"{TypeNames.Runtime}.LineJsonContent.Create({name})",
            BodyKind.Form => $"new global::System.Net.Http.FormUrlEncodedContent({name}.ToFormFields())",
            BodyKind.Multipart => $"{name}.ToMultipartContent()",
            _ => $"{TypeNames.Runtime}.LineRequest.BinaryContent({name}, contentType)",
        };
        if (body.Required || body.Kind == BodyKind.Binary)
        {
            writer.WriteLine($"message.Content = {content};");
        }
        else
        {
            writer.WriteLine($"if ({name} is not null)");
            using (writer.Braces())
            {
                writer.WriteLine($"message.Content = {content};");
            }
        }
    }

    private static void WritePager(SourceWriter writer, OperationSpec operation, List<MethodArgument> arguments)
    {
        var pagination = operation.Pagination!;
        var itemType = TypeNames.Of(pagination.ItemType);
        var pageArguments = arguments.Where(a => a.Name != pagination.TokenArgument && a.Name != "cancellationToken").ToList();
        writer.WriteLine($"/// <summary>Every item of every page of <see cref=\"{operation.MethodName}\"/>, fetching the next page only when the previous one is used up.</summary>");
        if (pagination.Remarks is not null)
        {
            DocComments.Element(writer, "remarks", pagination.Remarks);
        }

        foreach (var argument in pageArguments)
        {
            DocComments.Element(writer, "param", argument.Description ?? $"The {argument.Name} parameter.", $"name=\"{Naming.StripAt(argument.Name)}\"");
        }

        writer.WriteLine("/// <param name=\"cancellationToken\">The token that cancels the walk.</param>");
        var declarations = pageArguments.Select(a => a.Declaration).Concat(new[] { $"[global::System.Runtime.CompilerServices.EnumeratorCancellation] {TypeNames.CancellationToken} cancellationToken = default" });
        WriteObsolete(writer, operation);
        writer.WriteLine($"public virtual async {TypeNames.Generic}.IAsyncEnumerable<{itemType}> {pagination.MethodName}Async({string.Join(", ", declarations)})");
        using (writer.Braces())
        {
            writer.WriteLine($"string? {pagination.TokenArgument} = null;");
            writer.WriteLine("do");
            using (writer.Braces())
            {
                var call = string.Join(", ", arguments.Select(a => a.Name));
                writer.WriteLine($"var page = await {operation.MethodName}({call}).ConfigureAwait(false);");
                writer.WriteLine($"if (page.Value.{pagination.ItemsProperty} is {{ }} items)");
                using (writer.Braces())
                {
                    writer.WriteLine("foreach (var item in items)");
                    using (writer.Braces())
                    {
                        writer.WriteLine("yield return item;");
                    }
                }

                writer.WriteLine($"{pagination.TokenArgument} = page.Value.{pagination.NextProperty};");
            }

            writer.WriteLine($"while (!string.IsNullOrEmpty({pagination.TokenArgument}));");
        }

        writer.WriteLine();
        if (pageArguments.Count > 0 && pageArguments.All(a => a.Declaration.Contains(" = ")))
        {
            // Optional page arguments come first, so a caller passing only a token would not compile without this.
            writer.WriteLine($"/// <summary>Every item of every page of <see cref=\"{operation.MethodName}\"/>, with the defaults for the other arguments.</summary>");
            writer.WriteLine("/// <param name=\"cancellationToken\">The token that cancels the walk.</param>");
            WriteObsolete(writer, operation);
            writer.WriteLine($"public virtual {TypeNames.Generic}.IAsyncEnumerable<{itemType}> {pagination.MethodName}Async({TypeNames.CancellationToken} cancellationToken)");
            writer.Indentation++;
            var defaults = pageArguments.Select(a => a.Declaration.Substring(a.Declaration.IndexOf(" = ", System.StringComparison.Ordinal) + 3));
            writer.WriteLine($"=> {pagination.MethodName}Async({string.Join(", ", defaults)}, cancellationToken);");
            writer.Indentation--;
            writer.WriteLine();
        }
    }

    /// <summary>An operation the spec marks <c>deprecated</c> is <c>[Obsolete]</c>, and so are its pagers.</summary>
    private static void WriteObsolete(SourceWriter writer, OperationSpec operation)
    {
        if (operation.Deprecated)
        {
            writer.WriteLine($"[global::System.Obsolete({TypeNames.Literal($"The spec marks {operation.OperationId} deprecated.")})]");
        }
    }
}
