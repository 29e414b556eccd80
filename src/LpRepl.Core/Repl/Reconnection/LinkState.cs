namespace LpRepl.Repl.Reconnection;

/// <summary>Where the session's one socket is, as <c>status</c> and the prompt show it.</summary>
public enum LinkState
{
    /// <summary>Never connected, closed by the user, or given up on.</summary>
    Offline,

    Connected,

    /// <summary>Dropped unexpectedly; attempts run with backoff until one succeeds or the session gives up.</summary>
    Reconnecting,
}
