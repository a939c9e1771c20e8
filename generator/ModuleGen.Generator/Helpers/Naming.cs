using System.Collections.Generic;
using System.Text;

namespace ModuleGen.Generator.Helpers;

/// <summary>Turns spec names (camelCase, snake_case, kebab, dotted, URNs) into C# identifiers.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary><c>bot_id</c> → <c>BotId</c>, <c>ANIMATION_SOUND</c> → <c>AnimationSound</c>, <c>age_15</c> → <c>Age15</c>.</summary>
    public static string ToPascalCase(string name)
    {
        // Words are the runs of letters and digits; each starts upper case, and one written all upper case goes lower
        // case after its first letter.
        var builder = new StringBuilder(name.Length);
        var i = 0;
        while (i < name.Length)
        {
            if (!char.IsLetterOrDigit(name[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var allUpper = true;
            for (; i < name.Length && char.IsLetterOrDigit(name[i]); i++)
            {
                allUpper &= !char.IsLetter(name[i]) || char.IsUpper(name[i]);
            }

            builder.Append(char.ToUpperInvariant(name[start]));
            for (var j = start + 1; j < i; j++)
            {
                builder.Append(allUpper ? char.ToLowerInvariant(name[j]) : name[j]);
            }
        }

        PascalCaseAcronyms(builder);

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// .NET casing for acronyms inside a name: three letters or more, and "ID", are Pascal-cased (<c>URIAction</c> →
    /// <c>UriAction</c>, <c>GetPNPMessageStatistics</c> → <c>GetPnpMessageStatistics</c>, <c>ByJWT</c> → <c>ByJwt</c>,
    /// <c>userID</c> → <c>UserId</c>); two-letter ones (<c>IO</c>) stay as they are. The capital that starts the next
    /// word (the <c>A</c> of <c>URIAction</c>) is kept.
    /// </summary>
    private static void PascalCaseAcronyms(StringBuilder builder)
    {
        var i = 0;
        while (i < builder.Length)
        {
            if (!char.IsUpper(builder[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < builder.Length && char.IsUpper(builder[end]))
            {
                end++;
            }

            // A capital followed by a lower-case letter starts the next word.
            var acronymEnd = end < builder.Length && char.IsLower(builder[end]) ? end - 1 : end;
            var length = acronymEnd - i;
            if (length >= 3 || (length == 2 && builder[i] == 'I' && builder[i + 1] == 'D'))
            {
                for (var j = i + 1; j < acronymEnd; j++)
                {
                    builder[j] = char.ToLowerInvariant(builder[j]);
                }
            }

            i = end;
        }
    }

    /// <summary>
    /// The C# name of a header parameter: LINE's <c>X-Line-</c> (or a bare <c>X-</c>) prefix says nothing to a caller,
    /// so <c>X-Line-Delivery-Tag</c> → <c>deliveryTag</c>.
    /// </summary>
    public static string HeaderParameterName(string headerName)
    {
        foreach (var prefix in new[] { "X-Line-", "X-" })
        {
            if (headerName.Length > prefix.Length && headerName.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
            {
                return ToCamelCase(headerName.Substring(prefix.Length));
            }
        }

        return ToCamelCase(headerName);
    }

    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    public static string StripAt(string identifier) => identifier.StartsWith("@") ? identifier.Substring(1) : identifier;
}
