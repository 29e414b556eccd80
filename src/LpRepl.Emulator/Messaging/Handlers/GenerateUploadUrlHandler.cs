using System.Globalization;
using LpRepl.Emulator.Files;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.GenerateURLForUploadFile</c>: a fresh file path in the account's image container and a signed PUT.</summary>
internal sealed class GenerateUploadUrlHandler : IRequestHandler
{
    /// <summary>"Each file can be up to 3MB" (the file-sharing tutorial, Step 3), read as 3 MiB.</summary>
    public const long MaxFileSize = 3 * 1024 * 1024;

    private readonly SwiftTempUrl _urls;

    public GenerateUploadUrlHandler(SwiftTempUrl urls) => _urls = urls;

    public IReadOnlyList<string> RequestTypes { get; } = ["ms.GenerateURLForUploadFile"];

    public string ResponseType => ResponseTypes.GenerateUrl;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The protocol model has checked the body: fileType one of the schema's, fileSize a number from 1 to 3 MB or a
        // string of digits, whose size JSON Schema cannot bound: that is done here.
        var body = context.Body!;
        if (body["fileSize"] is JValue { Type: JTokenType.String } text && IsOverMax((string)text!))
        {
            context.Fail(400, $"body.fileSize: {text.ToString(Newtonsoft.Json.Formatting.None)} is above the maximum, {MaxFileSize} (3 MB)");
            return Task.CompletedTask;
        }

        var relativePath = $"{SwiftTempUrl.PathPrefix}{context.Account.AccountId}/{Guid.NewGuid()}.{(string)body["fileType"]!}";
        context.Ok(_urls.Generate("PUT", relativePath));
        return Task.CompletedTask;
    }

    // Digits only (the model's pattern); more than seven of them is over 3 MB whatever they are.
    private static bool IsOverMax(string digits)
    {
        var significant = digits.TrimStart('0');
        return significant.Length > 7 || long.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture) > MaxFileSize;
    }
}
