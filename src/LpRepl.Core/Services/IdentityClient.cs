using Newtonsoft.Json.Linq;

namespace LpRepl.Services;

/// <summary>The consumer identity service (IDP): signup, authenticate, and the anonymous connector flow.</summary>
public sealed class IdentityClient(HttpClient http)
{
    /// <summary>POSTs <c>https://{idp}/api/account/{account}/signup</c> and returns the <c>jwt</c> field.</summary>
    public Task<string> SignupAsync(string idpHost, string account, CancellationToken ct) =>
        PostAsync("signup", idpHost, account, "signup", body: null, "jwt", ct);

    /// <summary>
    /// The authenticated consumer (implicit flow): POSTs <c>{"authCode": external JWT}</c> to
    /// <c>…/authenticate</c> and returns the LP token in <c>jwt</c>.
    /// </summary>
    public Task<string> AuthenticateAsync(string idpHost, string account, string authCode, CancellationToken ct) =>
        PostAsync("authenticate", idpHost, account, "authenticate", new JObject { ["authCode"] = authCode }, "jwt", ct);

    /// <summary>
    /// The anonymous connector flow, step 1: <c>…/anonymous/authorize</c> returns an external token
    /// in <c>token</c>; given the previous one it refreshes it (same identity).
    /// </summary>
    public Task<string> AuthorizeAnonymousAsync(string idpHost, string account, string? previous, CancellationToken ct) =>
        PostAsync("anonymous authorize", idpHost, account, "anonymous/authorize", previous is null ? new JObject() : new JObject { ["id_token"] = previous }, "token", ct);

    /// <summary>Step 2: trades the external token at the connector's <c>app/{id}/authenticate?v=3.0</c> for the LP token (<c>token</c>).</summary>
    public Task<string> AuthenticateAppAsync(string idpHost, string account, string connectorId, string idToken, CancellationToken ct) =>
        PostAsync("connector authenticate", idpHost, account, $"app/{Uri.EscapeDataString(connectorId)}/authenticate?v=3.0", new JObject { ["id_token"] = idToken }, "token", ct);

    private async Task<string> PostAsync(string what, string idpHost, string account, string path, JObject? body, string field, CancellationToken ct)
    {
        var url = new Uri($"https://{idpHost}/api/account/{Uri.EscapeDataString(account)}/{path}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(Newtonsoft.Json.Formatting.None), System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await ServiceCall.SendAsync(http, request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo what we sent: never show a whole token.
            throw new ServiceException($"{what} at {url} answered HTTP {(int)response.StatusCode}: {Security.SecretRedactor.Redact(ServiceCall.Excerpt(text))}");
        }
        var value = ServiceCall.ParseObject(text, url)[field]?.Value<string>();
        return string.IsNullOrEmpty(value)
            ? throw new ServiceException($"{what} at {url} answered without a \"{field}\" field: {Security.SecretRedactor.Redact(ServiceCall.Excerpt(text))}")
            : value;
    }
}
