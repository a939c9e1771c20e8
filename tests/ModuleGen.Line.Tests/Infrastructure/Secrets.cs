namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>The secrets the tests hand to the library; none may appear in a log line or exception message.</summary>
public static class Secrets
{
    public const string ChannelSecret = "c0ffee-module-channel-secret-4711";

    public const string AccessToken = "eyJhbGciOi.module-access-token.s1gn4ture";

    public static readonly string[] All =
    {
        ChannelSecret,
        AccessToken,
        Tokens.TokenTestContext.ChannelSecret,
    };
}
