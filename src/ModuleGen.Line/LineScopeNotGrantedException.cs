using System;

namespace ModuleGen.Line;

/// <summary>An operation needs a module scope the OA did not grant; it was refused before any HTTP call.</summary>
public sealed class LineScopeNotGrantedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public LineScopeNotGrantedException(string operationId, string missingScope, string scopeValue)
        : base($"The operation '{operationId}' needs the module scope '{missingScope}', which the OA {scopeValue} has not granted. Ask the OA admin to attach the module again with that scope.")
    {
        OperationId = operationId;
        MissingScope = missingScope;
    }

    /// <summary>The refused operation.</summary>
    public string OperationId { get; }

    /// <summary>The scope that was not granted.</summary>
    public string MissingScope { get; }
}
