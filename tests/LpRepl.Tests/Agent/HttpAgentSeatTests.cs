using LpRepl.Agent;
using LpRepl.Commands;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Tests.Support;
using LpRepl.Transport;

namespace LpRepl.Tests.Agent;

/// <summary>
/// A session attached to a standalone emulator (no embedded one) plays its agent through the loopback
/// control endpoint, and a session pointed anywhere else is told why it cannot, without a request.
/// </summary>
public sealed class HttpAgentSeatTests(ManualAgentEmulatorFixture emulator) : IClassFixture<ManualAgentEmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private async Task<(CollectingOutput Output, int Code, ReplSession Session)> RunAsync(string messagingHost, params string[] lines)
    {
        var trust = new TlsTrust();
        trust.AddRoot(emulator.Server.CaCertificate);
        var variables = new SessionVariables();
        variables.Set("LP_ACCOUNT", EmulatorFixture.Account);
        variables.Set("LP_IDP", emulator.Server.Authority);
        variables.Set("LP_ASYNCMESSAGINGENT", messagingHost);
        var output = new CollectingOutput();
        var http = HttpClientFactory.Create(trust);
        var services = new ReplServices(variables, new WebSocketTransport(), output, trust, http, Serilog.Core.Logger.None)
        {
            Templates = Templating.TemplateFixture.LoadBuiltIns(),
            Agent = new HttpAgentSeat(http, () => variables["LP_ASYNCMESSAGINGENT"]),
        };
        var session = new ReplSession(services, CommandRegistry.CreateDefault());
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code, session);
    }

    [Fact]
    public async Task Should_accept_say_read_and_close_through_the_endpoint()
    {
        var (output, code, session) = await RunAsync(
            emulator.Server.Authority,
            "signup", "connect", "request-conversation", "subscribe-messages",
            "agent mode",
            "agent accept",
            "agent say hello through the endpoint",
            "wait ms.MessagingEventNotification .body.changes[0].event.message=\"hello through the endpoint\"",
            "publish text=\"thanks\"",
            "agent read",
            "status",
            "agent close");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        var id = session.Variables["conversationId"];
        output.Entries.Where(e => e.Kind == "info" && e.Text.StartsWith("as the agent: ")).Select(e => e.Text).Should().Equal(
            $"as the agent: accepted conversation {id}",
            "as the agent: said \"hello through the endpoint\" (sequence 0)",
            "as the agent: read the consumer's messages 1 (sequence 3)",
            $"as the agent: closed conversation {id}");
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == "manual");
        output.Entries.Should().Contain(e => e.Kind == "data" && e.Text == $"target: the emulator at {emulator.Server.Authority} (agent through https://{emulator.Server.Authority}/emulator/agent)");
    }

    [Fact]
    public async Task Should_act_on_the_accounts_newest_conversation_when_the_session_has_none()
    {
        var (consumer, _, consumerSession) = await RunAsync(emulator.Server.Authority, "signup", "connect", "request-conversation", "subscribe-messages");
        await using var _c = consumerSession;
        consumer.Errors.Should().BeEmpty();

        var (output, code, session) = await RunAsync(emulator.Server.Authority, "agent accept", "agent close");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text == $"as the agent: accepted conversation {consumerSession.Variables["conversationId"]}");
    }

    [Fact]
    public async Task Should_never_ask_a_host_that_is_not_on_loopback()
    {
        // A name that resolves nowhere: had the seat asked it, the error would say it could not connect.
        var (output, code, session) = await RunAsync("va.idp.liveperson.invalid", "agent say hi", "status");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().EndWith(
            "agent: agent needs the emulator: this session talks to va.idp.liveperson.invalid, where the agent works in LiveEngage (Conversational Cloud); an emulator's agent is played here with no account (the embedded one), or with the exports of lprepl emulator on this machine");
    }

    [Fact]
    public async Task Should_say_when_nothing_on_loopback_answers_as_an_emulator()
    {
        // A loopback port with nobody listening (bound, then let go).
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (output, code, session) = await RunAsync($"127.0.0.1:{port}", "agent accept");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain($"agent: agent needs the emulator: https://127.0.0.1:{port}/emulator/agent did not answer as an emulator's agent seat (")
            .And.EndWith("); is lprepl emulator running there?");
    }

    [Fact]
    public async Task Should_say_to_play_an_emulator_in_a_container_from_inside_when_it_refuses_this_caller()
    {
        // A TLS server of the test's own on loopback that answers as a containerised emulator answers the host through docker run -p.
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var tls = new System.Net.Security.SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(certificate);
            var buffer = new byte[8192];
            var head = "";
            while (!head.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await tls.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }
                head += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
            }
            var body = System.Text.Encoding.UTF8.GetBytes("{\"error\":\"the agent's seat is served to loopback callers only (127.0.0.1, ::1), not to 172.17.0.1\"}");
            await tls.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n").Concat(body).ToArray());
        });
        try
        {
            using var http = HttpClientFactory.Create(new TlsTrust { Insecure = true });
            var seat = new HttpAgentSeat(http, () => $"127.0.0.1:{port}");

            var outcome = await seat.AcceptAsync(EmulatorFixture.Account, null, CancellationToken.None).WaitAsync(Timeout);

            outcome.Should().Be(new AgentOutcome(false,
                $"agent needs the emulator: https://127.0.0.1:{port}/emulator/agent serves loopback callers only and refused this one (the agent's seat is served to loopback callers only (127.0.0.1, ::1), not to 172.17.0.1); an emulator in a container is played from inside it (docker run -it … emulator: its console; or docker exec … curl)"));
            await serving.WaitAsync(Timeout);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Should_refuse_a_bad_mode_before_asking()
    {
        var (output, code, session) = await RunAsync(emulator.Server.Authority, "agent mode robot");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("mode must be auto, manual or silent (not 'robot')");
    }
}
