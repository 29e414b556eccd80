namespace LpRepl.Repl;

/// <summary>The lines of a script file.</summary>
public sealed class FileLineSource(TextReader reader) : ILineSource, IDisposable
{
    public static FileLineSource Open(string path) => new(new StreamReader(path));

    public Task<string?> ReadLineAsync(string prompt, CancellationToken ct) => reader.ReadLineAsync(ct).AsTask();

    public void Dispose() => reader.Dispose();
}
