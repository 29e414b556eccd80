using System.Net.NetworkInformation;
using System.Net.Sockets;
using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// <c>lprepl emulator --host 0.0.0.0</c> (what <c>docker run -p 8443:8443 … emulator --host 0.0.0.0</c>
/// needs) and <c>--advertise</c>, checked with curl trusting only the CA written by --ca-out.
/// </summary>
public sealed class OpenEmulatorTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_serve_every_interface_advertise_loopback_and_warn_on_stderr()
    {
        // Given the emulator on every interface, its CA written where a container would copy it from
        using var home = new TempDir();
        var ca = Path.Combine(home.Path, "emulator-ca.pem");
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--host", "0.0.0.0", "--port", "0", "--ca-out", ca);
        var port = emulator.ListeningPort;

        // Then stderr warns that it is reachable from outside, and stdout keeps only the exports and comments
        await emulator.Stderr.WaitForAsync("REACHABLE FROM OUTSIDE THIS MACHINE", Timeout);
        await emulator.Stderr.WaitForAsync("can sign up, connect and read the conversations", Timeout);
        await emulator.Stderr.WaitForAsync("To keep it local: --host 127.0.0.1", Timeout);
        emulator.Exports["LP_CSDS"].Should().Be($"127.0.0.1:{port}", "0.0.0.0 is no address a client can connect to");
        emulator.Exports["LP_IDP"].Should().Be($"127.0.0.1:{port}");
        emulator.Exports["LP_CACERT"].Should().Be(ca);

        // And the domain API, asked over loopback with curl trusting only that CA, answers 127.0.0.1:PORT for every service
        var domains = await CurlAsync(home, "--cacert", ca, $"https://127.0.0.1:{port}/api/account/12345678/service/baseURI.json?version=1.0");
        JObject.Parse(domains)["baseURIs"]!.Select(e => (string)e["baseURI"]!).Should().OnlyContain(u => u == $"127.0.0.1:{port}").And.HaveCountGreaterThan(5);

        // And signup answers a JWT through a non-loopback address of this machine too
        if (NonLoopbackIPv4() is not { } address)
        {
            log.WriteLine("skipped the non-loopback check: this machine has no non-loopback IPv4 address");
            return;
        }
        log.WriteLine($"non-loopback check through {address}");
        var signup = await CurlAsync(home, "--cacert", ca, "-X", "POST", $"https://{address}:{port}/api/account/12345678/signup");
        ((string)JObject.Parse(signup)["jwt"]!).Split('.').Should().HaveCount(3, "a JWT has three parts");
    }

    [Fact]
    public async Task Should_advertise_another_name_in_the_domain_api_and_the_certificate()
    {
        // Given the emulator on loopback, advertised as a name and port a port mapping would give
        using var home = new TempDir();
        var ca = Path.Combine(home.Path, "emulator-ca.pem");
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--advertise", "emulator.test:9443", "--ca-out", ca);
        var port = emulator.ListeningPort;

        // Then the exports and the domain API name emulator.test:9443
        emulator.Exports["LP_CSDS"].Should().Be("emulator.test:9443");
        emulator.Exports["LP_ASYNCMESSAGINGENT"].Should().Be("emulator.test:9443");
        var idp = await CurlAsync(home, "--cacert", ca, $"https://127.0.0.1:{port}/api/account/12345678/service/idp/baseURI.json?version=1.0");
        ((string)JObject.Parse(idp)["baseURI"]!).Should().Be("emulator.test:9443");

        // And curl, verifying the name against the certificate, accepts emulator.test and refuses a name it does not cover
        var signup = await CurlAsync(home, "--cacert", ca, "--resolve", $"emulator.test:{port}:127.0.0.1", "-X", "POST", $"https://emulator.test:{port}/api/account/12345678/signup");
        ((string)JObject.Parse(signup)["jwt"]!).Split('.').Should().HaveCount(3);
        await using var other = Curl(home, "--cacert", ca, "--resolve", $"other.test:{port}:127.0.0.1", $"https://other.test:{port}/api/account/12345678/service/idp/baseURI.json?version=1.0");
        (await other.WaitForExitAsync(Timeout)).Should().Be(60, "curl's exit code for a certificate that does not name the host; " + other.Transcript());
        emulator.Stderr.Lines.Should().NotContain(l => l.Contains("WARNING", StringComparison.Ordinal), "loopback is not reachable from outside");
    }

    [Fact]
    public async Task Should_refuse_a_host_name_for_host_as_a_usage_error()
    {
        using var home = new TempDir();
        await using var refused = ProcessDriver.StartLpRepl(home, "emulator", "--host", "example.com");
        refused.CloseInput();

        (await refused.WaitForExitAsync(Timeout)).Should().Be(2, refused.Transcript());
        refused.Stderr.ToString().Should().Contain("--host must be an IP address to listen on").And.Contain("not 'example.com'")
            .And.Contain("--host 0.0.0.0 and give --advertise example.com");
        refused.Stdout.Lines.Should().BeEmpty();
    }

    private static ProcessDriver Curl(TempDir home, params string[] args)
    {
        // Straight to the emulator: no proxy of the machine's may stand between.
        var curl = ProcessDriver.Start(Repo.Tool("curl"), ["-sS", "--noproxy", "*", "--max-time", "20", .. args], home.Environment());
        curl.CloseInput();
        return curl;
    }

    private static async Task<string> CurlAsync(TempDir home, params string[] args)
    {
        await using var curl = Curl(home, args);
        (await curl.WaitForExitAsync(Timeout)).Should().Be(0, curl.Transcript());
        return curl.Stdout.ToString();
    }

    private static string? NonLoopbackIPv4() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(u => u.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))?
        .ToString();
}
