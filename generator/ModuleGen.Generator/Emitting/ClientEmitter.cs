using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// Emits a client class and, for every scope its operations use, a scoped client created with <c>For{Scope}</c>.
/// Scoped values (the bot ID) are put on each request message, never on the shared HttpClient.
/// </summary>
internal static class ClientEmitter
{
    private const string Pipeline = TypeNames.Line + ".LineClientPipeline";

    public static string HintName(ClientSpec client) => "Clients." + client.Name + ".g.cs";

    public static string Emit(ClientSpec client)
    {
        var writer = new SourceWriter();
        Header.Write(writer);
        writer.WriteLine("namespace " + client.Namespace);
        using (writer.Braces())
        {
            WriteRootClient(writer, client);
            foreach (var scope in client.Scopes)
            {
                writer.WriteLine();
                WriteScopedClient(writer, client, scope);
            }
        }

        return writer.Finish();
    }

    public static string ScopedClientName(ClientSpec client, ScopeSpec scope)
        => (client.Name.EndsWith("Client", System.StringComparison.Ordinal) ? client.Name.Substring(0, client.Name.Length - 6) : client.Name)
           + scope.Name + "Client";

    private static void WriteRootClient(SourceWriter writer, ClientSpec client)
    {
        var operations = client.Operations.Where(o => o.Scope is null).ToList();
        writer.WriteLine($"/// <summary>The {client.Name} operations{(client.Scopes.Count > 0 ? " that act for no single scope; use " + string.Join(", ", client.Scopes.Select(s => "<see cref=\"For" + s.Name + "\"/>")) + " for the others" : string.Empty)}.</summary>");
        Header.WriteGeneratedCode(writer);
        writer.WriteLine($"public partial class {client.Name}");
        var patterns = ConstraintChecks.PatternsOf(scope: null, operations);
        using (writer.Braces())
        {
            WriteOperationTable(writer, operations);
            patterns.Write(writer);
            writer.WriteLine($"private readonly {Pipeline} _pipeline;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>For mocking.</summary>");
            writer.WriteLine($"protected {client.Name}()");
            using (writer.Braces())
            {
                writer.WriteLine("_pipeline = null!;");
            }

            writer.WriteLine();
            writer.WriteLine($"/// <summary>Creates a {client.Name} on a shared pipeline (HTTP client, credentials and options).</summary>");
            writer.WriteLine($"public {client.Name}({Pipeline} pipeline)");
            using (writer.Braces())
            {
                writer.WriteLine("_pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>The pipeline every call of this client goes through.</summary>");
            writer.WriteLine($"public virtual {Pipeline} Pipeline => _pipeline;");
            writer.WriteLine();

            foreach (var scope in client.Scopes)
            {
                var scopedName = ScopedClientName(client, scope);
                writer.WriteLine($"/// <summary>A client for the operations that act for one {scope.Name.ToLowerInvariant()}; it sends <paramref name=\"{scope.ArgumentName}\"/> in the {DocComments.Escape(scope.DefaultHeaderName)} header (name configurable in <see cref=\"{TypeNames.Line}.LineClientOptions\"/>) on each of its requests.</summary>");
                writer.WriteLine($"/// <param name=\"{scope.ArgumentName}\">{DocComments.Escape(scope.Description ?? "The scope value.")}</param>");
                var granted = scope.GrantedScopesDescription ?? $"The scopes granted for this {scope.Name.ToLowerInvariant()}.";
                writer.WriteLine($"/// <param name=\"grantedScopes\">{DocComments.Escape(granted)} When given, an operation needing a scope that is not among them fails before any HTTP call; when null, nothing is checked.</param>");
                writer.WriteLine($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"{scope.ArgumentName}\"/> is empty or malformed.</exception>");
                writer.WriteLine($"public virtual {scopedName} For{scope.Name}(string {scope.ArgumentName}, {TypeNames.Generic}.IEnumerable<string>? grantedScopes = null)");
                writer.WriteLine($"    => new {scopedName}(_pipeline, {scope.ArgumentName}, grantedScopes);");
                writer.WriteLine();
            }

            foreach (var operation in operations)
            {
                OperationEmitter.Write(writer, operation, scopeField: null, patterns);
            }
        }
    }

    private static void WriteScopedClient(SourceWriter writer, ClientSpec client, ScopeSpec scope)
    {
        var name = ScopedClientName(client, scope);
        var operations = client.Operations.Where(o => o.Scope == scope.Name).ToList();
        writer.WriteLine($"/// <summary>The {client.Name} operations for one {scope.Name.ToLowerInvariant()}, created by <see cref=\"{client.Name}.For{scope.Name}\"/>.</summary>");
        Header.WriteGeneratedCode(writer);
        writer.WriteLine($"public partial class {name}");
        var patterns = ConstraintChecks.PatternsOf(scope, operations);
        using (writer.Braces())
        {
            WriteOperationTable(writer, operations);
            patterns.Write(writer);

            writer.WriteLine($"private readonly {Pipeline} _pipeline;");
            writer.WriteLine($"private readonly {TypeNames.Runtime}.LineClientScope _scope;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>For mocking.</summary>");
            writer.WriteLine($"protected {name}()");
            using (writer.Braces())
            {
                writer.WriteLine("_pipeline = null!;");
                writer.WriteLine("_scope = null!;");
            }

            writer.WriteLine();
            writer.WriteLine($"/// <summary>Creates a client for one {scope.Name.ToLowerInvariant()}; see <see cref=\"{client.Name}.For{scope.Name}\"/>.</summary>");
            writer.WriteLine($"public {name}({Pipeline} pipeline, string {scope.ArgumentName}, {TypeNames.Generic}.IEnumerable<string>? grantedScopes = null)");
            using (writer.Braces())
            {
                writer.WriteLine("_pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
                writer.WriteLine($"{TypeNames.Runtime}.LineArgument.NotNullOrEmpty({scope.ArgumentName}, nameof({scope.ArgumentName}));");
                if (scope.Pattern is not null)
                {
                    writer.WriteLine($"{TypeNames.Runtime}.LineArgument.Matches({scope.ArgumentName}, {patterns.Field(scope.Pattern)}, nameof({scope.ArgumentName}));");
                }

                writer.WriteLine($"_scope = new {TypeNames.Runtime}.LineClientScope(pipeline.Options.GetScopeHeaderName({TypeNames.Literal(scope.Name)}, {TypeNames.Literal(scope.DefaultHeaderName)}), {scope.ArgumentName}, grantedScopes);");
            }

            writer.WriteLine();
            writer.WriteLine($"/// <summary>The {scope.Name.ToLowerInvariant()} this client acts for.</summary>");
            writer.WriteLine($"public virtual string {Naming.ToPascalCase(scope.ArgumentName)} => _scope.Value;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The scopes this client was told were granted, or null when unchecked.</summary>");
            writer.WriteLine($"public virtual {TypeNames.Generic}.IReadOnlyCollection<string>? GrantedScopes => _scope.GrantedScopes;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The pipeline every call of this client goes through.</summary>");
            writer.WriteLine($"public virtual {Pipeline} Pipeline => _pipeline;");
            writer.WriteLine();
            foreach (var operation in operations)
            {
                OperationEmitter.Write(writer, operation, scopeField: "_scope", patterns);
            }
        }
    }

    /// <summary>One static descriptor per operation: the data the pipeline, scope guard and telemetry need.</summary>
    private static void WriteOperationTable(SourceWriter writer, IReadOnlyList<OperationSpec> operations)
    {
        foreach (var operation in operations)
        {
            var accepted = operation.AlreadyAcceptedStatuses.Count == 0
                ? "null"
                : "new int[] { " + string.Join(", ", operation.AlreadyAcceptedStatuses.Select(TypeNames.Int)) + " }";
            var scopes = operation.RequiredScopes.Count == 0
                ? "null"
                : "new string[] { " + string.Join(", ", operation.RequiredScopes.Select(TypeNames.Literal)) + " }";
            var rateLimit = operation.RateLimit is null
                ? "null"
                : $"new {TypeNames.Line}.LineRateLimit({TypeNames.Int(operation.RateLimit.Requests)}, {RateLimitPeriod(operation.RateLimit.Per)})";
            // A fact from the spec, not a decision: LineOperation.IsRetrySafe is the one rule that reads it.
            var carriesRetryKey = operation.IdempotencyHeader is not null ? "true" : "false";
            writer.WriteLine($"private static readonly {TypeNames.Line}.LineOperation {OperationEmitter.Descriptor(operation)} = new {TypeNames.Line}.LineOperation(");
            writer.Indentation++;
            writer.WriteLine($"{TypeNames.Literal(operation.OperationId)}, {TypeNames.Literal(operation.HttpMethod)}, {TypeNames.Literal(operation.ServerUrl)}, {TypeNames.Literal(operation.PathTemplate)},");
            var security = operation.Auth.SchemeName is null
                ? string.Empty
                : $", securityScheme: {TypeNames.Literal(operation.Auth.SchemeName)}" + (operation.Auth.ApiKeyName is null ? string.Empty : $", apiKeyName: {TypeNames.Literal(operation.Auth.ApiKeyName)}");
            writer.WriteLine($"{Authentication(operation.Auth.Kind)}, carriesRetryKey: {carriesRetryKey}, alreadyAcceptedStatuses: {accepted}, requiredScopes: {scopes}, rateLimit: {rateLimit}{security});");
            writer.Indentation--;
            writer.WriteLine();
        }
    }

    /// <summary>
    /// The runtime's LineRateLimitPeriod member for a <c>per</c> the parser accepts (OperationParser.RateLimitPeriods): an
    /// explicit mapping, tested against the runtime enum, instead of a member name derived from the spec's word.
    /// </summary>
    internal static string RateLimitPeriod(string per) => TypeNames.Line + ".LineRateLimitPeriod." + RateLimitPeriodMember(per);

    /// <summary>The member name alone, for the test that every accepted value names a member of the runtime enum.</summary>
    internal static string RateLimitPeriodMember(string per) => per switch
    {
        "second" => "Second",
        "minute" => "Minute",
        "hour" => "Hour",
        _ => throw new System.ArgumentOutOfRangeException(nameof(per), per, "the parser accepts no other rate limit period"),
    };

    /// <summary>The runtime's name for an authentication kind: an explicit mapping, so renaming either side fails to compile here.</summary>
    private static string Authentication(AuthKind kind) => TypeNames.Line + ".LineAuthentication." + kind switch
    {
        AuthKind.Bearer => "Bearer",
        AuthKind.Basic => "Basic",
        AuthKind.ApiKeyHeader => "ApiKeyHeader",
        AuthKind.ApiKeyQuery => "ApiKeyQuery",
        _ => "None",
    };
}
