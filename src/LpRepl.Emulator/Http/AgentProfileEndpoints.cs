using LpRepl.Emulator.Agent;
using LpRepl.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LpRepl.Emulator.Http;

/// <summary>The agent public profile (acCdnDomain) of the simulated agent, and its picture.</summary>
internal static class AgentProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorState state, Func<string> authority)
    {
        routes.MapGet("/api/account/{account}/configuration/le-users/users/{pid}", (string account, string pid) =>
        {
            if (!AccountId.IsValid(account))
            {
                return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
            }

            // The simulated agent is the account's only user.
            return pid == state.GetAccount(account).AgentId
                ? JsonResponse.Ok(AgentProfile.Json(authority()))
                : JsonResponse.Error(StatusCodes.Status404NotFound, "User not found");
        });

        routes.MapGet(AgentProfile.PicturePath, () => Results.Text(AgentProfile.PictureSvg, "image/svg+xml"));
    }
}
