using LpRepl.Emulator.AccountConfig;
using LpRepl.Emulator.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>Account site settings (accountConfigReadWrite), as set_site_property.sh uses them: PUT and GET one property with an agent bearer.</summary>
internal static class SitePropertyEndpoints
{
    private const string Pattern = "/api/account/{account}/configuration/setting/properties/{id}";

    public static void Map(IEndpointRouteBuilder routes, AgentSessions sessions, SiteProperties properties, ILogger logger)
    {
        routes.MapPut(Pattern, async (HttpContext http, string account, string id) =>
        {
            if (Refusal(http, account, sessions) is { } refused)
            {
                return refused;
            }

            var (body, error) = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            if (error is not null || body is null)
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, error ?? "Body must be a JSON object");
            }

            // The id may be left out of the body, but it may not name another property.
            if (body["id"] is { } bodyId && (bodyId.Type != JTokenType.String || (string?)bodyId != id))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "id must match the property id in the path");
            }

            body["id"] ??= id;
            properties.Put(account, id, body);
            logger.LogInformation("Site property {Id} set on account {Account}", id, account);
            return JsonResponse.Ok(properties.Get(account, id)!);
        });

        routes.MapGet(Pattern, (HttpContext http, string account, string id) =>
            Refusal(http, account, sessions)
            ?? (properties.Get(account, id) is { } property
                ? JsonResponse.Ok(property)
                : JsonResponse.Error(StatusCodes.Status404NotFound, "Property not found")));
    }

    private static IResult? Refusal(HttpContext http, string account, AgentSessions sessions)
    {
        if (!AccountId.IsValid(account))
        {
            return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
        }

        return AuthorizationHeader.ReadBearer(http.Request.Headers.Authorization) is { } bearer && sessions.IsValid(account, bearer)
            ? null
            : JsonResponse.Error(StatusCodes.Status401Unauthorized, "Missing or unknown bearer token");
    }
}
