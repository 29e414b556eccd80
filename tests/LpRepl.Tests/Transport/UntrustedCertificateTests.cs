using LpRepl.Security;
using LpRepl.Tests.Support;
using LpRepl.Transport;

namespace LpRepl.Tests.Transport;

public sealed class UntrustedCertificateTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public UntrustedCertificateTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_name_cacert_and_k_when_the_servers_certificate_is_not_trusted()
    {
        // Given an emulator whose CA this session does not trust (as after the emulator restarted)
        await using var transport = new WebSocketTransport();
        var url = new Uri($"wss://{_emulator.Server.Authority}/ws_api/account/{EmulatorFixture.Account}/messaging/consumer?v=3");
        var request = new ConnectionRequest(url, [], new TlsTrust(), TimeSpan.Zero);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // When
        var connect = () => transport.ConnectAsync(request, deadline.Token);

        // Then
        var failure = await connect.Should().ThrowAsync<ConnectFailedException>();
        failure.Which.Message.Should().Contain("not trusted").And.Contain("--cacert").And.Contain("-k");
    }
}
