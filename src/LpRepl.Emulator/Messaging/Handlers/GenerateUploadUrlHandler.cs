using LpRepl.Emulator.Files;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.GenerateURLForUploadFile</c>: a fresh file path in the account's image container and a signed PUT.</summary>
internal sealed class GenerateUploadUrlHandler : IRequestHandler
{
    // The fileType values of a hosted/file event.
    private static readonly HashSet<string> FileTypes = new(["IMG", "JPG", "PNG", "GIF", "TXT", "PDF"], StringComparer.OrdinalIgnoreCase);

    private readonly SwiftTempUrl _urls;

    public GenerateUploadUrlHandler(SwiftTempUrl urls) => _urls = urls;

    public IReadOnlyList<string> RequestTypes { get; } = ["ms.GenerateURLForUploadFile"];

    public string ResponseType => ResponseTypes.GenerateUrl;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var body = context.Body;
        if (body?["fileSize"] is not { Type: JTokenType.Integer } size || (long)size <= 0)
        {
            context.Fail(400, "fileSize must be a positive integer");
            return Task.CompletedTask;
        }

        if (body["fileType"] is not JValue { Type: JTokenType.String } typeToken || !FileTypes.Contains((string)typeToken!))
        {
            context.Fail(400, "fileType must be one of IMG, JPG, PNG, GIF, TXT, PDF");
            return Task.CompletedTask;
        }

        var relativePath = $"{SwiftTempUrl.PathPrefix}{context.Account.AccountId}/{Guid.NewGuid()}.{((string)typeToken!).ToUpperInvariant()}";
        context.Ok(_urls.Generate("PUT", relativePath));
        return Task.CompletedTask;
    }
}
