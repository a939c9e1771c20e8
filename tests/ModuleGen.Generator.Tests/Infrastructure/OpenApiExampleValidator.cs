using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// NJsonSchema's validator, plus two things OpenAPI 3.0.3 asks of a value that NJsonSchema 10.7 leaves out. Nothing
/// it checks is relaxed.
/// <list type="bullet">
/// <item>A discriminator names the schema a value must also satisfy: <c>{ type: text, … }</c> given for a
/// <c>Message</c> is checked against <c>TextMessage</c> too; NJsonSchema reads the mapping but does not validate by
/// it. A value with no mapping entry is left to the base schema: the generator reads such unions as open.</item>
/// <item>Formats as OpenAPI defines them where NJsonSchema's check is looser: <c>date-time</c> is an RFC 3339
/// date-time (NJsonSchema takes anything DateTime.TryParse takes, <c>2026-07-20T19:00</c> or <c>20260720</c>),
/// <c>uri</c> an absolute URI (NJsonSchema takes <c>/relative</c>), and <c>int32</c>/<c>int64</c> bound the integer
/// (NJsonSchema checks formats on strings only). NJsonSchema's <c>date</c> (a full-date), <c>uuid</c> and
/// <c>byte</c> checks are right and kept as they are.</item>
/// </list>
/// <c>nullable: true</c> needs nothing here: in a document NSwag reads as OpenAPI 3 (see <see cref="NSwagSpecSet"/>)
/// NJsonSchema keeps it (IsNullableRaw) and accepts null for such a schema in any position, allOf branches included,
/// which the negative tests pin. It also does so for a <c>nullable</c> schema without a <c>type</c>, where OpenAPI 3.0.3
/// would not; the spec has none.
/// </summary>
internal sealed class OpenApiExampleValidator : JsonSchemaValidator
{
    private static readonly Regex Rfc3339DateTime = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    private static readonly Regex UriScheme = new("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant);

    private readonly HashSet<(JToken Token, JsonSchema Schema)> _inProgress = new(ReferencePairComparer.Instance);

    protected override ICollection<ValidationError> Validate(
        JToken token, JsonSchema schema, SchemaType schemaType, string propertyName, string propertyPath)
    {
        var added = _inProgress.Add((token, schema));
        try
        {
            var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath).ToList();
            if (FormatError(token, schema) is { } kind && !errors.Any(error => error.Kind == kind && error.Path == propertyPath))
            {
                errors.Add(new ValidationError(kind, propertyName, propertyPath, token, schema));
            }

            if (MappedSchema(token, schema) is { } mapped && !_inProgress.Contains((token, mapped)))
            {
                errors.AddRange(Validate(token, mapped, schemaType, propertyName, propertyPath));
            }

            return errors;
        }
        finally
        {
            if (added)
            {
                _inProgress.Remove((token, schema));
            }
        }
    }

    private static JsonSchema? MappedSchema(JToken token, JsonSchema schema)
        => schema.DiscriminatorObject is { } discriminator
           && token is JObject value
           && value.TryGetValue(discriminator.PropertyName, StringComparison.Ordinal, out var tag)
           && tag.Type == JTokenType.String
           && discriminator.Mapping.TryGetValue(tag.Value<string>()!, out var mapped)
            ? mapped.ActualSchema
            : null;

    private static ValidationErrorKind? FormatError(JToken token, JsonSchema schema) => (schema.Format, token.Type) switch
    {
        ("date-time", JTokenType.String) when !IsRfc3339DateTime(token.Value<string>()!) => ValidationErrorKind.DateTimeExpected,
        ("uri", JTokenType.String) when !IsAbsoluteUri(token.Value<string>()!) => ValidationErrorKind.UriExpected,
        ("int32", JTokenType.Integer) => OutOfRange(token, int.MinValue, int.MaxValue),
        ("int64", JTokenType.Integer) => OutOfRange(token, long.MinValue, long.MaxValue),
        _ => null,
    };

    private static bool IsRfc3339DateTime(string value)
        => Rfc3339DateTime.IsMatch(value)
           && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsAbsoluteUri(string value) => UriScheme.IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _);

    private static ValidationErrorKind? OutOfRange(JToken token, BigInteger minimum, BigInteger maximum)
    {
        var value = ((JValue)token).Value is BigInteger big ? big : new BigInteger(token.Value<long>());
        return value > maximum ? ValidationErrorKind.IntegerTooBig : value < minimum ? ValidationErrorKind.NumberTooSmall : null;
    }

    private sealed class ReferencePairComparer : IEqualityComparer<(JToken Token, JsonSchema Schema)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((JToken Token, JsonSchema Schema) x, (JToken Token, JsonSchema Schema) y)
            => ReferenceEquals(x.Token, y.Token) && ReferenceEquals(x.Schema, y.Schema);

        public int GetHashCode((JToken Token, JsonSchema Schema) pair)
            => HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Token), RuntimeHelpers.GetHashCode(pair.Schema));
    }
}
