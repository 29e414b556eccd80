namespace LpRepl.Transport;

/// <summary>
/// Keeps the first bytes of the body of an upgrade the server refused (an HTTP 401 with its reason),
/// which <see cref="System.Net.WebSockets.ClientWebSocket"/> drops unread, so the error can quote it.
/// </summary>
internal sealed class RefusalBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>No more of a refusal's body is read: the error shows a line of it.</summary>
    public const int MaxBodyBytes = 4096;

    private static readonly TimeSpan BodyWait = TimeSpan.FromSeconds(2);

    /// <summary>The refused upgrade's body (up to <see cref="MaxBodyBytes"/>), or null.</summary>
    public string? Body { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 600)
        {
            Body = await ReadClippedAsync(response.Content, cancellationToken);
        }
        return response;
    }

    // A server that sends a head and then trickles (or never ends) its body must not hold the connect: bounded in bytes and time.
    private static async Task<string?> ReadClippedAsync(HttpContent content, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(BodyWait);
        var buffer = new byte[MaxBodyBytes];
        var read = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(wait.Token);
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), wait.Token)) > 0)
            {
                read += n;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // What arrived is enough to quote.
        }
        return read == 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
