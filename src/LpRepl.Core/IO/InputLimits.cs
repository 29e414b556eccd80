namespace LpRepl.IO;

/// <summary>
/// The caps on what LpRepl reads from files, standard input and commands, so no input can take
/// memory without bound (README, "Limits"). Past a cap the read stops with an error naming it.
/// </summary>
public static class InputLimits
{
    private const int MiB = 1024 * 1024;

    /// <summary>
    /// A script line, from a file or standard input: 4 MiB, so a frame over the emulator's 1 MiB
    /// frame cap can still be sent to see it refused.
    /// </summary>
    public const int ScriptLineBytes = 4 * MiB;

    /// <summary>
    /// A frame spread over several lines (typed, pasted or in a script): 16 MiB of text, far over
    /// what a server takes, but never the memory of a frame that does not close.
    /// </summary>
    public const int FrameCharacters = 16 * MiB;

    /// <summary>A line of an lp.env file (<c>load</c>, <c>--env-file</c>).</summary>
    public const int EnvLineBytes = MiB;

    /// <summary>Distinct variables in one lp.env file.</summary>
    public const int EnvVariables = 10_000;

    /// <summary>A whole lp.env file.</summary>
    public const long EnvFileBytes = 16 * MiB;

    /// <summary>A file read by a template's <c>read_file</c>: the emulator's cap on a shared file.</summary>
    public const long ReadFileBytes = 25 * MiB;

    /// <summary>The standard output of a <c>$(…)</c> command.</summary>
    public const int ShellOutputBytes = MiB;

    /// <summary>How much of a <c>$(…)</c> command's standard error is kept for its error message.</summary>
    public const int ShellErrorBytes = 64 * 1024;

    /// <summary>A byte count as people read it: "4 MiB", "64 KiB".</summary>
    public static string Describe(long bytes) =>
        bytes % MiB == 0 ? $"{bytes / MiB} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
