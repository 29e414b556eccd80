using System.Globalization;
using System.Net;
using LpRepl.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>
/// The fault-injection control endpoint (<c>/emulator/faults/…</c>), for the standalone emulator:
/// the <see cref="FaultInjector"/> over HTTPS, served only to callers on loopback.
/// </summary>
internal static class FaultEndpoints
{
    public const string Prefix = "/emulator/faults";

    public static void Map(IEndpointRouteBuilder routes, FaultInjector faults)
    {
        var group = routes.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            IsLoopback(context.HttpContext.Connection.RemoteIpAddress)
                ? await next(context)
                : JsonResponse.Error(StatusCodes.Status403Forbidden, $"fault injection is served to loopback callers only (127.0.0.1, ::1), not to {context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "an unknown address"}"));

        group.MapGet("", () => JsonResponse.Ok(Json(faults.Status)));
        group.MapPost("/drop", () => Answer(faults.Drop()));
        group.MapPost("/freeze", () => Answer(faults.Freeze()));
        group.MapPost("/thaw", () => Answer(faults.Thaw()));
        group.MapPost("/reset", () => Answer(faults.Reset()));
        group.MapPost("/close", (HttpRequest request) =>
        {
            if (!int.TryParse(request.Query["code"], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return Bad("code must be a close code, e.g. close?code=4401&reason=Token%20expired");
            }

            var reason = request.Query["reason"].ToString();
            return FaultInjector.CloseProblem(code, reason) is { } problem ? Bad(problem) : Answer(faults.Close(code, reason));
        });
        group.MapPost("/delay", (HttpRequest request) =>
            long.TryParse(request.Query["ms"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= FaultInjector.MaxDelay.TotalMilliseconds
                ? Answer(faults.Delay(TimeSpan.FromMilliseconds(ms)))
                : Bad($"ms must be milliseconds from 0 (off) to {(long)FaultInjector.MaxDelay.TotalMilliseconds}, e.g. delay?ms=500"));
        group.MapPost("/reorder", (HttpRequest request) => request.Query["on"].ToString() switch
        {
            "true" or "on" => Answer(faults.Reorder(true)),
            "false" or "off" => Answer(faults.Reorder(false)),
            _ => Bad("on must be true or false, e.g. reorder?on=true"),
        });
    }

    /// <summary>Loopback, IPv4-mapped loopback included; an unknown address is not.</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static IResult Bad(string message) => JsonResponse.Error(StatusCodes.Status400BadRequest, message);

    private static IResult Answer(FaultResult result) => JsonResponse.Ok(new JObject
    {
        ["action"] = result.Action,
        ["sockets"] = result.Sockets,
        ["message"] = result.Message,
    });

    private static JObject Json(FaultStatus status) => new()
    {
        ["openSockets"] = status.OpenSockets,
        ["frozenSockets"] = status.FrozenSockets,
        ["delayMs"] = (long)status.Delay.TotalMilliseconds,
        ["reorder"] = status.Reorder,
        ["message"] = status.Message,
    };
}
