using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Reads how an operation authenticates.</summary>
internal sealed partial class OperationParser
{
    /// <summary>
    /// The operation's authentication: <c>x-modulegen-auth</c> (LINE's own specs) when set; otherwise the first
    /// requirement of its <c>security</c> (or the document's), resolved against <c>components.securitySchemes</c> of any
    /// opted-in file; and nothing at all where the spec declares no security.
    /// </summary>
    private SecuritySpec AuthOf(OperationSource source)
    {
        var text = source.Operation.ChildString("x-modulegen-auth") ?? source.Document.Root.ChildString("x-modulegen-auth");
        switch (text)
        {
            case null:
                break;
            case "bearer":
                return new SecuritySpec(AuthKind.Bearer, "Bearer");
            case "basic":
                return new SecuritySpec(AuthKind.Basic, "Basic");
            case "none":
                return SecuritySpec.None;
            default:
                _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, source.Location, "x-modulegen-auth", $"'{text}' is not one of bearer, basic, none");
                return SecuritySpec.None;
        }

        var requirements = source.Operation.ChildSequence("security") ?? source.Document.Root.ChildSequence("security");
        if (requirements is null || requirements.Children.Count == 0
            || requirements.Children[0] is not YamlMappingNode { Children.Count: > 0 } requirement
            || requirement.Children.First().Key.KeyText() is not { } schemeName)
        {
            return SecuritySpec.None;
        }

        var scheme = _documents.Documents
            .OrderBy(d => d == source.Document ? 0 : 1)
            .Select(d => d.Root.Child("components")?.Child("securitySchemes")?.Child(schemeName))
            .FirstOrDefault(node => node is not null);
        if (scheme is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.UndefinedSecurityScheme, requirement.Location(source.Document.Path), schemeName, source.OperationId);
            return SecuritySpec.None;
        }

        var type = scheme.ChildString("type");
        var httpScheme = scheme.ChildString("scheme")?.ToLowerInvariant();
        var location = scheme.ChildString("in");
        var name = scheme.ChildString("name");
        if (type == "http" && httpScheme == "bearer")
        {
            return new SecuritySpec(AuthKind.Bearer, schemeName);
        }

        if (type == "http" && httpScheme == "basic")
        {
            return new SecuritySpec(AuthKind.Basic, schemeName);
        }

        if (type == "apiKey" && name is { Length: > 0 } && location is "header" or "query")
        {
            return new SecuritySpec(location == "header" ? AuthKind.ApiKeyHeader : AuthKind.ApiKeyQuery, schemeName, name);
        }

        _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, scheme.Location(source.Document.Path), $"The security scheme '{schemeName}' ({type} {httpScheme ?? location})", $"the operation '{source.OperationId}'");
        return SecuritySpec.None;
    }
}
