using LpRepl.IO;

namespace LpRepl.Repl;

/// <summary>
/// The lines of a script, a file or standard input, read as they run: a script of any length runs,
/// but one line may hold at most <see cref="InputLimits.ScriptLineBytes"/>.
/// </summary>
public sealed class FileLineSource(Stream stream, string sourceName) : ILineSource, IDisposable
{
    private readonly BoundedLineReader _reader = new(stream, sourceName, InputLimits.ScriptLineBytes);

    public static FileLineSource Open(string path) => new(InputFile.OpenRead(path), path);

    /// <summary>Opens a script; Ctrl-C ends the wait for a FIFO's writer.</summary>
    public static async Task<FileLineSource> OpenAsync(string path, CancellationToken ct) => new(await InputFile.OpenReadAsync(path, ct), path);

    /// <summary>All the lines of a file, capped as a script's are (a transcript to replay).</summary>
    public static IEnumerable<string> ReadLines(string path)
    {
        using var source = Open(path);
        while (source._reader.ReadLineAsync(CancellationToken.None).GetAwaiter().GetResult() is { } line)
        {
            yield return line;
        }
    }

    /// <exception cref="InputTooLargeException">A line is longer than the cap; the message names the source and line.</exception>
    public Task<string?> ReadLineAsync(string prompt, CancellationToken ct) => _reader.ReadLineAsync(ct);

    public void Dispose() => _reader.Dispose();
}
