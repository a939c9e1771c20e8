using System.Collections.Generic;

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
        // case after its first letter. The name is written from index 1, leaving room for the '_' a leading digit needs.
        var chars = new char[name.Length + 1];
        var length = 1;
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

            chars[length++] = char.ToUpperInvariant(name[start]);
            for (var j = start + 1; j < i; j++)
            {
                chars[length++] = allUpper ? char.ToLowerInvariant(name[j]) : name[j];
            }
        }

        PascalCaseAcronyms(chars, 1, length);

        if (length == 1)
        {
            return "Value";
        }

        if (char.IsDigit(chars[1]))
        {
            chars[0] = '_';
            return new string(chars, 0, length);
        }

        return new string(chars, 1, length - 1);
    }

    /// <summary>
    /// .NET casing for acronyms inside a name: three letters or more, and "ID", are Pascal-cased (<c>URIAction</c> →
    /// <c>UriAction</c>, <c>GetPNPMessageStatistics</c> → <c>GetPnpMessageStatistics</c>, <c>ByJWT</c> → <c>ByJwt</c>,
    /// <c>userID</c> → <c>UserId</c>); two-letter ones (<c>IO</c>) stay as they are. The capital that starts the next
    /// word (the <c>A</c> of <c>URIAction</c>) is kept.
    /// </summary>
    private static void PascalCaseAcronyms(char[] chars, int from, int to)
    {
        var i = from;
        while (i < to)
        {
            if (!char.IsUpper(chars[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < to && char.IsUpper(chars[end]))
            {
                end++;
            }

            // A capital followed by a lower-case letter starts the next word.
            var acronymEnd = end < to && char.IsLower(chars[end]) ? end - 1 : end;
            var length = acronymEnd - i;
            if (length >= 3 || (length == 2 && chars[i] == 'I' && chars[i + 1] == 'D'))
            {
                for (var j = i + 1; j < acronymEnd; j++)
                {
                    chars[j] = char.ToLowerInvariant(chars[j]);
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

        var chars = pascal.ToCharArray();
        chars[0] = char.ToLowerInvariant(chars[0]);
        var camel = new string(chars);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    public static string StripAt(string identifier) => identifier.StartsWith("@") ? identifier.Substring(1) : identifier;
}
