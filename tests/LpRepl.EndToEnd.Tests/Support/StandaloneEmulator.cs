namespace LpRepl.EndToEnd.Tests.Support;

/// <summary><c>lprepl emulator</c> as its own process, with the shell variables it prints.</summary>
public sealed class StandaloneEmulator : IAsyncDisposable
{
    private readonly ProcessDriver _process;

    private StandaloneEmulator(ProcessDriver process, Dictionary<string, string> exports)
    {
        _process = process;
        Exports = exports;
    }

    /// <summary>What the emulator prints on stderr (the warning of an open listener, for one).</summary>
    public LineLog Stderr => _process.Stderr;

    /// <summary>The port it listens on, from its first line ("listening on 0.0.0.0:PORT").</summary>
    public int ListeningPort
    {
        get
        {
            var line = _process.Stdout.Lines.First(l => l.StartsWith("# LivePerson emulator on ", StringComparison.Ordinal));
            var listening = line[(line.IndexOf("listening on ", StringComparison.Ordinal) + "listening on ".Length)..].Split(';')[0];
            return int.Parse(listening[(listening.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>LP_ACCOUNT, LP_IDP, LP_ASYNCMESSAGINGENT, CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS, …</summary>
    public IReadOnlyDictionary<string, string> Exports { get; }

    public static async Task<StandaloneEmulator> StartAsync(TempDir home, params string[] args)
    {
        var process = ProcessDriver.StartLpRepl(home, ["emulator", .. args]);
        // The "# try:" line comes after the last export.
        await process.Stdout.WaitForAsync("# try:", TimeSpan.FromSeconds(20));
        var exports = process.Stdout.Lines
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            // Shell expressions (NO_PROXY="${NO_PROXY:+…}") are for a shell, not for a process environment.
            .Where(p => !p[1].StartsWith('"'))
            .ToDictionary(p => p[0], p => p[1]);
        return new StandaloneEmulator(process, exports);
    }

    /// <summary>An environment for a child process: the test's home plus every exported variable.</summary>
    public Dictionary<string, string> Environment(TempDir home)
    {
        var env = home.Environment();
        foreach (var (name, value) in Exports)
        {
            env[name] = value;
        }
        return env;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
