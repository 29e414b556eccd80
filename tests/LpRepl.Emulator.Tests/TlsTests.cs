using System.Net.Security;
using System.Net.Sockets;
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

    [Fact]
    public async Task Should_present_an_ecdsa_p256_leaf_that_chains_to_the_published_ca()
    {
        // Given a raw TLS handshake with the emulator, keeping what the server presents
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_emulator.Server.BaseUri.Host, _emulator.Server.BaseUri.Port);
        X509Certificate2? presented = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            presented = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });

        // When
        await tls.AuthenticateAsClientAsync("127.0.0.1");

        // Then: an ECDSA P-256 key (cheap to make at every start), signed by the CA clients are told to trust
        using var leaf = presented ?? throw new InvalidOperationException("the server presented no certificate");
        using var key = leaf.GetECDsaPublicKey();
        key.Should().NotBeNull("the leaf's key is ECDSA, not RSA");
        key!.KeySize.Should().Be(256);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_emulator.Server.CaCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(leaf).Should().BeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }
}
