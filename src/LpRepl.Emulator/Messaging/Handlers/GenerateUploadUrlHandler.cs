using System.Globalization;
using System.Numerics;
using LpRepl.Emulator.Files;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.GenerateURLForUploadFile</c>: a fresh file path in the account's image container and a signed PUT.</summary>
internal sealed class GenerateUploadUrlHandler : IRequestHandler
{
    /// <summary>"Each file can be up to 3MB" (the file-sharing tutorial, Step 3), read as 3 MiB.</summary>
    public const long MaxFileSize = 3 * 1024 * 1024;

    // ms/GenerateURLForUploadFileBody.json's enum, which the tutorial repeats: "JPG, JPEG, PNG, and GIF".
    private static readonly HashSet<string> FileTypes = new(["JPG", "JPEG", "PNG", "GIF"], StringComparer.Ordinal);

    private readonly SwiftTempUrl _urls;

    public GenerateUploadUrlHandler(SwiftTempUrl urls) => _urls = urls;

    public IReadOnlyList<string> RequestTypes { get; } = ["ms.GenerateURLForUploadFile"];

    public string ResponseType => ResponseTypes.GenerateUrl;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var body = context.Body;
        if (ReadSize(body?["fileSize"]) is not { } size || size <= 0)
        {
            context.Fail(400, "fileSize must be a positive whole number of bytes, a string (\"1024\") or a number");
            return Task.CompletedTask;
        }

        if (size > MaxFileSize)
        {
            context.Fail(400, $"fileSize must be at most 3 MB ({MaxFileSize} bytes)");
            return Task.CompletedTask;
        }

        if (body!["fileType"] is not JValue { Type: JTokenType.String } typeToken || !FileTypes.Contains((string)typeToken!))
        {
            context.Fail(400, "fileType must be one of JPG, JPEG, PNG, GIF");
            return Task.CompletedTask;
        }

        var relativePath = $"{SwiftTempUrl.PathPrefix}{context.Account.AccountId}/{Guid.NewGuid()}.{(string)typeToken!}";
        context.Ok(_urls.Generate("PUT", relativePath));
        return Task.CompletedTask;
    }

    // The schema types fileSize as a string ("1024" in the API reference); the tutorials send a number (1000). Both are read.
    private static BigInteger? ReadSize(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Integer, Value: BigInteger big } => big,
        JValue { Type: JTokenType.Integer } number => (long)number,
        JValue { Type: JTokenType.String } text when ((string)text!).Length is > 0 and <= 30 && ((string)text!).All(char.IsAsciiDigit)
            => BigInteger.Parse((string)text!, NumberStyles.None, CultureInfo.InvariantCulture),
        _ => null,
    };
}
