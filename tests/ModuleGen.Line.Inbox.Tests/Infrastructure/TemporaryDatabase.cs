using System;
using System.IO;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>A database path in a fresh temporary directory, deleted with everything SQLite put next to it.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("modulegen-inbox-");

    public string Path => System.IO.Path.Combine(_directory.FullName, "inbox.db");

    public void Dispose() => _directory.Delete(recursive: true);
}
