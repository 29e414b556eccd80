namespace LpRepl.Repl.Reconnection;

/// <summary>Why the socket is down for good (no reconnect will follow), and the exit code a script ends with.</summary>
public sealed record LinkEnd(string Reason, int ExitCode);
