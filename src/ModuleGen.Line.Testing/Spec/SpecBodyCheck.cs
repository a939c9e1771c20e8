using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// Checks a request body of a declared media type against its operation: JSON against the request schema (translated by
/// <see cref="JsonSchemaTranslator"/>, validated with NJsonSchema), form fields and multipart parts the schema requires.
/// Binary bodies need nothing beyond their Content-Type, which <see cref="SpecContract"/> checks.
/// </summary>
internal static class SpecBodyCheck
{
    private static readonly ConcurrentDictionary<(LineSpec, string), Lazy<JsonSchema>> Schemas = new();

    public static void Check(LineSpec spec, SpecOperation operation, LineRecordedRequest request, List<SpecViolation> violations)
    {
        if (operation.RequestBody is not { } body)
        {
            return;
        }

        if (body.IsJson)
        {
            CheckJson(spec, operation.OperationId, request.Body, violations);
        }
        else if (body.IsForm)
        {
            CheckForm(spec, operation.OperationId, request.Body, violations);
        }
        else if (body.IsMultipart)
        {
            CheckMultipart(spec, operation.OperationId, request, violations);
        }
    }

    private static void CheckJson(LineSpec spec, string operationId, string json, List<SpecViolation> violations)
    {
        var schema = Schemas.GetOrAdd((spec, operationId), key => new Lazy<JsonSchema>(() =>
            // FromJsonAsync only awaits when the schema references other documents; translated schemas are self-contained.
            JsonSchema.FromJsonAsync(key.Item1.RequestJsonSchema(key.Item2).ToJsonString()).GetAwaiter().GetResult())).Value;
        ICollection<ValidationError> errors;
        try
        {
            errors = schema.Validate(json);
        }
        catch (Newtonsoft.Json.JsonException notJson)
        {
            violations.Add(new SpecViolation(SpecViolationKind.Request, $"the request body is not JSON: {notJson.Message}"));
            return;
        }

        foreach (var error in Flatten(errors))
        {
            var property = string.IsNullOrEmpty(error.Path) ? null : error.Path.TrimStart('#', '/').Replace('/', '.');
            violations.Add(new SpecViolation(
                SpecViolationKind.Request,
                $"the request body breaks the schema: {error.Kind} at {(property is null or "" ? "the root" : property)}",
                property));
        }
    }

    /// <summary>The innermost errors: an <c>anyOf</c> failure says little by itself, its branches say what is wrong.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                var nested = Flatten(child.Errors.SelectMany(branch => branch.Value)).ToList();
                if (nested.Count > 0)
                {
                    foreach (var inner in nested)
                    {
                        yield return inner;
                    }

                    continue;
                }
            }

            yield return error;
        }
    }

    private static void CheckForm(LineSpec spec, string operationId, string form, List<SpecViolation> violations)
    {
        var fields = LineRecordedRequest.ParseQuery(form, plusIsSpace: true);
        foreach (var property in spec.RequestProperties(operationId).Where(property => property.Required))
        {
            var pattern = SpecContract.ValuePattern(property.Schema);
            if (!fields.TryGetValue(property.Name, out var values))
            {
                violations.Add(new SpecViolation(SpecViolationKind.Request, $"the required form field '{property.Name}' is missing", property.Name));
            }
            else if (!values.All(value => Regex.IsMatch(value, "^(" + pattern + ")$", RegexOptions.CultureInvariant)))
            {
                violations.Add(new SpecViolation(
                    SpecViolationKind.Request,
                    $"the form field '{property.Name}' ({string.Join(", ", values)}) does not match {pattern}",
                    property.Name));
            }
        }
    }

    private static void CheckMultipart(LineSpec spec, string operationId, LineRecordedRequest request, List<SpecViolation> violations)
    {
        var partNames = MultipartPartNames(request);
        foreach (var property in spec.RequestProperties(operationId).Where(property => property.Required && !partNames.Contains(property.Name)))
        {
            violations.Add(new SpecViolation(SpecViolationKind.Request, $"the required multipart part '{property.Name}' is missing", property.Name));
        }
    }

    /// <summary>The <c>name</c> of every part's Content-Disposition (a light reading: the boundary lines and headers only).</summary>
    private static HashSet<string> MultipartPartNames(LineRecordedRequest request)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var contentType = request.Header("Content-Type") ?? "";
        var boundary = Regex.Match(contentType, @"boundary=""?([^"";]+)""?", RegexOptions.CultureInvariant);
        if (!boundary.Success)
        {
            return names;
        }

        var text = Encoding.Latin1.GetString(request.BodyBytes);
        foreach (var part in text.Split("--" + boundary.Groups[1].Value).Skip(1))
        {
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = headerEnd < 0 ? part : part[..headerEnd];
            var name = Regex.Match(headers, @"(?im)^content-disposition:.*?[; ]name=""?([^"";\r\n]+)""?", RegexOptions.CultureInvariant);
            if (name.Success)
            {
                names.Add(name.Groups[1].Value);
            }
        }

        return names;
    }
}
