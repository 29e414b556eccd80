using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>JSON requests to the emulator's HTTP services, answered as status + parsed body ({} when empty).</summary>
public static class HttpJson
{
    public static async Task<(HttpStatusCode Status, JObject Body)> SendAsync(
        this HttpClient http, HttpMethod method, string path, string? json = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JObject.Parse(text));
    }

    public static Task<(HttpStatusCode Status, JObject Body)> PostJsonAsync(this HttpClient http, string path, object? body = null) =>
        http.SendAsync(HttpMethod.Post, path, body is null ? null : JsonConvert.SerializeObject(body));

    /// <summary>The refusal text of the emulator's JSON error shape.</summary>
    public static string? Error(this JObject body) => (string?)body["error"];
}
