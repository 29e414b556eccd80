using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;

namespace LpRepl.Commands;

/// <summary><c>signup</c>: an unauthenticated consumer token from the IDP, stored in <c>LP_JWT</c> (tutorial Step 2).</summary>
public sealed class SignupCommand : IReplCommand
{
    public string Name => "signup";

    public string Summary => "get a consumer token from https://$LP_IDP/api/account/$LP_ACCOUNT/signup into LP_JWT";

    public string Usage => "signup";

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var idp = session.Variables["LP_IDP"];
        var account = session.Variables["LP_ACCOUNT"];
        if (string.IsNullOrEmpty(idp) || string.IsNullOrEmpty(account))
        {
            return LineResult.Fail("signup needs LP_IDP and LP_ACCOUNT; start lprepl with --account ID (or with none, for the emulator) or set them");
        }
        try
        {
            var jwt = await new IdentityClient(session.Services.Http).SignupAsync(idp, account, ct);
            session.Variables.Set("LP_JWT", jwt);
            session.Log.Information("Signed up at {Idp} for account {Account}", idp, account);
            session.Output.Info($"LP_JWT={SecretRedactor.Shorten(jwt)} ('echo $LP_JWT' shows it whole)");
            return LineResult.Ok;
        }
        catch (ServiceException e)
        {
            return LineResult.Fail(e.Message, ExitCodes.ConnectionFailed);
        }
    }
}
