using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>The webhook bodies of tests/fixtures/webhooks, copied next to the test assembly, as exact bytes.</summary>
internal static class Fixtures
{
    public const string Secret = "8c570fa6dd201bb328f1c1eac23a96d8";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks");

    public static IReadOnlyList<string> Names { get; } = System.IO.Directory
        .EnumerateFiles(Directory, "*.json")
        .Select(Path.GetFileName)
        .OfType<string>()
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToArray();

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static CallbackRequest Parse(string name) => LineWebhookParser.ParseUnverified(Read(name));

    /// <summary>LINE's signature, computed here with the BCL directly rather than with the code under test.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret = Secret)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A fixture with its <c>isRedelivery</c> flags set, re-signed as LINE would resend it.</summary>
    public static byte[] AsRedelivery(byte[] body)
        => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"isRedelivery\": false", "\"isRedelivery\": true", StringComparison.Ordinal));
}
