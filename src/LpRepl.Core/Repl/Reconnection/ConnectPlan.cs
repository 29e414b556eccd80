using LpRepl.Transport;

namespace LpRepl.Repl.Reconnection;

/// <summary>
/// How the user opened the socket, so a reconnect repeats the same handshake: the same URL and
/// headers (with <c>Authorization</c> rebuilt from the current <c>LP_JWT</c> when it came from it,
/// so a renewed token is used), or a bare socket and InitConnection for <c>connect --init</c>.
/// </summary>
public sealed record ConnectPlan(ConnectionRequest Request, bool Init, bool AuthorizationFromSession);
