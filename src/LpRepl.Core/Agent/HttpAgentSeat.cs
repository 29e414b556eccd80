using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Agent;

/// <summary>
/// The agent's seat of a standalone emulator (<c>lprepl emulator</c>) on this machine, reached over its
/// loopback control endpoint <c>https://HOST/emulator/agent</c>, HOST being the session's messaging
/// host. Only a loopback host is ever asked, and asked first whether it is an emulator at all: a
/// session pointed at LivePerson is told so without a request leaving the machine.
/// </summary>
public sealed class HttpAgentSeat(HttpClient http, Func<string?> messagingHost) : IAgentSeat
{
    /// <summary>How long one request to the endpoint may take: it is on this machine.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private const string Needs = "agent needs the emulator: ";

    private string? _emulator;

    public string? Target => _emulator is { } host ? $"the emulator at {host} (agent through https://{host}/emulator/agent)" : null;

    public async Task<AgentOutcome> ModeAsync(CancellationToken ct)
    {
        var (endpoint, problem) = await EndpointAsync(ct);
        if (endpoint is null)
        {
            return problem!;
        }
        var answer = await SendAsync(HttpMethod.Get, endpoint, null, ct);
        return answer.Ok ? new AgentOutcome(true, (string?)answer.Body!["mode"] ?? "?") : new AgentOutcome(false, answer.Error!);
    }

    public Task<AgentOutcome> SetModeAsync(string mode, CancellationToken ct) =>
        AgentOutcome.Modes.Contains(mode.ToLowerInvariant())
            ? PostAsync($"mode?mode={Uri.EscapeDataString(mode.ToLowerInvariant())}", null, newestWanted: false, ct)
            : Task.FromResult(AgentOutcome.BadMode(mode));

    public Task<AgentOutcome> AcceptAsync(string account, string? conversationId, CancellationToken ct) => ActAsync("accept", account, conversationId, ct);

    public Task<AgentOutcome> SayAsync(string account, string? conversationId, string text, CancellationToken ct) => ActAsync("say", account, conversationId, ct, text);

    public Task<AgentOutcome> TypingAsync(string account, string? conversationId, bool composing, CancellationToken ct) =>
        ActAsync("typing", account, conversationId, ct, query: composing ? "&on=true" : "&on=false");

    public Task<AgentOutcome> ReadAsync(string account, string? conversationId, CancellationToken ct) => ActAsync("read", account, conversationId, ct);

    public Task<AgentOutcome> CloseAsync(string account, string? conversationId, CancellationToken ct) => ActAsync("close", account, conversationId, ct);

    // An action on the named conversation, or (none named) on the account's newest open one.
    private Task<AgentOutcome> ActAsync(string action, string account, string? conversationId, CancellationToken ct, string? text = null, string query = "") =>
        PostAsync($"{action}?account={Uri.EscapeDataString(account)}"
            + (conversationId is null ? "" : $"&conversationId={Uri.EscapeDataString(conversationId)}") + query,
            text, newestWanted: conversationId is null, ct);

    private async Task<AgentOutcome> PostAsync(string action, string? text, bool newestWanted, CancellationToken ct)
    {
        var (endpoint, problem) = await EndpointAsync(ct);
        if (endpoint is null)
        {
            return problem!;
        }
        var answer = await SendAsync(HttpMethod.Post, new Uri(endpoint + "/" + action), text, ct);
        if (!answer.Ok)
        {
            // No conversation named and none found: the REPL's words for it.
            return answer.Status == HttpStatusCode.NotFound && newestWanted ? AgentOutcome.NoConversation : new AgentOutcome(false, answer.Error!);
        }
        return new AgentOutcome(true, (string?)answer.Body!["message"] ?? "done", (int?)answer.Body["sequence"]);
    }

    // The endpoint of the session's messaging host, once it answered as an emulator; else why not.
    private async Task<(Uri? Endpoint, AgentOutcome? Problem)> EndpointAsync(CancellationToken ct)
    {
        var host = messagingHost();
        if (string.IsNullOrEmpty(host))
        {
            return (null, new AgentOutcome(false, Needs + "LP_ASYNCMESSAGINGENT is not set; start lprepl with no account for the embedded one, or load a standalone one's exports (lprepl emulator)"));
        }
        if (!Uri.TryCreate($"https://{host}/emulator/agent", UriKind.Absolute, out var endpoint) || endpoint.AbsolutePath != "/emulator/agent" || endpoint.Query.Length > 0)
        {
            return (null, new AgentOutcome(false, Needs + $"LP_ASYNCMESSAGINGENT is not a HOST[:PORT] ('{host}')"));
        }
        if (!endpoint.IsLoopback)
        {
            return (null, new AgentOutcome(false, Needs + $"this session talks to {host}, where the agent works in LiveEngage (Conversational Cloud); an emulator's agent is played here with no account (the embedded one), or with the exports of lprepl emulator on this machine"));
        }
        if (_emulator == host)
        {
            return (endpoint, null);
        }
        var answer = await SendAsync(HttpMethod.Get, endpoint, null, ct);
        if (answer.Status == HttpStatusCode.Forbidden)
        {
            // An emulator in a container, reached through docker run -p: the request does not come from its loopback.
            return (null, new AgentOutcome(false, Needs + $"{endpoint} serves loopback callers only and refused this one ({answer.Error}); an emulator in a container is played from inside it (docker run -it … emulator: its console; or docker exec … curl)"));
        }
        if (!answer.Ok || answer.Body!["mode"] is not JValue)
        {
            return (null, new AgentOutcome(false, Needs + $"{endpoint} did not answer as an emulator's agent seat ({answer.Error ?? "no mode in its answer"}); is lprepl emulator running there?"));
        }
        _emulator = host;
        return (endpoint, null);
    }

    // The status and JSON body, or why there is none: the emulator's error text, the status, or the failure to connect.
    private async Task<Answer> SendAsync(HttpMethod method, Uri uri, string? text, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, uri);
        if (text is not null)
        {
            request.Content = new StringContent(text, Encoding.UTF8, "text/plain");
        }
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            return response.IsSuccessStatusCode && body is not null
                ? new Answer(response.StatusCode, body, null)
                : new Answer(response.StatusCode, null, (string?)body?["error"] ?? $"{(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Answer(null, null, $"no answer within {RequestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, null, e.Message);
        }
    }

    private static JObject? Parse(string text)
    {
        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private sealed record Answer(HttpStatusCode? Status, JObject? Body, string? Error)
    {
        public bool Ok => Body is not null;
    }
}
