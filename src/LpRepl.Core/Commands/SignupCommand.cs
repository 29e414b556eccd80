using LpRepl.Repl;
using LpRepl.Services;

namespace LpRepl.Commands;

/// <summary><c>signup</c>: an unauthenticated consumer token from the IDP, stored in <c>LP_JWT</c> (tutorial Step 2).</summary>
public sealed class SignupCommand : IReplCommand
{
    public string Name => "signup";

    public string Summary => "get a consumer token from https://$LP_IDP/api/account/$LP_ACCOUNT/signup into LP_JWT";

    public string Usage => "signup";

    public CommandArity Arity => CommandArity.None;

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (IdentityCall.Missing(session, Name) is { } missing)
        {
            return LineResult.Fail(missing);
        }
        var (idp, account) = (session.Variables["LP_IDP"]!, session.Variables["LP_ACCOUNT"]!);
        try
        {
            var jwt = await IdentityCall.Client(session).SignupAsync(idp, account, ct);
            session.Log.Information("Signed up at {Idp} for account {Account}", idp, account);
            IdentityCall.Store(session, jwt, "LP_JWT");
            session.Identity = Session.IdentityOrigin.Signup(jwt);
            return LineResult.Ok;
        }
        catch (ServiceException e)
        {
            return IdentityCall.Failed(e);
        }
    }
}
