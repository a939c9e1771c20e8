using Microsoft.CodeAnalysis;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// The version of ModuleGen.Line's runtime contract (<c>ModuleGen.Line.Runtime.LineRuntimeContract</c>) the emitters
/// write code for. It changes together with the runtime's copy whenever generated code starts or stops using a
/// runtime member or uses one differently; a test compares the two.
/// </summary>
internal static class RuntimeContract
{
    public const int Version = 2;

    private const string PipelineType = "ModuleGen.Line.LineClientPipeline";
    private const string ContractType = "ModuleGen.Line.Runtime.LineRuntimeContract";

    /// <summary>
    /// The contract version the compilation's ModuleGen.Line provides: <see langword="null"/> when ModuleGen.Line is not
    /// referenced, 0 for a runtime from before the contract was versioned.
    /// </summary>
    public static int? ReferencedVersion(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(PipelineType) is null)
        {
            return null;
        }

        var contract = compilation.GetTypeByMetadataName(ContractType);
        if (contract is null)
        {
            return 0;
        }

        foreach (var member in contract.GetMembers("Version"))
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: int version })
            {
                return version;
            }
        }

        return 0;
    }
}
