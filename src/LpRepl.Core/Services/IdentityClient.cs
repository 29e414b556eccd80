using Newtonsoft.Json.Linq;

namespace LpRepl.Services;

/// <summary>The consumer identity service (IDP): unauthenticated signup, as in the tutorial's Step 2.</summary>
public sealed class IdentityClient(HttpClient http)
{
    /// <summary>POSTs <c>https://{idp}/api/account/{account}/signup</c> and returns the <c>jwt</c> field.</summary>
    public async Task<string> SignupAsync(string idpHost, string account, CancellationToken ct)
    {
        var url = new Uri($"https://{idpHost}/api/account/{Uri.EscapeDataString(account)}/signup");
        using var response = await ServiceCall.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, url), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceException($"signup at {url} answered HTTP {(int)response.StatusCode}: {ServiceCall.Excerpt(body)}");
        }
        var jwt = ServiceCall.ParseObject(body, url)["jwt"]?.Value<string>();
        return string.IsNullOrEmpty(jwt)
            ? throw new ServiceException($"signup at {url} answered without a \"jwt\" field: {ServiceCall.Excerpt(body)}")
            : jwt;
    }
}
