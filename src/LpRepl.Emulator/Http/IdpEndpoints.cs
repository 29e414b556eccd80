using LpRepl.Emulator.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>The IDP: unauthenticated signup, and /authenticate exchanging a brand's external JWT for an LP JWT.</summary>
internal static class IdpEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, TokenService tokens, IdentityProvider idp, ILogger logger)
    {
        routes.MapPost("/api/account/{account}/signup", (string account) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            var consumerId = Guid.NewGuid().ToString();
            // Debug: a burst of signups would otherwise be a line each in the shared log.
            logger.LogDebug("Signed up consumer {ConsumerId} on account {Account}", consumerId, account);
            return JsonResponse.Ok(new JObject { ["jwt"] = tokens.Issue(account, consumerId) });
        });

        routes.MapPost("/api/account/{account}/authenticate", async (HttpContext http, string account) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            var (body, error) = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            if (error is not null || JsonBody.String(body, "authCode") is not { } authCode)
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, error ?? "authCode must be a non-empty string");
            }

            return Answer(idp.Authenticate(account, authCode), account, logger, "jwt");
        });
    }

    /// <summary>200 with the token under each of <paramref name="names"/>, or 401 with the reason.</summary>
    public static IResult Answer(IdpResult result, string account, ILogger logger, params string[] names)
    {
        if (result.Token is not { } token)
        {
            // Never log the token itself: the reason is enough to debug.
            logger.LogInformation("Refused an IDP request on account {Account}: {Reason}", account, result.Error);
            return JsonResponse.Error(StatusCodes.Status401Unauthorized, result.Error!);
        }

        var body = new JObject();
        foreach (var name in names)
        {
            body[name] = token;
        }

        return JsonResponse.Ok(body);
    }
}
