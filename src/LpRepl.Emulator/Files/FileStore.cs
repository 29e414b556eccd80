using System.Collections.Concurrent;

namespace LpRepl.Emulator.Files;

/// <summary>The files uploaded to the Swift stand-in, in memory, by relative path (which names the account).</summary>
internal sealed class FileStore
{
    // Upload URLs are given for files up to 3 MB (GenerateUploadUrlHandler), as documented; what Swift itself
    // takes is not documented, and 25 MiB keeps a runaway upload from filling memory.
    public const int MaxBytes = 25 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Stores (or replaces, as Swift does) the file at this path.</summary>
    public void Put(string relativePath, byte[] content) => _files[relativePath] = content;

    public byte[]? Get(string relativePath) => _files.GetValueOrDefault(relativePath);
}
