using System.Text.RegularExpressions;
using LpRepl.Emulator.Files;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>ms.GenerateURLForDownloadFile</c>: a signed GET for a file path of the caller's account.</summary>
internal sealed partial class GenerateDownloadUrlHandler : IRequestHandler
{
    private readonly SwiftTempUrl _urls;

    public GenerateDownloadUrlHandler(SwiftTempUrl urls) => _urls = urls;

    public IReadOnlyList<string> RequestTypes { get; } = ["ms.GenerateURLForDownloadFile"];

    public string ResponseType => ResponseTypes.GenerateUrl;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // Any file of the account may be fetched (the agent shares files too), but only inside its container.
        // A bare file name (the tutorial's "1234.JPG") is taken as one in the caller's container.
        var prefix = SwiftTempUrl.PathPrefix + context.Account.AccountId + "/";
        var relativePath = (string)context.Body!["relativePath"]!;
        if (FileName().IsMatch(relativePath))
        {
            relativePath = prefix + relativePath;
        }

        if (!relativePath.StartsWith(prefix, StringComparison.Ordinal)
            || !FileName().IsMatch(relativePath[prefix.Length..]))
        {
            context.Fail(400, "relativePath must be " + SwiftTempUrl.PathPrefix + "<account>/<file>");
            return Task.CompletedTask;
        }

        context.Ok(_urls.Generate("GET", relativePath));
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex FileName();
}
