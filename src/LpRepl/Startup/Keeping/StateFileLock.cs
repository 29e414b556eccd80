namespace LpRepl.App.Startup.Keeping;

/// <summary>
/// An exclusive lock on a file beside the state (an open with no sharing: flock on Unix), so two
/// lprepl processes never read-modify-write the state at once. It is held for milliseconds, so a
/// busy lock is retried briefly; an lprepl that died holding it released it with its process.
/// </summary>
public sealed class StateFileLock : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(25);

    private readonly FileStream _stream;

    private StateFileLock(FileStream stream) => _stream = stream;

    /// <exception cref="TimeoutException">Another process held it for all of <paramref name="timeout"/>.</exception>
    public static StateFileLock Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = Security.PrivateFile.OwnerOnly;
                }
                return new StateFileLock(new FileStream(path, options));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another lprepl: it is writing a few KB and lets go.
                Thread.Sleep(RetryEvery);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"{path} stayed locked by another lprepl for {timeout.TotalSeconds:0} s", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
