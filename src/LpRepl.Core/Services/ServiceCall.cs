using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Services;

/// <summary>What the REST clients share: transport errors in plain words, and tolerant JSON parsing.</summary>
internal static class ServiceCall
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ServiceException($"could not reach {request.RequestUri}: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ServiceException($"{request.RequestUri} did not answer in time", e);
        }
    }

    public static JObject ParseObject(string body, Uri url)
    {
        try
        {
            return JObject.Parse(body);
        }
        catch (JsonReaderException e)
        {
            throw new ServiceException($"{url} answered with text that is not a JSON object ({e.Message}): {Excerpt(body)}", e);
        }
    }

    public static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
