using LpRepl.App;
using LpRepl.App.Startup;

namespace LpRepl.Tests.Startup;

/// <summary><c>lprepl emulator --host</c>, <c>--advertise</c> and <c>--port</c> as the command line reads them.</summary>
public sealed class EmulatorListenOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("192.0.2.10", "192.0.2.10")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("[::1]", "::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("LOCALHOST", "127.0.0.1")]
    public void Should_take_an_ip_address_or_localhost_for_host(string given, string host)
    {
        Read("--host", given, out var listen).Should().BeNull();

        listen.Host.Should().Be(host);
    }

    [Fact]
    public void Should_listen_on_ipv4_loopback_by_default_with_nothing_advertised()
    {
        Read(out var listen).Should().BeNull();

        listen.Should().Be(new EmulatorListen("127.0.0.1", 0, null));
    }

    [Theory]
    [InlineData("example.com", "not 'example.com'; to be reached by the name example.com, listen with --host 0.0.0.0 and give --advertise example.com")]
    [InlineData("8443", "not '8443'")]
    [InlineData("1.2.3", "not '1.2.3'")]
    [InlineData("256.1.1.1", "not '256.1.1.1'")]
    [InlineData("", "not ''")]
    [InlineData("0.0.0.0:8443", "not '0.0.0.0:8443'")]
    public void Should_refuse_anything_else_for_host_saying_what_was_given_and_what_to_give(string given, string says)
    {
        var error = Read("--host", given, out _);

        error.Should().StartWith("--host must be an IP address to listen on (127.0.0.1, ::1, or 0.0.0.0 / :: for every interface) or localhost").And.Contain(says);
    }

    [Theory]
    [InlineData("emulator.test")]
    [InlineData("emulator.test:9443")]
    [InlineData("192.0.2.10:1")]
    [InlineData("[2001:db8::1]:65535")]
    [InlineData("2001:db8::1")]
    [InlineData("host-1.lan")]
    public void Should_take_a_host_name_or_ip_with_an_optional_port_for_advertise(string given)
    {
        Read("--advertise", given, out var listen).Should().BeNull();

        listen.Advertise.Should().Be(given);
    }

    [Theory]
    [InlineData("emulator.test:0", "'emulator.test:0' has no valid port ('0')")]
    [InlineData("emulator.test:65536", "no valid port ('65536')")]
    [InlineData("emulator.test:", "no valid port ('')")]
    [InlineData("emulator.test:https", "no valid port ('https')")]
    [InlineData("0.0.0.0", "0.0.0.0 is where to listen (--host), not an address clients can connect to")]
    [InlineData("[::]:8443", ":: is where to listen (--host)")]
    [InlineData("bad name", "'bad name' has no valid host name or IP address")]
    [InlineData("1.2.3", "'1.2.3' has no valid host name or IP address")]
    [InlineData("[emulator.test]:8443", "'emulator.test' in brackets is not an IPv6 address")]
    [InlineData("[::1", "'[::1' is not HOST or HOST:PORT")]
    public void Should_refuse_an_advertised_address_clients_cannot_use(string given, string says)
    {
        var error = Read("--advertise", given, out _);

        error.Should().StartWith("--advertise: ").And.Contain(says).And.EndWith("a port 1-65535 (IPv6 in brackets: [2001:db8::1]:8443)");
    }

    [Fact]
    public void Should_refuse_a_port_past_65535()
    {
        new CommandLine(null).Root.Parse(["emulator", "--port", "65536"]).Errors.Select(e => e.Message)
            .Should().Contain("--port must be a whole number, 0 to 65535 (not '65536')");
    }

    private static string? Read(out EmulatorListen listen) => Read([], out listen);

    private static string? Read(string option, string value, out EmulatorListen listen) => Read([option, value], out listen);

    private static string? Read(string[] args, out EmulatorListen listen)
    {
        var commandLine = new CommandLine(null);
        return commandLine.ListenError(commandLine.Root.Parse(["emulator", .. args]), out listen);
    }
}
