using Newtonsoft.Json.Linq;

namespace LpRepl.Services;

/// <summary>
/// The CSDS domain API: every service of an account with its host, turned into the
/// <c>LP_&lt;SERVICE&gt;</c> variables lp-shell users know (protocol.md §1–§2).
/// </summary>
public sealed class DomainResolver(HttpClient http)
{
    public const string DefaultCsdsHost = "adminlogin.liveperson.net";

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ResolveAsync(string csdsHost, string account, CancellationToken ct)
    {
        var url = new Uri($"https://{csdsHost}/api/account/{Uri.EscapeDataString(account)}/service/baseURI.json?version=1.0");
        using var response = await ServiceCall.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, url), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceException($"the domain API at {url} answered HTTP {(int)response.StatusCode}: {ServiceCall.Excerpt(body)}");
        }
        if (ServiceCall.ParseObject(body, url)["baseURIs"] is not JArray list)
        {
            throw new ServiceException($"the domain API at {url} answered without a baseURIs list");
        }
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var entry in list.OfType<JObject>())
        {
            var service = entry["service"]?.Value<string>();
            var host = entry["baseURI"]?.Value<string>();
            if (!string.IsNullOrEmpty(service) && !string.IsNullOrEmpty(host))
            {
                variables.Add(new(VariableFor(service), host));
            }
        }
        return variables;
    }

    /// <summary><c>asyncMessagingEnt</c> → <c>LP_ASYNCMESSAGINGENT</c>: the rule lp-shell follows.</summary>
    public static string VariableFor(string service) => "LP_" + service.ToUpperInvariant();
}
