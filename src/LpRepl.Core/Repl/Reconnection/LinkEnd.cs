namespace LpRepl.Repl.Reconnection;

/// <summary>
/// Why the socket is down for good (no reconnect will follow), and the exit code a script ends with;
/// <see cref="Failure"/> is false when the user closed it on purpose.
/// </summary>
public sealed record LinkEnd(string Reason, int ExitCode, bool Failure = true);
