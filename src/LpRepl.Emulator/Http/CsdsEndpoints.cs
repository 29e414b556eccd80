using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>The CSDS domain API in its three URL forms, all pointing every service at the emulator.</summary>
internal static class CsdsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, Func<string> authority)
    {
        // Forms 1 (lp-api) and 2 (node-agent-sdk) list all services.
        routes.MapGet("/csdr/account/{account}/service/baseURI.json", (string account) => AllServices(account, authority()));
        routes.MapGet("/api/account/{account}/service/baseURI.json", (string account) => AllServices(account, authority()));

        // Form 3 (domain API docs) answers for one service.
        routes.MapGet(
            "/api/account/{account}/service/{service}/baseURI.json",
            (string account, string service) => OneService(account, service, authority()));
    }

    private static IResult AllServices(string account, string authority)
    {
        if (!AccountId.IsValid(account))
        {
            return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
        }

        var list = new JArray(ServiceCatalog.Services.Select(service => Entry(service, account, authority)));
        return JsonResponse.Ok(new JObject { ["baseURIs"] = list });
    }

    private static IResult OneService(string account, string service, string authority)
    {
        if (!AccountId.IsValid(account))
        {
            return JsonResponse.Error(StatusCodes.Status400BadRequest, "Invalid account id");
        }

        return ServiceCatalog.Contains(service)
            ? JsonResponse.Ok(Entry(service, account, authority))
            : JsonResponse.Error(StatusCodes.Status404NotFound, "Unknown service: " + service);
    }

    private static JObject Entry(string service, string account, string authority) =>
        new() { ["service"] = service, ["account"] = account, ["baseURI"] = authority };
}
