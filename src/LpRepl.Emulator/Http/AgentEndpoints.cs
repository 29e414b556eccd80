using LpRepl.Emulator.Agent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>
/// The agent's control endpoint (<c>/emulator/agent/…</c>): the <see cref="AgentSeat"/> over HTTPS, so a
/// REPL attached to a standalone emulator (or curl) plays the agent. Loopback callers only, as the faults.
/// </summary>
internal static class AgentEndpoints
{
    public const string Prefix = "/emulator/agent";

    /// <summary>The longest text <c>say</c> takes in its body (the query's is bounded by Kestrel's request line).</summary>
    public const int MaxTextBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder routes, AgentSeat seat)
    {
        var group = routes.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            FaultEndpoints.IsLoopback(context.HttpContext.Connection.RemoteIpAddress)
                ? await next(context)
                : JsonResponse.Error(StatusCodes.Status403Forbidden, $"the agent's seat is served to loopback callers only (127.0.0.1, ::1), not to {context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "an unknown address"}"));

        group.MapGet("", () => JsonResponse.Ok(new JObject
        {
            ["mode"] = AgentModeText.Name(seat.Mode),
            ["conversations"] = new JArray(seat.Conversations().Select(Json)),
        }));
        group.MapPost("/mode", (HttpRequest request) =>
        {
            var text = request.Query["mode"].ToString();
            if (!AgentModeText.TryParse(text, out var mode))
            {
                return Bad(AgentModeText.Problem(text) + ", e.g. mode?mode=manual");
            }

            seat.Mode = mode;
            return JsonResponse.Ok(new JObject { ["ok"] = true, ["mode"] = AgentModeText.Name(mode), ["message"] = AgentModeText.Describe(mode) });
        });
        group.MapPost("/accept", (HttpRequest request) => Act(seat, request, (account, id) => seat.Accept(account, id)));
        group.MapPost("/read", (HttpRequest request) => Act(seat, request, (account, id) => seat.Read(account, id)));
        group.MapPost("/close", (HttpRequest request) => Act(seat, request, (account, id) => seat.Close(account, id)));
        group.MapPost("/typing", (HttpRequest request) => request.Query["on"].ToString() switch
        {
            "" or "true" or "on" => Act(seat, request, (account, id) => seat.Typing(account, id, composing: true)),
            "false" or "off" => Act(seat, request, (account, id) => seat.Typing(account, id, composing: false)),
            _ => Bad("on must be true or false, e.g. typing?on=false"),
        });
        group.MapPost("/say", async (HttpRequest request, CancellationToken ct) =>
        {
            var text = request.Query["text"].ToString();
            if (text.Length == 0)
            {
                // curl --data-binary 'hello there' …/say: the body is the text, as typed.
                var body = await CappedBody.ReadAsync(request.Body, MaxTextBytes, ct);
                if (body is null)
                {
                    return JsonResponse.Error(StatusCodes.Status413PayloadTooLarge, $"say takes at most {MaxTextBytes} bytes of text");
                }

                text = System.Text.Encoding.UTF8.GetString(body);
            }

            return text.Length == 0
                ? Bad("say what? give the text as the body (curl --data-binary 'hello' …/say) or as say?text=hello")
                : Act(seat, request, (account, id) => seat.Say(account, id, text));
        });
    }

    // The conversation of ?conversationId= (its account found, or ?account=), else the newest open one.
    private static IResult Act(AgentSeat seat, HttpRequest request, Func<string, string, AgentActionResult> action)
    {
        var id = request.Query["conversationId"].ToString();
        var account = request.Query["account"].ToString();
        var target = id.Length > 0
            ? seat.Conversations().FirstOrDefault(c => c.Id == id && (account.Length == 0 || c.Account == account))
            : seat.Newest(account.Length == 0 ? null : account);
        if (target is null)
        {
            return JsonResponse.Error(StatusCodes.Status404NotFound, id.Length > 0
                ? $"conversation {id} not found{(account.Length > 0 ? $" in account {account}" : "")}"
                : "no conversation yet: a consumer opens one with cm.ConsumerRequestConversation");
        }

        var result = action(target.Account, target.Id);
        if (!result.Ok)
        {
            return JsonResponse.Error(StatusCodes.Status409Conflict, result.Message);
        }

        var answer = new JObject { ["ok"] = true, ["conversationId"] = target.Id, ["message"] = result.Message };
        if (result.Sequence is { } sequence)
        {
            answer["sequence"] = sequence;
        }

        return JsonResponse.Ok(answer);
    }

    private static IResult Bad(string message) => JsonResponse.Error(StatusCodes.Status400BadRequest, message);

    private static JObject Json(AgentConversation c) => new()
    {
        ["conversationId"] = c.Id,
        ["account"] = c.Account,
        ["consumerId"] = c.ConsumerId,
        ["state"] = c.State,
        ["startTs"] = c.StartTs,
        ["lastFrom"] = c.LastFrom,
        ["lastMessage"] = c.LastMessage,
    };
}
