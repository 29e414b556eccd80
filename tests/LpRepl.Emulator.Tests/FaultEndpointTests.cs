using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests;

/// <summary>The fault control endpoint over real HTTPS: JSON answers, clear refusals, loopback callers only.</summary>
public sealed class FaultEndpointTests : IClassFixture<FaultInjectionTests.FaultEmulator>, IDisposable
{
    private readonly FaultInjectionTests.FaultEmulator _emulator;

    public FaultEndpointTests(FaultInjectionTests.FaultEmulator emulator) => _emulator = emulator;

    public void Dispose() => _emulator.Server.Faults.Reset();

    [Fact]
    public async Task Should_drop_and_say_how_many_sockets()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var (status, body) = await _emulator.Http.PostJsonAsync("emulator/faults/drop");

        status.Should().Be(HttpStatusCode.OK);
        body.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"action\":\"drop\",\"sockets\":1,\"message\":\"dropped 1 consumer socket (no close frame)\"}");
        (await client.Closed.WaitAsync(Deadline.After())).Should().BeNull();
    }

    [Fact]
    public async Task Should_close_with_the_code_and_reason_of_the_query()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var (status, body) = await _emulator.Http.PostJsonAsync("emulator/faults/close?code=4407&reason=Identity%20expired");

        status.Should().Be(HttpStatusCode.OK);
        ((int)body["sockets"]!).Should().Be(1);
        (await client.Closed.WaitAsync(Deadline.After())).Should().Be((WebSocketCloseStatus)4407);
        client.CloseDescription.Should().Be("Identity expired");
    }

    [Fact]
    public async Task Should_freeze_delay_reorder_and_report_them_then_reset()
    {
        await using var client = await _emulator.NewConsumerAsync();

        ((int)(await _emulator.Http.PostJsonAsync("emulator/faults/freeze")).Body["sockets"]!).Should().Be(1);
        (await _emulator.Http.PostJsonAsync("emulator/faults/delay?ms=250")).Status.Should().Be(HttpStatusCode.OK);
        (await _emulator.Http.PostJsonAsync("emulator/faults/reorder?on=true")).Status.Should().Be(HttpStatusCode.OK);
        var (_, state) = await _emulator.Http.SendAsync(HttpMethod.Get, "emulator/faults");
        var (_, reset) = await _emulator.Http.PostJsonAsync("emulator/faults/reset");
        var (_, after) = await _emulator.Http.SendAsync(HttpMethod.Get, "emulator/faults");

        state.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"openSockets\":1,\"frozenSockets\":1,\"delayMs\":250,\"reorder\":true,\"message\":\"1 consumer socket open, 1 frozen; delay 250 ms; reorder on\"}");
        ((string?)reset["message"]).Should().Be("faults off: thawed 1 consumer socket, no delay, no reorder");
        ((string?)after["message"]).Should().Be("1 consumer socket open, 0 frozen; delay 0 ms; reorder off");
        ((int)(await client.RequestAsync("GetClock"))["code"]!).Should().Be(200);
    }

    [Theory]
    [InlineData("close", "code must be a close code, e.g. close?code=4401&reason=Token%20expired")]
    [InlineData("close?code=1006", "close code 1006 cannot be sent: use 1000-1003, 1007-1014 or 3000-4999 (e.g. 4401, 4407, 1011)")]
    [InlineData("delay?ms=-5", "ms must be milliseconds from 0 (off) to 600000, e.g. delay?ms=500")]
    [InlineData("delay?ms=600001", "ms must be milliseconds from 0 (off) to 600000, e.g. delay?ms=500")]
    [InlineData("reorder?on=maybe", "on must be true or false, e.g. reorder?on=true")]
    public async Task Should_refuse_bad_parameters_with_400_saying_what_to_send(string path, string error)
    {
        var (status, body) = await _emulator.Http.PostJsonAsync("emulator/faults/" + path);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Error().Should().Be(error);
    }

    [Fact]
    public void Should_count_only_loopback_addresses_as_loopback()
    {
        Http.FaultEndpoints.IsLoopback(IPAddress.Loopback).Should().BeTrue();
        Http.FaultEndpoints.IsLoopback(IPAddress.IPv6Loopback).Should().BeTrue();
        Http.FaultEndpoints.IsLoopback(IPAddress.Parse("::ffff:127.0.0.1")).Should().BeTrue();
        Http.FaultEndpoints.IsLoopback(IPAddress.Parse("192.0.2.7")).Should().BeFalse();
        Http.FaultEndpoints.IsLoopback(null).Should().BeFalse();
    }

    [Fact]
    public async Task Should_refuse_a_caller_that_is_not_on_loopback_with_403()
    {
        // An emulator on this machine's own network address, called through it: the caller is not loopback.
        var address = MachineAddress.NonLoopbackIPv4() ?? throw new InvalidOperationException("this machine has no IPv4 address but loopback");
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Host = address.ToString(), Agent = AgentMode.Silent });
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = EmulatorTrust.Callback(server.CaCertificate);
        using var http = new HttpClient(handler) { BaseAddress = server.BaseUri };

        var (status, body) = await http.PostJsonAsync("emulator/faults/drop");

        status.Should().Be(HttpStatusCode.Forbidden);
        body.Error().Should().Be($"fault injection is served to loopback callers only (127.0.0.1, ::1), not to {address}");
    }
}
