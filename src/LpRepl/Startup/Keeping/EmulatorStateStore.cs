using LpRepl.Emulator.Persistence;
using LpRepl.Security;

namespace LpRepl.App.Startup.Keeping;

/// <summary>
/// Keeps the embedded emulator's keys and consumers in the state folder across runs, so a token
/// saved in lp.env by one run is good in the next. Opened at start (the keys are written at once,
/// so two lprepl started together share them) and saved at the end (the consumers, merged with
/// what other processes saved meanwhile). Never throws: a state it cannot use is a warning and a
/// fresh emulator.
/// </summary>
public sealed class EmulatorStateStore
{
    public const string FileName = "emulator.json";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private readonly string? _path;

    private EmulatorStateStore(string? path, KeptEmulatorState state, string summary)
    {
        _path = path;
        State = state;
        Summary = summary;
    }

    /// <summary>The keys and consumers this run starts from.</summary>
    public KeptEmulatorState State { get; }

    /// <summary>One line for the banner: whether the state was kept, and where.</summary>
    public string Summary { get; }

    /// <param name="directory">The state folder (XdgPaths.StateDirectory()).</param>
    /// <param name="fresh">--fresh-emulator: forget what was kept and start again (earlier tokens are refused).</param>
    /// <param name="warn">Where a state that could not be used is reported.</param>
    public static EmulatorStateStore Open(string directory, bool fresh, Action<string> warn)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            PrivateFile.CreateDirectory(directory);
            using var held = StateFileLock.Acquire(path + ".lock", LockTimeout);
            KeptEmulatorState? kept = null;
            if (!fresh)
            {
                try
                {
                    kept = EmulatorStateFile.Read(path);
                    PrivateFile.Restrict(path);
                }
                catch (InvalidDataException e)
                {
                    var aside = path + ".unusable";
                    File.Move(path, aside, overwrite: true);
                    warn($"{path}: {e.Message}; starting a fresh emulator (tokens saved before are refused); the file is kept as {aside}");
                }
            }
            if (kept is not null)
            {
                return new EmulatorStateStore(path, kept, $"keys and {Count(kept.Consumers.Count)} kept in {path} (--fresh-emulator: start anew)");
            }
            var created = KeptEmulatorState.Fresh();
            EmulatorStateFile.Write(path, created);
            return new EmulatorStateStore(path, created, $"{(fresh ? "fresh: new" : "new")} keys, kept in {path} for the next run");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
        {
            warn($"cannot keep the emulator's state in {directory} ({e.Message}): this run's tokens last this run only");
            return new EmulatorStateStore(null, KeptEmulatorState.Fresh(), "keys for this run only");
        }
    }

    /// <summary>Adds the consumers seen in this run to the file, unless the file now holds other keys (a later --fresh-emulator).</summary>
    public void Save(IReadOnlyList<KnownConsumer> consumers, Action<string> warn)
    {
        if (_path is null)
        {
            return;
        }
        try
        {
            using var held = StateFileLock.Acquire(_path + ".lock", LockTimeout);
            KeptEmulatorState? current;
            try
            {
                current = EmulatorStateFile.Read(_path);
            }
            catch (InvalidDataException)
            {
                current = null;
            }
            if (current is not null && !current.SameKeysAs(State))
            {
                // Another lprepl started a fresh emulator meanwhile: its keys win, ours are gone with this run.
                return;
            }
            EmulatorStateFile.Write(_path, (current ?? State).WithConsumers(consumers));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
        {
            warn($"cannot save the emulator's consumers to {_path}: {e.Message}");
        }
    }

    private static string Count(int consumers) => consumers == 1 ? "1 consumer" : $"{consumers} consumers";
}
