using System.Runtime.InteropServices;

namespace LpRepl.App.Agent;

/// <summary>
/// Whether this process is the terminal's foreground job. <c>lprepl emulator &gt; env.sh &amp;</c> has the
/// terminal on stdin but may not read it (SIGTTIN) nor set its modes (SIGTTOU): the shell would stop it.
/// </summary>
public static class ForegroundJob
{
    public static bool IsForeground()
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        try
        {
            var foreground = TcGetPgrp(0);
            return foreground >= 0 && foreground == GetPgrp();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: take the terminal to be ours, as before.
            return true;
        }
    }

    // Plain ints: no marshalling, so no unsafe code for a generated import.
    [DllImport("libc", EntryPoint = "tcgetpgrp")]
    private static extern int TcGetPgrp(int fd);

    [DllImport("libc", EntryPoint = "getpgrp")]
    private static extern int GetPgrp();
}
