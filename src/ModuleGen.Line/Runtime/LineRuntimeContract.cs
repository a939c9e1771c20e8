using System.ComponentModel;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// The contract between ModuleGen's generated code and this runtime: everything in the
/// <c>ModuleGen.Line.Runtime</c> namespace exists for generated clients and models to call, is hidden from
/// IntelliSense, and may change between versions without notice to modules. Modules use the types in
/// <c>ModuleGen.Line</c> and its other namespaces.
/// </summary>
/// <remarks>
/// The generator emits code for one version of this contract (<see cref="Version"/>). When a project references a
/// ModuleGen.Line whose contract is another version, the generator reports MG0012 and emits nothing, instead of
/// generated code that fails to compile in ways that do not say why. The contract's types: <see cref="LineArgument"/>,
/// <see cref="LineClientScope"/>, <see cref="LineJsonContent"/>, <see cref="LineJsonModelConverter{T}"/>,
/// <see cref="LineJsonReadState"/>, <see cref="LineJsonReader"/>, <see cref="LineJsonValueReader{T}"/>, <see cref="LineJsonValidation"/>,
/// <see cref="LineJsonWriter"/>, <see cref="LineMultipart"/>, <see cref="LineRequest"/>,
/// <see cref="LineResponseReader"/>, <see cref="LineRetryKey"/> and <see cref="LineUriBuilder"/>; generated code also
/// constructs <see cref="LineOperation"/>, <see cref="LineRateLimit"/> and the response types, and implements
/// <see cref="ILineJsonModel{TSelf}"/>, <see cref="ILineUnknownKind"/> and <see cref="ILineExtensibleEnum"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineRuntimeContract
{
    /// <summary>
    /// The contract's version. It changes whenever a member generated code uses is removed or changes its meaning or
    /// signature, together with the generator's own copy of it.
    /// </summary>
    public const int Version = 2;
}
