namespace LpRepl.Transport;

/// <summary>How a connection ended.</summary>
public enum DisconnectReason
{
    /// <summary>The user (or the end of a script) closed it.</summary>
    ByUser,

    /// <summary>The server sent a close frame.</summary>
    ByServer,

    /// <summary>The socket failed without a close handshake.</summary>
    Lost,
}
