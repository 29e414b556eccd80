namespace LpRepl.Security;

/// <summary>
/// Files that may hold a secret (logs, history, transcripts): created readable by their owner
/// only (0600), and brought down to 0600 when they already existed with a wider mode.
/// </summary>
public static class PrivateFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>Opens <paramref name="path"/> for writing (<see cref="FileMode.Append"/> or <see cref="FileMode.Create"/>), 0600 either way.</summary>
    public static FileStream Open(string path, FileMode mode, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows() && IsRegularFile(stream))
        {
            // Through the handle: an existing file keeps its old mode otherwise, and the path may have changed since.
            File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnly);
        }
        return stream;
    }

    // A device or a pipe (--log /dev/stderr, record /dev/null) is written to, never re-moded: that would change it for everyone.
    private static bool IsRegularFile(FileStream stream) =>
        stream.CanSeek && !stream.Name.StartsWith("/dev/", StringComparison.Ordinal) && !stream.Name.StartsWith("/proc/", StringComparison.Ordinal);

    /// <summary>Creates <paramref name="path"/> empty when missing and makes it 0600, for a writer that opens it itself.</summary>
    public static void Prepare(string path) => Open(path, FileMode.Append).Dispose();

    /// <summary>Brings an existing file down to 0600; nothing when it is missing.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (IsRegularFile(stream))
            {
                File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnly);
            }
        }
    }

    /// <summary>Creates a folder for such files (0700 when new; an existing one is left as it is).</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
        }
    }
}
