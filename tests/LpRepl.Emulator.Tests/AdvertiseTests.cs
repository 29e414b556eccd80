using System.Net;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>
/// <see cref="EmulatorOptions.Advertise"/>: the host (and port) clients reach the emulator by, when a
/// port mapping or a name stands between them and where it listens.
/// </summary>
public sealed class AdvertiseTests
{
    [Fact]
    public async Task Should_answer_the_advertised_name_and_port_and_hold_the_certificate_for_that_name()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Host = "0.0.0.0", Advertise = "emulator.test:9443" });
        var port = int.Parse(server.LocalAuthority.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        using var http = OnlyCaClient.Create(server, IPAddress.Loopback);

        // The name is checked against the certificate: emulator.test is in it, other.test is not.
        var idp = JObject.Parse(await http.GetStringAsync($"https://emulator.test:{port}/api/account/12345678/service/idp/baseURI.json?version=1.0"));
        var other = () => http.GetStringAsync($"https://other.test:{port}/api/account/12345678/service/idp/baseURI.json?version=1.0");

        server.Authority.Should().Be("emulator.test:9443");
        server.BaseUri.Should().Be(new Uri("https://emulator.test:9443/"));
        server.LocalAuthority.Should().Be($"127.0.0.1:{port}");
        ((string)idp["baseURI"]!).Should().Be("emulator.test:9443");
        server.CertificateNames.Should().Contain(["emulator.test", "127.0.0.1", "::1", "localhost"]);
        await other.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Should_take_an_advertised_ip_address_without_a_port_as_an_ip_name_with_the_listening_port()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Advertise = "[2001:db8::7]" });
        var port = server.BaseUri.Port;

        server.Authority.Should().Be($"[2001:db8::7]:{port}");
        server.CertificateNames.Should().Contain("2001:db8::7").And.NotContain("[2001:db8::7]");
    }

    [Theory]
    [InlineData("0.0.0.0", "is where to listen")]
    [InlineData("emulator.test:0", "no valid port")]
    [InlineData("emulator.test:65536", "no valid port")]
    [InlineData("not a name", "no valid host name")]
    public async Task Should_refuse_an_address_clients_cannot_use(string advertise, string why)
    {
        var start = () => EmulatorServer.StartAsync(new EmulatorOptions { Advertise = advertise });

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(why);
    }
}
