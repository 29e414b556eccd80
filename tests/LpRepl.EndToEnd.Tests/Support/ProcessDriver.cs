using System.Diagnostics;

namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>
/// A real child process with its stdin held open: a test types lines and awaits the lines it
/// prints (with a timeout), never sleeping and counting.
/// </summary>
public sealed class ProcessDriver : IAsyncDisposable
{
    private readonly Process _process;
    private readonly LineLog _stdout = new();
    private readonly LineLog _stderr = new();

    private ProcessDriver(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => _stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _stderr.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public LineLog Stdout => _stdout;

    public LineLog Stderr => _stderr;

    /// <summary>The child's process id, for signals (<c>kill -INT</c>).</summary>
    public int Id => _process.Id;

    public static ProcessDriver Start(string fileName, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return new ProcessDriver(Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}"));
    }

    /// <summary>Starts the built lprepl with an isolated state folder.</summary>
    public static ProcessDriver StartLpRepl(TempDir home, params string[] args) =>
        Start("dotnet", args.Prepend(Repo.LpReplDll), home.Environment(), home.Path);

    public async Task TypeAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Everything printed so far, for failure messages.</summary>
    public string Transcript() => $"--- stdout ---\n{_stdout}\n--- stderr ---\n{_stderr}";
}
