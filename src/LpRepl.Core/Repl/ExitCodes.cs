namespace LpRepl.Repl;

/// <summary>The process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int ScriptFailed = 1;
    public const int Usage = 2;
    public const int ConnectionFailed = 3;

    /// <summary>The server refused the token (close 4401 or 4407, or HTTP 401 at a reconnect) and LpRepl could not renew it.</summary>
    public const int Unauthorized = 4;

    /// <summary>Ctrl-C or SIGINT stopped a script before its end (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
