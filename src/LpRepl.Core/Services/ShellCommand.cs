using System.Diagnostics;
using System.Runtime.InteropServices;
using LpRepl.IO;
using LpRepl.Session;

namespace LpRepl.Services;

/// <summary>
/// Runs <c>$(…)</c> and backtick commands through <c>/bin/sh</c>, with the session's variables
/// exported, as lp-shell's bash did (so <c>curl … https://$LP_IDP/… | jq -r .jwt</c> works as typed).
/// A command ends when its shell does, at its time limit, or on Ctrl-C, and nothing it started
/// outlives it; its output is capped at <see cref="InputLimits.ShellOutputBytes"/>.
/// </summary>
public static class ShellCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // After the shell exits, how long its output may still take to reach the end of the pipe.
    private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(200);

    // After everything was stopped, how long to wait for the pipes to close (they do at once when the group is gone).
    private static readonly TimeSpan Closing = TimeSpan.FromSeconds(2);

    private const int SigKill = 9;

    // Why a process group: `x=$(sleep 25 & echo hi)` leaves a background child holding the output
    // pipe after the shell exits. While the shell lives that child is in its process tree, but a
    // child whose parent exited (`(sleep 25 &)`, or the shell itself gone) is reparented to init
    // and no tree walk finds it. .NET cannot start a child in a new process group, so the shell
    // runs under setsid(1): same pid, now the leader of its own session and group, which every
    // descendant inherits; kill(-pid) then reaches them all (and the command has no controlling
    // terminal, which it must not use while the line editor owns it). The group is stopped on
    // timeout, on Ctrl-C, on too much output, and once the shell has exited: bash would wait for
    // a child that holds the pipe, LpRepl takes what the shell wrote and returns, leaving nothing
    // running. Without setsid (macOS) only the tree walk is left, and a child that outlived its
    // shell runs on unseen.
    private static readonly string? Setsid = FindSetsid();

    /// <summary>The command's standard output; a command that fails, hangs or writes too much is an error with its stderr.</summary>
    public static string Run(string command, SessionVariables variables, CancellationToken ct = default, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        using var process = Start(command, variables);
        var pid = process.Id;
        var group = Setsid is not null;
        void Stop() => StopAll(process, pid, group);
        var output = CappedOutput.Start(process.StandardOutput.BaseStream, InputLimits.ShellOutputBytes, Stop);
        var error = CappedOutput.Start(process.StandardError.BaseStream, InputLimits.ShellErrorBytes);
        bool exited;
        // Ctrl-C on the line ends the command too.
        using (ct.Register(Stop))
        {
            exited = process.WaitForExit(limit);
            if (exited)
            {
                // Output a background child still writes has a moment to arrive; then the child is stopped.
                Task.WaitAll([output.Completion, error.Completion], Drain);
            }
            Stop();
        }
        ct.ThrowIfCancellationRequested();
        if (!exited)
        {
            throw new InvalidOperationException($"`{command}` did not finish within {limit.TotalSeconds:0.##} s");
        }
        Task.WaitAll([output.Completion, error.Completion], Closing);
        if (output.Overflowed)
        {
            throw new InvalidOperationException($"`{command}` wrote more than {InputLimits.Describe(InputLimits.ShellOutputBytes)} of output, the most a $(…) may hold; write it to a file instead");
        }
        if (process.ExitCode != 0)
        {
            var message = error.Text().Trim();
            throw new InvalidOperationException($"`{command}` failed with exit code {process.ExitCode}{(message.Length == 0 ? "" : ": " + Excerpt(message))}");
        }
        return output.Text();
    }

    private static Process Start(string command, SessionVariables variables)
    {
        var shell = OperatingSystem.IsWindows() ? "cmd.exe" : "/bin/sh";
        var info = new ProcessStartInfo(Setsid ?? shell)
        {
            // All three streams redirected: the child never touches the terminal the line editor owns.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Setsid is not null)
        {
            info.ArgumentList.Add(shell);
        }
        info.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        info.ArgumentList.Add(command);
        foreach (var (name, value) in variables.Snapshot())
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {shell} for `{command}`");
        process.StandardInput.Close();
        return process;
    }

    private static void StopAll(Process process, int pid, bool group)
    {
        if (group)
        {
            // The group's id is the shell's pid: only the command's own processes are in it.
            _ = Kill(-pid, SigKill);
        }
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone; this also runs from Ctrl-C's callback, which must not throw.
        }
    }

    private static string? FindSetsid()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return new[] { "/usr/bin", "/bin" }.Concat(path).Select(dir => Path.Combine(dir, "setsid")).FirstOrDefault(File.Exists);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static string Excerpt(string text) => text.Length <= 300 ? text : "…" + text[^300..];
}
