using System.Net;
using System.Net.WebSockets;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>A real emulator on a free loopback port, with clients that trust only its CA.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Account => Server.Options.DefaultAccount;

    protected virtual EmulatorOptions CreateOptions() => new() { AgentDelay = TimeSpan.FromMilliseconds(50) };

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(CreateOptions());
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = EmulatorTrust.Callback(Server.CaCertificate);
        Http = new HttpClient(handler) { BaseAddress = Server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public async Task<string> SignupAsync(string? account = null)
    {
        using var response = await Http.PostAsync($"api/account/{account ?? Account}/signup", content: null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["jwt"]!;
    }

    public Uri ConsumerUri(string? account = null) =>
        new($"wss://{Server.Authority}/ws_api/account/{account ?? Account}/messaging/consumer?v=3");

    /// <summary>A socket that trusts the emulator's CA and reports the HTTP status of a refused upgrade.</summary>
    public ClientWebSocket CreateSocket(string? authorization)
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = EmulatorTrust.Callback(Server.CaCertificate);
        socket.Options.CollectHttpResponseDetails = true;
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        return socket;
    }

    public async Task<ConsumerClient> ConnectAsync(string jwt, string? account = null)
    {
        var socket = CreateSocket("jwt " + jwt);
        await socket.ConnectAsync(ConsumerUri(account), Deadline.After());
        return new ConsumerClient(socket);
    }

    /// <summary>A socket opened with no Authorization header: unauthenticated until InitConnection.</summary>
    public async Task<ConsumerClient> ConnectWithoutHeaderAsync()
    {
        var socket = CreateSocket(authorization: null);
        await socket.ConnectAsync(ConsumerUri(), Deadline.After());
        return new ConsumerClient(socket);
    }

    /// <summary>Signs up a new consumer and connects it: each test gets its own identity.</summary>
    public async Task<ConsumerClient> NewConsumerAsync() => await ConnectAsync(await SignupAsync());
}
