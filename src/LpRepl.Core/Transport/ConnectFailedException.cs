namespace LpRepl.Transport;

/// <summary>The socket could not be opened; the message says why in the user's terms.</summary>
public sealed class ConnectFailedException(string message, Exception? inner = null) : Exception(message, inner);
