using System.Security.Cryptography;
using LpRepl.Emulator.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Http;

/// <summary>A Swift stand-in for shared files: PUT and GET on the temp URLs that ms.GenerateURLFor*File hand out.</summary>
internal static class SwiftEndpoints
{
    private const string Pattern = SwiftTempUrl.PathPrefix + "{account}/{file}";

    public static void Map(IEndpointRouteBuilder routes, SwiftTempUrl urls, FileStore files, ILogger logger)
    {
        routes.MapPut(Pattern, async (HttpContext http, string account, string file) =>
        {
            var relativePath = SwiftTempUrl.PathPrefix + account + "/" + file;
            // The signature is checked before a byte is read, so unsigned uploads cost nothing.
            if (Refusal(http, urls, "PUT", relativePath) is { } refused)
            {
                return refused;
            }

            var content = http.Request.ContentLength > FileStore.MaxBytes
                ? null
                : await CappedBody.ReadAsync(http.Request.Body, FileStore.MaxBytes, http.RequestAborted);
            if (content is null)
            {
                return JsonResponse.Error(StatusCodes.Status413PayloadTooLarge, "File is larger than 25 MiB");
            }

            files.Put(relativePath, content);
            logger.LogInformation("Stored {Bytes} bytes at {RelativePath}", content.Length, relativePath);
            // Swift answers an upload with the MD5 of the object as its ETag.
            http.Response.Headers.ETag = "\"" + Convert.ToHexStringLower(MD5.HashData(content)) + "\"";
            return Results.StatusCode(StatusCodes.Status201Created);
        });

        routes.MapGet(Pattern, (HttpContext http, string account, string file) =>
        {
            var relativePath = SwiftTempUrl.PathPrefix + account + "/" + file;
            if (Refusal(http, urls, "GET", relativePath) is { } refused)
            {
                return refused;
            }

            return files.Get(relativePath) is { } content
                ? Results.Bytes(content, FileContentType.For(file))
                : JsonResponse.Error(StatusCodes.Status404NotFound, "File not found");
        });
    }

    // Swift says "Temp URL invalid" for any bad signature, and the emulator tells expiry apart.
    private static IResult? Refusal(HttpContext http, SwiftTempUrl urls, string method, string relativePath) =>
        urls.Verify(method, relativePath, Single(http, "temp_url_sig"), Single(http, "temp_url_expires")) switch
        {
            SwiftUrlCheck.Valid => null,
            SwiftUrlCheck.Expired => JsonResponse.Error(StatusCodes.Status401Unauthorized, "Temp URL expired"),
            _ => JsonResponse.Error(StatusCodes.Status401Unauthorized, "Temp URL invalid"),
        };

    private static string? Single(HttpContext http, string name) =>
        http.Request.Query[name] is { Count: 1 } values ? values[0] : null;
}
