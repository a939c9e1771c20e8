using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace ModuleGen.Samples.Reservations;

/// <summary>One OA this module is attached to.</summary>
/// <param name="BotId">The OA's bot user ID.</param>
/// <param name="Scopes">The scopes its admin granted.</param>
/// <param name="AttachedAt">When it attached.</param>
/// <param name="DetachedAt">When it detached, if it did.</param>
public sealed record Attachment(string BotId, IReadOnlyList<string> Scopes, DateTimeOffset AttachedAt, DateTimeOffset? DetachedAt);

/// <summary>The OAs this module serves, in a small SQLite file: what the attach flow and the module events record.</summary>
public sealed class AttachmentStore
{
    private readonly string _connectionString;

    /// <summary>Creates the store and its table in <paramref name="path"/>.</summary>
    public AttachmentStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS attachments (
                bot_id TEXT PRIMARY KEY,
                scopes TEXT NOT NULL,
                attached_at INTEGER NOT NULL,
                detached_at INTEGER NULL)
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Records an attach (again, after a detach, clears the detach).</summary>
    public Task RecordAttachedAsync(string botId, IEnumerable<string> scopes, DateTimeOffset at, CancellationToken cancellationToken)
        => ExecuteAsync(
            """
            INSERT INTO attachments (bot_id, scopes, attached_at, detached_at) VALUES ($bot, $scopes, $at, NULL)
            ON CONFLICT (bot_id) DO UPDATE SET scopes = $scopes, attached_at = $at, detached_at = NULL
            """,
            cancellationToken,
            ("$bot", botId), ("$scopes", string.Join(' ', scopes)), ("$at", at.ToUnixTimeMilliseconds()));

    /// <summary>Records a detach.</summary>
    public Task RecordDetachedAsync(string botId, DateTimeOffset at, CancellationToken cancellationToken)
        => ExecuteAsync(
            "UPDATE attachments SET detached_at = $at WHERE bot_id = $bot",
            cancellationToken,
            ("$bot", botId), ("$at", at.ToUnixTimeMilliseconds()));

    /// <summary>The OA's attachment, or null when it never attached.</summary>
    public async Task<Attachment?> FindAsync(string botId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT scopes, attached_at, detached_at FROM attachments WHERE bot_id = $bot";
        command.Parameters.AddWithValue("$bot", botId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Attachment(
            botId,
            reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
