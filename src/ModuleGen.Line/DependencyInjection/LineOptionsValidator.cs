using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace ModuleGen.Line;

/// <summary>Runs an options type's own Validate() at start and reports every problem, each naming its setting.</summary>
internal sealed class LineOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly string? _name;
    private readonly Func<TOptions, IReadOnlyList<string>> _validate;

    public LineOptionsValidator(string? name, Func<TOptions, IReadOnlyList<string>> validate)
    {
        _name = name;
        _validate = validate;
    }

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (_name is not null && !string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = _validate(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
