using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Reads an operation's parameters: arguments, client scopes and the retry-key header.</summary>
internal sealed partial class OperationParser
{
    private enum ParameterRole
    {
        Argument,
        Scope,
        IdempotencyKey,
    }

    private readonly struct ParameterOutcome
    {
        public ParameterOutcome(ParameterRole role, ParameterSpec? parameter, ScopeSpec? scope)
        {
            Role = role;
            Parameter = parameter;
            Scope = scope;
        }

        public ParameterRole Role { get; }

        public ParameterSpec? Parameter { get; }

        public ScopeSpec? Scope { get; }
    }

    private ParameterOutcome? ParseParameter(OperationSource source, YamlNode node, SpecDocument document)
    {
        var name = node.ChildString("name");
        var location = node.ChildString("in");
        if (name is null || location is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, node.Location(document.Path), $"A parameter of '{source.OperationId}'", name is null ? "name" : "in");
            return null;
        }

        ParameterLocation kind;
        switch (location)
        {
            case "path":
                kind = ParameterLocation.Path;
                break;
            case "query":
                kind = ParameterLocation.Query;
                break;
            case "header":
                kind = ParameterLocation.Header;
                break;
            default:
                _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, node.Location(document.Path), $"A parameter in '{location}'", $"the operation '{source.OperationId}'");
                return null;
        }

        var schemaNode = node.Child("schema");
        var type = schemaNode is null ? TypeRef.String : source.SchemaType(schemaNode);
        if (type is null)
        {
            return null;
        }

        if (type.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Any or TypeKind.Binary
            || (type.Kind == TypeKind.Array && type.Element!.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Any or TypeKind.Array or TypeKind.Binary))
        {
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, node.Location(document.Path), $"A parameter of kind {type.Kind}", $"the operation '{source.OperationId}'");
            return null;
        }

        var schema = schemaNode is null ? null : _references.Follow(schemaNode, document).Node;
        var constraints = SchemaKeywords.Constraints(schema);
        var required = kind == ParameterLocation.Path || node.ChildBool("required");
        if (kind == ParameterLocation.Path && !source.Path.Contains("{" + name + "}"))
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidValue, node.Location(document.Path), $"The path parameter '{name}' of '{source.OperationId}'", $"the path '{source.Path}' has no {{{name}}}");
            return null;
        }

        var parameter = new ParameterSpec
        {
            WireName = name,
            ArgumentName = kind == ParameterLocation.Header ? Naming.HeaderParameterName(name) : Naming.ToCamelCase(name),
            Location = kind,
            Required = required,
            Type = type,
            Description = SchemaKeywords.Description(node),
            Constraints = constraints,
            DefaultLiteral = SchemaKeywords.DefaultLiteral(schema),
        };

        if (node.ChildString("x-modulegen-scope") is { } scopeName)
        {
            if (kind != ParameterLocation.Header)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, node.Location(document.Path), "x-modulegen-scope", "only a header parameter can be a client scope");
                return null;
            }

            var scopeIdentifier = Naming.ToPascalCase(scopeName);
            return new ParameterOutcome(
                ParameterRole.Scope,
                parameter,
                new ScopeSpec
                {
                    Name = scopeIdentifier,
                    DefaultHeaderName = name,
                    ArgumentName = Naming.ToCamelCase(scopeIdentifier) + "Id",
                    Pattern = constraints.Pattern,
                    Description = parameter.Description,
                    GrantedScopesDescription = node.ChildString("x-modulegen-granted-scopes"),
                });
        }

        if (node.ChildBool("x-modulegen-idempotency-key"))
        {
            if (kind != ParameterLocation.Header || type.Kind != TypeKind.String)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, node.Location(document.Path), "x-modulegen-idempotency-key", "only a string header parameter can carry a retry key");
                return null;
            }

            return new ParameterOutcome(ParameterRole.IdempotencyKey, parameter, null);
        }

        return new ParameterOutcome(ParameterRole.Argument, parameter, null);
    }

    private void RegisterScope(string clientName, ScopeSpec? scope, YamlNode node, SpecDocument document)
    {
        if (scope is null)
        {
            return;
        }

        if (!_clientScopes.TryGetValue(clientName, out var scopes))
        {
            scopes = new Dictionary<string, ScopeSpec>(StringComparer.Ordinal);
            _clientScopes.Add(clientName, scopes);
        }

        if (scopes.TryGetValue(scope.Name, out var existing) && existing != scope)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidExtension, node.Location(document.Path), "x-modulegen-scope", $"the scope '{scope.Name}' of {clientName} is declared twice with different header parameters");
            return;
        }

        scopes[scope.Name] = scope;
    }

    private static IEnumerable<string> TemplateNames(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }
}
