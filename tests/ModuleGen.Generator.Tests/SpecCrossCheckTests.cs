using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ModuleGen.Generator.Tests.Infrastructure;
using NSwag;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// An independent OpenAPI reader (NSwag, which resolves cross-file $refs itself) must see exactly the operations
/// the generator turned into client methods: none lost, none invented.
/// </summary>
public sealed class SpecCrossCheckTests : IDisposable
{
    private static readonly Regex LocalReference = new(@"(?<prefix>\$ref:\s*['""]?)#/", RegexOptions.CultureInvariant);

    private readonly string _nswagFolder = NSwagReadableCopy();

    public void Dispose() => Directory.Delete(_nswagFolder, recursive: true);

    [Fact]
    public async Task GeneratedClientsHoldExactlyTheOperationsNSwagReadsFromEverySpecFile()
    {
        var fileNames = RealSpec.FileNames;
        fileNames.ShouldContain(RealSpec.Common);
        fileNames.ShouldContain(RealSpec.Module);
        fileNames.ShouldContain(RealSpec.ModuleAttach);

        var expected = new List<string>();
        foreach (var fileName in fileNames)
        {
            expected.AddRange(await NSwagOperations(fileName));
        }

        var run = GeneratorDriverHarness.Run(RealSpec.Project(fileNames.ToArray()));
        run.Diagnostics.Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
        var generated = run.Model.Clients
            .SelectMany(client => client.Operations)
            .Select(operation => Key(operation.HttpMethod, operation.PathTemplate, operation.OperationId));

        generated.OrderBy(key => key, StringComparer.Ordinal).ShouldBe(expected.OrderBy(key => key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task NSwagReadsTheModuleApiOperations()
    {
        // Guards the test above against NSwag silently reading nothing.
        (await NSwagOperations(RealSpec.Module)).OrderBy(key => key, StringComparer.Ordinal).ShouldBe(new[]
        {
            "GET /v2/bot/list getModules",
            "POST /v2/bot/channel/detach detachModule",
            "POST /v2/bot/chat/{chatId}/control/acquire acquireChatControl",
            "POST /v2/bot/chat/{chatId}/control/release releaseChatControl",
        });
        (await NSwagOperations(RealSpec.ModuleAttach)).ShouldBe(new[] { "POST /module/auth/v1/token attachModule" });
        (await NSwagOperations(RealSpec.Common)).ShouldBeEmpty();
    }

    [Fact]
    public async Task IgnoredOperationsAreLeftOutOnBothSides()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: Hooks, version: '1.0' }
            servers:
              - url: https://hooks.example
            paths:
              /callback:
                post:
                  operationId: receiveCallback
                  x-modulegen-ignore: true
                  responses:
                    '200': { description: OK }
              /status:
                get:
                  operationId: getStatus
                  responses:
                    '200': { description: OK }
            """;
        await File.WriteAllTextAsync(Path.Combine(_nswagFolder, "hooks.yaml"), yaml);

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/hooks.yaml", yaml));

        (await NSwagOperations("hooks.yaml")).ShouldBe(new[] { "GET /status getStatus" });
        run.Model.Clients.Single().Operations.Select(operation => Key(operation.HttpMethod, operation.PathTemplate, operation.OperationId))
            .ShouldBe(new[] { "GET /status getStatus" });
    }

    [Fact]
    public void EmittedClientsDescribeEveryModelOperationOnce()
    {
        var run = GeneratorDriverHarness.Run(RealSpec.ModuleApiProject());
        var descriptors = run.Result.GeneratedSources
            .Where(source => source.HintName.StartsWith("Clients.", StringComparison.Ordinal))
            .SelectMany(source => source.SourceText.Lines.Select(line => line.ToString().Trim()))
            .Where(line => line.StartsWith("\"", StringComparison.Ordinal) && line.Contains("\", \"https://", StringComparison.Ordinal))
            .Select(line => line.Split(", ").Take(4).Select(part => part.Trim('"', ',')).ToArray())
            .Select(parts => Key(parts[1], parts[3], parts[0]));

        descriptors.OrderBy(key => key, StringComparer.Ordinal).ShouldBe(
            run.Model.Clients.SelectMany(client => client.Operations)
                .Select(operation => Key(operation.HttpMethod, operation.PathTemplate, operation.OperationId))
                .OrderBy(key => key, StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<string>> NSwagOperations(string fileName)
    {
        var document = await OpenApiYamlDocument.FromFileAsync(Path.Combine(_nswagFolder, fileName));
        return document.Paths
            .SelectMany(path => path.Value.Select(operation => (Path: path.Key, Method: operation.Key, Operation: operation.Value)))
            .Where(entry => !IsIgnored(entry.Operation))
            .Select(entry => Key(entry.Method, entry.Path, entry.Operation.OperationId))
            .ToList();
    }

    /// <summary>
    /// The spec files with every local <c>$ref: '#/…'</c> spelled <c>'{own file}#/…'</c>, which means the same in
    /// OpenAPI. NJsonSchema 10.7 (under NSwag 13.16) resolves a local $ref met inside a fragment it reached through
    /// another file against the wrong document and fails with "Could not resolve the path '#/components/schemas/…'"
    /// (module.yaml → common.yaml#/components/responses/BadRequest → ErrorResponse → '#/components/schemas/ErrorDetail').
    /// </summary>
    private static string NSwagReadableCopy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "modulegen-nswag-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var fileName in RealSpec.FileNames)
        {
            var qualified = LocalReference.Replace(RealSpec.Read(fileName), match => match.Groups["prefix"].Value + fileName + "#/");
            File.WriteAllText(Path.Combine(folder, fileName), qualified);
        }

        return folder;
    }

    private static bool IsIgnored(OpenApiOperation operation)
        => operation.ExtensionData is { } extensions
           && extensions.TryGetValue("x-modulegen-ignore", out var value)
           && value is true or "true";

    private static string Key(string method, string path, string operationId) => $"{method.ToUpperInvariant()} {path} {operationId}";
}
