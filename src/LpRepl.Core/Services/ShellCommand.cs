using System.Diagnostics;
using LpRepl.Session;

namespace LpRepl.Services;

/// <summary>
/// Runs <c>$(…)</c> and backtick commands through <c>/bin/sh</c>, with the session's variables
/// exported, as lp-shell's bash did (so <c>curl … https://$LP_IDP/… | jq -r .jwt</c> works as typed).
/// </summary>
public static class ShellCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The command's standard output; a command that fails or hangs is an error with its stderr.</summary>
    public static string Run(string command, SessionVariables variables, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd.exe" : "/bin/sh")
        {
            // All three streams redirected: the child never touches the terminal the line editor owns.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        info.ArgumentList.Add(command);
        foreach (var (name, value) in variables.Snapshot())
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start /bin/sh for `{command}`");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // Ctrl-C on the line ends the command too.
        using (ct.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(Timeout))
            {
                Kill(process);
                throw new InvalidOperationException($"`{command}` did not finish within {Timeout.TotalSeconds:0} s");
            }
        }
        ct.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            var message = error.Result.Trim();
            throw new InvalidOperationException($"`{command}` failed with exit code {process.ExitCode}{(message.Length == 0 ? "" : ": " + Excerpt(message))}");
        }
        return output.Result;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : "…" + text[^300..];
}
