using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Reads the operation-level <c>x-modulegen-*</c> extensions: rate limit and pagination.</summary>
internal sealed partial class OperationParser
{
    /// <summary>The values of <c>per</c> that <c>x-modulegen-rate-limit</c> accepts (ClientEmitter maps each to the runtime's enum).</summary>
    internal static readonly IReadOnlyList<string> RateLimitPeriods = new[] { "second", "minute", "hour" };

    private RateLimitSpec? ParseRateLimit(OperationSource source)
    {
        if (source.Operation.Child("x-modulegen-rate-limit") is not { } node)
        {
            return null;
        }

        var requests = node.ChildInt("requests");
        var per = node.ChildString("per");
        if (requests is not > 0 || per is null || !RateLimitPeriods.Contains(per))
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, node.Location(source.Document.Path), "x-modulegen-rate-limit", $"it needs 'requests' (a positive integer) and 'per' (second, minute or hour), not requests: {node.ChildString("requests") ?? "(none)"}, per: {per ?? "(none)"}");
            return null;
        }

        return new RateLimitSpec(requests.Value, per);
    }

    private PaginationSpec? ParsePagination(OperationSource source, SchemaCatalog catalog, ResponseSpec response, List<ParameterSpec> parameters)
    {
        if (source.Operation.Child("x-modulegen-pagination") is not { } node)
        {
            return null;
        }

        var location = node.Location(source.Document.Path);
        var items = node.ChildString("items");
        var next = node.ChildString("next");
        var token = node.ChildString("token");
        if (items is null || next is null || token is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, location, "x-modulegen-pagination", "it needs 'items', 'next' and 'token'");
            return null;
        }

        var properties = response.Type?.FullName is { } fullName && catalog.Find(fullName) is { } model
            ? model.InheritedProperties.Concat(model.Properties).ToList()
            : new List<PropertySpec>();
        var itemsProperty = properties.FirstOrDefault(p => p.JsonName == items);
        var nextProperty = properties.FirstOrDefault(p => p.JsonName == next);
        var tokenParameter = parameters.FirstOrDefault(p => p.WireName == token && p.Location == ParameterLocation.Query);
        if (itemsProperty?.Type.Kind != TypeKind.Array)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, location, "x-modulegen-pagination", $"the response of '{source.OperationId}' has no array property '{items}'");
            return null;
        }

        if (nextProperty?.Type.Kind != TypeKind.String)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, location, "x-modulegen-pagination", $"the response of '{source.OperationId}' has no string property '{next}'");
            return null;
        }

        if (tokenParameter is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, location, "x-modulegen-pagination", $"'{source.OperationId}' has no query parameter '{token}'");
            return null;
        }

        var pascal = Naming.ToPascalCase(source.OperationId);
        var methodName = node.ChildString("method")
            ?? (pascal.StartsWith("Get", StringComparison.Ordinal) ? "GetAll" + pascal.Substring(3) : pascal + "All");
        return new PaginationSpec
        {
            MethodName = Naming.ToPascalCase(methodName),
            ItemsProperty = itemsProperty.PropertyName,
            ItemType = itemsProperty.Type.Element!,
            NextProperty = nextProperty.PropertyName,
            TokenArgument = tokenParameter.ArgumentName,
            Remarks = node.ChildString("remarks"),
        };
    }
}
