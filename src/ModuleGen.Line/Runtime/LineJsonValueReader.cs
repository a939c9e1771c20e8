using System.ComponentModel;
using System.Text.Json;

// Plumbing for generated code (hidden from IntelliSense); the class summary documents the contract, members are self-describing.

namespace ModuleGen.Line.Runtime;

/// <summary>Reads one JSON value from a reader; used by generated code.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T LineJsonValueReader<T>(ref Utf8JsonReader reader);
