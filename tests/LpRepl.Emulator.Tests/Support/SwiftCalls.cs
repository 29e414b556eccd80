using System.Net;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>The IMG tutorial's file steps: a temp URL over the socket, then a PUT or GET to https://$LP_SWIFT&lt;relativePath&gt;?…</summary>
public static class SwiftCalls
{
    public static async Task<JObject> UploadUrlAsync(this ConsumerClient client, string fileType = "PNG", long fileSize = 1000)
    {
        var response = await client.RequestAsync("ms.GenerateURLForUploadFile", new { fileSize, fileType });
        ((int)response["code"]!).Should().Be(200);
        return (JObject)response["body"]!;
    }

    public static async Task<JObject> DownloadUrlAsync(this ConsumerClient client, string relativePath)
    {
        var response = await client.RequestAsync("ms.GenerateURLForDownloadFile", new { relativePath });
        ((int)response["code"]!).Should().Be(200);
        return (JObject)response["body"]!;
    }

    /// <summary>The path and query of a generated URL, as the tutorial's curl builds it.</summary>
    public static string PathAndQuery(JObject url, string? signature = null) =>
        $"{url["relativePath"]}?temp_url_sig={signature ?? (string)url["queryParams"]!["temp_url_sig"]!}&temp_url_expires={url["queryParams"]!["temp_url_expires"]}";

    public static async Task<HttpResponseMessage> PutFileAsync(this HttpClient http, string pathAndQuery, byte[] content)
    {
        using var body = new ByteArrayContent(content);
        return await http.PutAsync(pathAndQuery, body);
    }

    public static async Task<(HttpStatusCode Status, string? Error)> StatusAsync(this Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? (string?)JObject.Parse(text)["error"] : null);
    }
}
