using System.Buffers;
using System.Globalization;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace LpRepl.Bench.Socket;

/// <summary>
/// The least a .NET client does for the throughput rows: sign up, connect, request a conversation (untimed), then
/// N <c>ms.PublishEvent</c> frames, either each after the previous answer (lockstep) or all sent while one reader
/// takes the answers (pipelined), every answer matched by its <c>reqId</c>. Prints "bench START_NS END_NS" (epoch
/// nanoseconds around the N). Reads LP_IDP, LP_ASYNCMESSAGINGENT, LP_ACCOUNT and LP_CACERT (the emulator's exports).
/// </summary>
public static class PublishLoop
{
    public static async Task<int> RunAsync(bool pipelined, int count)
    {
        var account = Need("LP_ACCOUNT");
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Need("LP_CACERT"));
        bool Trusted(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate is null)
            {
                return false;
            }
            using var own = new X509Chain();
            own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            own.ChainPolicy.CustomTrustStore.Add(ca);
            own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return own.Build(new X509Certificate2(certificate));
        }
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = Trusted } });
        using var signup = await http.PostAsync(new Uri($"https://{Need("LP_IDP")}/api/account/{account}/signup"), null);
        using var token = JsonDocument.Parse(await signup.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = Trusted;
        socket.Options.SetRequestHeader("Authorization", $"jwt {token.RootElement.GetProperty("jwt").GetString()}");
        await socket.ConnectAsync(new Uri($"wss://{Need("LP_ASYNCMESSAGINGENT")}/ws_api/account/{account}/messaging/consumer?v=3"), default);
        var inbox = new ArrayBufferWriter<byte>(64 * 1024);
        await SendAsync(socket, """{"kind":"req","id":"c","type":"cm.ConsumerRequestConversation","body":{}}""");
        string? conversationId = null;
        while (conversationId is null)
        {
            using var frame = await ReceiveAsync(socket, inbox);
            if (frame.RootElement.TryGetProperty("reqId", out var id) && id.GetString() == "c")
            {
                conversationId = frame.RootElement.GetProperty("body").GetProperty("conversationId").GetString();
            }
        }
        string Publish(int i) =>
            "{\"kind\":\"req\",\"id\":\"" + i + "\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"" + conversationId
            + "\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"m" + i + "\"}}}";
        var start = DateTime.UtcNow;
        var refused = 0;
        if (pipelined)
        {
            var reader = Task.Run(async () =>
            {
                var answered = new HashSet<string>();
                var bad = 0;
                while (answered.Count < count)
                {
                    using var frame = await ReceiveAsync(socket, inbox);
                    if (frame.RootElement.TryGetProperty("reqId", out var id) && answered.Add(id.GetString()!) && Code(frame) != 200)
                    {
                        bad++;
                    }
                }
                return bad;
            });
            for (var i = 1; i <= count; i++)
            {
                await SendAsync(socket, Publish(i));
            }
            refused = await reader;
        }
        else
        {
            for (var i = 1; i <= count; i++)
            {
                var expected = i.ToString(CultureInfo.InvariantCulture);
                await SendAsync(socket, Publish(i));
                while (true)
                {
                    using var frame = await ReceiveAsync(socket, inbox);
                    if (frame.RootElement.TryGetProperty("reqId", out var id) && id.GetString() == expected)
                    {
                        refused += Code(frame) == 200 ? 0 : 1;
                        break;
                    }
                }
            }
        }
        var end = DateTime.UtcNow;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", default);
        if (refused > 0)
        {
            Console.Error.WriteLine($"{refused} of {count} publishes were refused");
            return 1;
        }
        Console.WriteLine($"bench {EpochNs(start)} {EpochNs(end)}");
        return 0;
    }

    private static string Need(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run with the emulator's exports");

    private static long EpochNs(DateTime time) => (time - DateTime.UnixEpoch).Ticks * 100;

    private static int Code(JsonDocument frame) => frame.RootElement.TryGetProperty("code", out var code) ? code.GetInt32() : 0;

    private static Task SendAsync(ClientWebSocket socket, string frame) =>
        socket.SendAsync(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(frame)), WebSocketMessageType.Text, true, default).AsTask();

    // One whole message (it may come in several reads), parsed.
    private static async Task<JsonDocument> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> inbox)
    {
        inbox.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(inbox.GetMemory(16 * 1024), default);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"the server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }
            inbox.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(inbox.WrittenMemory);
            }
        }
    }
}
