namespace LpRepl.Repl;

/// <summary>What running one input did: went on, failed (with a message for the user), or asked to exit.</summary>
public sealed record LineResult(LineOutcome Outcome, string? Error = null, int? ExitCode = null)
{
    public static readonly LineResult Ok = new(LineOutcome.Ok);

    public static readonly LineResult Exit = new(LineOutcome.Exit);

    public static LineResult Fail(string error, int? exitCode = null) => new(LineOutcome.Failed, error, exitCode);
}
