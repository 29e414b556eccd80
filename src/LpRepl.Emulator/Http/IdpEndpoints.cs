using LpRepl.Emulator.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>The IDP's unauthenticated signup: no body, no auth, answers a fresh consumer JWT.</summary>
internal static class IdpEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, TokenService tokens, ILogger logger)
    {
        routes.MapPost("/api/account/{account}/signup", (string account) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            var consumerId = Guid.NewGuid().ToString();
            logger.LogInformation("Signed up consumer {ConsumerId} on account {Account}", consumerId, account);
            return JsonResponse.Ok(new JObject { ["jwt"] = tokens.Issue(account, consumerId) });
        });
    }
}
