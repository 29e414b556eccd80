using LpRepl.Emulator.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Http;

/// <summary>The unauthenticated connector flow (ACR0): anonymous/authorize, then app/{connector}/authenticate.</summary>
internal static class AnonymousIdpEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IdentityProvider idp, ILogger logger)
    {
        routes.MapPost("/api/account/{account}/anonymous/authorize", async (HttpContext http, string account) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            // No body (or {}) asks for a new identity; {"id_token":…} refreshes one.
            var (body, error) = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            if (error is not null || (body?["id_token"] is not null && JsonBody.String(body, "id_token") is null))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, error ?? "id_token must be a non-empty string");
            }

            // Both names: one version of the tutorial reads .token, the older one .jwt.
            return IdpEndpoints.Answer(idp.AuthorizeAnonymous(account, JsonBody.String(body, "id_token")), account, logger, "token", "jwt");
        });

        routes.MapPost("/api/account/{account}/app/{connectorId}/authenticate", async (HttpContext http, string account, string connectorId) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            if (connectorId != idp.ConnectorId)
            {
                return JsonResponse.Error(StatusCodes.Status404NotFound, "Connector not found");
            }

            var (body, error) = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            if (error is not null || JsonBody.String(body, "id_token") is not { } idToken)
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, error ?? "id_token must be a non-empty string");
            }

            return IdpEndpoints.Answer(idp.AuthenticateAnonymous(account, idToken), account, logger, "token");
        });
    }
}
