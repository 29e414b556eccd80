using LpRepl.Repl;
using LpRepl.Services;

namespace LpRepl.Commands;

/// <summary>
/// <c>authenticate [EXTERNAL_JWT]</c>: the authenticated consumer of the Authentication tutorial.
/// Trades the brand's external token (default <c>$LP_EXT_JWT</c>) at the IDP for an LP token, stored
/// in <c>LP_AUTH_JWT</c> (the tutorial's name) and <c>LP_JWT</c> (what <c>connect</c> uses).
/// </summary>
public sealed class AuthenticateCommand : IReplCommand
{
    public string Name => "authenticate";

    public string Summary => "trade an external JWT (default $LP_EXT_JWT) at $LP_IDP …/authenticate for LP_JWT";

    public string Usage => "authenticate [EXTERNAL_JWT]";

    public CommandArity Arity => CommandArity.AtMost(1);

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (IdentityCall.Missing(session, Name) is { } missing)
        {
            return LineResult.Fail(missing);
        }
        if (args.Count > 1)
        {
            return LineResult.Fail($"one token at a time; usage: {Usage}");
        }
        var external = args.Count == 1 ? args[0] : session.Variables["LP_EXT_JWT"];
        if (string.IsNullOrEmpty(external))
        {
            return LineResult.Fail("no external token: set LP_EXT_JWT to the JWT your brand's login issued (the emulator sets a sample one), or pass it");
        }
        var (idp, account) = (session.Variables["LP_IDP"]!, session.Variables["LP_ACCOUNT"]!);
        try
        {
            var jwt = await IdentityCall.Client(session).AuthenticateAsync(idp, account, external, ct);
            session.Log.Information("Authenticated at {Idp} for account {Account}", idp, account);
            IdentityCall.Store(session, jwt, "LP_AUTH_JWT", "LP_JWT");
            // Kept so a 4401 can trade the same external token again while it is valid.
            session.Identity = Session.IdentityOrigin.Authenticated(jwt, external);
            return LineResult.Ok;
        }
        catch (ServiceException e)
        {
            return IdentityCall.Failed(e);
        }
    }
}
