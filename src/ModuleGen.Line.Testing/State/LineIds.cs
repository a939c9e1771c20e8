using System.Text.RegularExpressions;

namespace ModuleGen.Line.Testing.State;

/// <summary>The shapes of LINE's IDs the fake hands out and checks.</summary>
internal static partial class LineIds
{
    public static bool IsBotId(string value) => BotId().IsMatch(value);

    [GeneratedRegex("^U[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex BotId();
}
