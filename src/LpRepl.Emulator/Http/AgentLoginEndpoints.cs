using System.Text.RegularExpressions;
using LpRepl.Emulator.AccountConfig;
using LpRepl.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>The agent login (agentVep): any user name and password become a bearer for the simulated agent.</summary>
internal static partial class AgentLoginEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorState state, AgentSessions sessions, ILogger logger)
    {
        routes.MapPost("/api/account/{account}/login", async (HttpContext http, string account) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            // The docs use v=1.2, lp-api v=1.3: every 1.x is the same login here.
            if (http.Request.Query["v"] is not { Count: 1 } version || !LoginVersion().IsMatch(version[0]!))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "v must be 1.x");
            }

            var (body, error) = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            if (error is not null || JsonBody.String(body, "username") is not { } username || JsonBody.String(body, "password") is null)
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, error ?? "username and password must be non-empty strings");
            }

            var bearer = sessions.Login(account, username);
            logger.LogInformation("Agent {LoginName} logged in on account {Account}", username, account);
            return JsonResponse.Ok(new JObject
            {
                ["bearer"] = bearer,
                ["config"] = new JObject
                {
                    ["loginName"] = username,
                    ["userId"] = state.GetAccount(account).AgentId,
                    ["accountId"] = account,
                },
            });
        });
    }

    [GeneratedRegex(@"^1\.[0-9]+$")]
    private static partial Regex LoginVersion();
}
