using System.Net;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace LpRepl.Emulator.Tests;

/// <summary>
/// An emulator listening on every interface (0.0.0.0, as in a container) tells clients an address
/// they can connect to, and its certificate holds for this machine's own addresses.
/// </summary>
public sealed class OpenListenTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Should_advertise_loopback_not_the_wildcard_when_listening_on_every_interface()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Host = "0.0.0.0" });
        var port = server.BaseUri.Port;

        server.Authority.Should().Be($"127.0.0.1:{port}", "0.0.0.0 is no address a client can connect to");
        server.BaseUri.Should().Be(new Uri($"https://127.0.0.1:{port}/"));
        using var http = OnlyCaClient.Create(server);
        var domains = JObject.Parse(await http.GetStringAsync($"https://127.0.0.1:{port}/api/account/12345678/service/baseURI.json?version=1.0"));
        domains["baseURIs"]!.Select(e => (string)e["baseURI"]!).Should().OnlyContain(u => u == $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task Should_serve_https_to_a_non_loopback_address_of_this_machine_with_only_the_emulator_ca()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Host = "0.0.0.0" });
        if (MachineAddress.NonLoopbackIPv4() is not { } address)
        {
            log.WriteLine("skipped: this machine has no non-loopback IPv4 address");
            return;
        }

        log.WriteLine($"connecting through {address}");
        using var http = OnlyCaClient.Create(server);
        using var response = await http.PostAsync($"https://{address}:{server.BaseUri.Port}/api/account/12345678/signup", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)JObject.Parse(await response.Content.ReadAsStringAsync())["jwt"]!).Split('.').Should().HaveCount(3);
    }

    [Fact]
    public async Task Should_name_a_specific_listening_address_in_the_certificate_and_the_domain_api()
    {
        if (MachineAddress.NonLoopbackIPv4() is not { } address)
        {
            log.WriteLine("skipped: this machine has no non-loopback IPv4 address");
            return;
        }

        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Host = address.ToString() });
        using var http = OnlyCaClient.Create(server);

        server.Authority.Should().Be($"{address}:{server.BaseUri.Port}");
        var idp = JObject.Parse(await http.GetStringAsync($"https://{server.Authority}/api/account/12345678/service/idp/baseURI.json?version=1.0"));
        ((string)idp["baseURI"]!).Should().Be(server.Authority);
    }
}
