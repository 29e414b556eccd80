using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

public sealed class TlsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TlsTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_fail_the_handshake_for_a_client_that_does_not_trust_the_emulator_ca()
    {
        using var client = new HttpClient { BaseAddress = _emulator.Server.BaseUri };

        var act = () => client.GetAsync($"api/account/{_emulator.Account}/service/baseURI.json");

        (await act.Should().ThrowAsync<HttpRequestException>()).WithInnerException<AuthenticationException>();
    }

    [Fact]
    public async Task Should_succeed_for_a_client_that_trusts_only_the_emulator_ca()
    {
        using var response = await _emulator.Http.GetAsync($"api/account/{_emulator.Account}/service/baseURI.json");

        response.IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public void Should_publish_the_ca_as_pem()
    {
        var server = _emulator.Server;

        using var fromPem = X509Certificate2.CreateFromPem(server.CaCertificatePem);

        fromPem.Thumbprint.Should().Be(server.CaCertificate.Thumbprint);
        server.CaCertificate.HasPrivateKey.Should().BeFalse();
        server.CaCertificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeTrue();
        server.BaseUri.Should().Be(new Uri($"https://{server.Authority}/"));
    }
}
