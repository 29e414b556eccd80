using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;

namespace LpRepl.Commands;

/// <summary>What the identity commands share: the IDP and account they need, and how a new token is stored and shown.</summary>
internal static class IdentityCall
{
    public static string? Missing(ReplSession session, string command) =>
        string.IsNullOrEmpty(session.Variables["LP_IDP"]) || string.IsNullOrEmpty(session.Variables["LP_ACCOUNT"])
            ? $"{command} needs LP_IDP and LP_ACCOUNT; start lprepl with --account ID (or with none, for the emulator) or set them"
            : null;

    public static IdentityClient Client(ReplSession session) => new(session.Services.Http);

    /// <summary>Stores a token under each name and says so with the token shortened: whole tokens stay off the screen and out of logs.</summary>
    public static void Store(ReplSession session, string token, params string[] names)
    {
        foreach (var name in names)
        {
            session.Variables.Set(name, token);
        }
        var who = JwtDecoder.TryDecode(token, out _)?.Subject is { } sub ? $" · consumer {sub}" : "";
        session.Output.Info($"{string.Join(", ", names.Select(n => $"{n}={SecretRedactor.Shorten(token)}"))}{who} ('jwt {names[0]}' decodes it)");
        if (session.Transport.IsOpen && names.Contains("LP_JWT"))
        {
            // The socket keeps speaking as the consumer it opened as; 'connect' sees the new token and reconnects.
            session.Output.Info("LP_JWT is a new token; the open socket still uses the one it was opened with: 'connect' to reconnect with the new one");
        }
    }

    public static LineResult Failed(ServiceException e) => LineResult.Fail(e.Message, ExitCodes.ConnectionFailed);
}
