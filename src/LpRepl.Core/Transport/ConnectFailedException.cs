namespace LpRepl.Transport;

/// <summary>The socket could not be opened; the message says why in the user's terms.</summary>
public sealed class ConnectFailedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status the server answered the upgrade with, when it answered one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The close code, when the server took the upgrade and closed the socket before it answered the authentication probe.</summary>
    public int? CloseCode { get; init; }

    /// <summary>Trying again cannot help (an untrusted certificate, a bad URL or header, no such endpoint).</summary>
    public bool Permanent { get; init; }
}
