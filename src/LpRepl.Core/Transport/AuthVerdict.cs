namespace LpRepl.Transport;

/// <summary>
/// How the server met the socket's token once the upgrade was through: it answered the connect's
/// GetClock probe (with <see cref="Code"/>, 200 when it took the token), or it closed the socket first.
/// </summary>
internal sealed record AuthVerdict(Disconnection? Closed, int? Code, string? Body)
{
    public static AuthVerdict Answered(int? code, string? body) => new(null, code, body);

    public static AuthVerdict Close(Disconnection end) => new(end, null, null);
}
