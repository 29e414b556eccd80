namespace LpRepl.IO;

/// <summary>Opening a file a user names, which may be a FIFO that waits for a writer.</summary>
public static class InputFile
{
    /// <summary>
    /// Opens for reading, unbuffered (the readers read in blocks). Opening a FIFO blocks until a
    /// writer comes: that wait happens off the caller, so Ctrl-C (<paramref name="ct"/>) still ends it.
    /// </summary>
    public static async Task<Stream> OpenReadAsync(string path, CancellationToken ct)
    {
        var open = Task.Run(() => OpenRead(path), CancellationToken.None);
        try
        {
            return await open.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            _ = open.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
    }

    public static Stream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
}
