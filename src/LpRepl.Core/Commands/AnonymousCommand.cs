using LpRepl.Repl;
using LpRepl.Services;

namespace LpRepl.Commands;

/// <summary>
/// <c>anonymous [CONNECTOR_ID] [--refresh]</c>: the unauthenticated connector flow. An external
/// token from <c>…/anonymous/authorize</c> (kept in <c>UNAUTH_JWT</c>; <c>--refresh</c> renews the
/// one there), traded at <c>…/app/{connector}/authenticate</c> for the LP token in <c>LP_JWT</c>.
/// The connector id defaults to <c>$LP_CONN_ID</c>, then <c>$LP_APP_CONN_ID</c> (the tutorial uses both names).
/// </summary>
public sealed class AnonymousCommand : IReplCommand
{
    public string Name => "anonymous";

    public string Summary => "anonymous consumer via a connector ($LP_CONN_ID): authorize, then authenticate, into LP_JWT";

    public string Usage => "anonymous [CONNECTOR_ID] [--refresh]";

    public CommandArity Arity => CommandArity.AtMost(2);

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Contains("--refresh") ? [] : ["--refresh"];

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (IdentityCall.Missing(session, Name) is { } missing)
        {
            return LineResult.Fail(missing);
        }
        var refresh = args.Contains("--refresh");
        var rest = args.Where(a => a != "--refresh").ToList();
        if (rest.Count > 1 || rest.Any(a => a.StartsWith('-')))
        {
            return LineResult.Fail($"unexpected argument; usage: {Usage}");
        }
        var vars = session.Variables;
        var connector = rest.Count == 1 ? rest[0] : vars["LP_CONN_ID"] is { Length: > 0 } c ? c : vars["LP_APP_CONN_ID"];
        if (string.IsNullOrEmpty(connector))
        {
            return LineResult.Fail("no connector id: set LP_CONN_ID (the app installation id of your connector; the emulator sets its own) or pass it");
        }
        var previous = refresh ? vars["UNAUTH_JWT"] : null;
        if (refresh && string.IsNullOrEmpty(previous))
        {
            return LineResult.Fail("--refresh renews UNAUTH_JWT, which is not set: run 'anonymous' once first");
        }
        var (idp, account) = (vars["LP_IDP"]!, vars["LP_ACCOUNT"]!);
        var client = IdentityCall.Client(session);
        try
        {
            var external = await client.AuthorizeAnonymousAsync(idp, account, previous, ct);
            IdentityCall.Store(session, external, "UNAUTH_JWT");
            var jwt = await client.AuthenticateAppAsync(idp, account, connector, external, ct);
            session.Log.Information("Anonymous consumer via connector {Connector} at {Idp} for account {Account}", connector, idp, account);
            IdentityCall.Store(session, jwt, "LP_JWT");
            // Kept so a 4407 can refresh this identity the way --refresh does.
            session.Identity = Session.IdentityOrigin.Anonymous(jwt, connector, external);
            return LineResult.Ok;
        }
        catch (ServiceException e)
        {
            return IdentityCall.Failed(e);
        }
    }
}
