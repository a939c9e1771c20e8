namespace ModuleGen.Line.Webhooks;

/// <summary>Why a webhook request was rejected.</summary>
public enum LineWebhookError
{
    /// <summary>Channel secrets were configured but the request carried no <c>x-line-signature</c> value.</summary>
    MissingSignature,

    /// <summary>The <c>x-line-signature</c> value is not the signature of the body under any configured secret.</summary>
    InvalidSignature,

    /// <summary>The body is larger than the configured limit.</summary>
    BodyTooLarge,

    /// <summary>The body is not well-formed UTF-8 JSON (or nests deeper than the parser allows).</summary>
    MalformedJson,

    /// <summary>
    /// The body is well-formed JSON but not a webhook envelope: not an object, or its <c>events</c> member is absent or
    /// not an array. Problems inside events never reject a body (they give <see cref="UnreadableEvent"/>s).
    /// </summary>
    InvalidShape,
}
