using System.Collections.Generic;

namespace ModuleGen.Line.Testing.State;

/// <summary>An OA (LINE Official Account) the module is attached to on the fake platform.</summary>
/// <param name="BotId">The bot user ID (<c>U</c> + 32 hex digits): the bot-id header value and <c>bot_id</c> of attach.</param>
/// <param name="BasicId">The basic ID, e.g. <c>@628abcde</c>.</param>
/// <param name="DisplayName">The OA's display name.</param>
/// <param name="Scopes">The scopes the OA admin granted.</param>
public sealed record LineFakeBot(string BotId, string BasicId, string DisplayName, IReadOnlyList<string> Scopes);
