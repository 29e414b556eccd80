using System.Net.WebSockets;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json;

namespace LpRepl.Emulator.Tests;

/// <summary>The request envelope: bad frames get a 400 and the connection lives on.</summary>
public sealed class FramingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public FramingTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [InlineData("{\"kind\":\"req\",\"type\":\"GetClock\"", "Malformed JSON: ")]
    [InlineData("hello", "Malformed JSON: ")]
    [InlineData("[1,2]", "Malformed JSON: expected a JSON object")]
    [InlineData("{\"kind\":\"req\",\"type\":\"GetClock\"}", "Missing or invalid request id")]
    public async Task Should_answer_400_with_null_reqId_and_keep_the_socket_open(string frame, string bodyStart)
    {
        await using var client = await _emulator.NewConsumerAsync();

        await client.SendAsync(frame);
        var error = await client.NextAsync(f => (string?)f["kind"] == "resp");

        ((int)error["code"]!).Should().Be(400);
        error["reqId"]!.Type.Should().Be(Newtonsoft.Json.Linq.JTokenType.Null);
        ((string?)error["type"]).Should().Be("StringResponse");
        ((string?)error["body"]).Should().StartWith(bodyStart);
        error.Properties().Select(p => p.Name).Should().Equal("kind", "reqId", "code", "body", "type");

        var clock = await client.RequestAsync(".GetClock");
        ((int)clock["code"]!).Should().Be(200);
    }

    [Fact]
    public async Task Should_answer_400_to_an_unknown_type()
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.RequestAsync("cm.DoSomethingElse");

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be("Unknown request type: cm.DoSomethingElse");
        ((string?)response["type"]).Should().Be("StringResponse");
    }

    [Theory]
    [InlineData(".GetClock")]
    [InlineData("GetClock")]
    public async Task Should_echo_a_numeric_id_as_a_string_and_tell_the_time(string type)
    {
        await using var client = await _emulator.NewConsumerAsync();

        await client.SendAsync($"{{\"kind\":\"req\",\"id\":42,\"type\":\"{type}\"}}");
        var clock = await client.NextAsync(f => (string?)f["reqId"] == "42");

        ((string?)clock["type"]).Should().Be(".GetClock$Response");
        ((int)clock["code"]!).Should().Be(200);
        ((long)clock["body"]!["currentTime"]!).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 60_000);
        clock.ToString(Formatting.None).Should().StartWith("{\"kind\":\"resp\",\"reqId\":\"42\",\"code\":200,\"body\":{\"currentTime\":");
    }

    [Fact]
    public async Task Should_close_with_1009_when_a_frame_is_too_big()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var huge = "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";

        try
        {
            await client.SendAsync(huge);
        }
        catch (WebSocketException)
        {
            // The server may close before the whole frame is written; the close status is what matters.
        }

        var status = await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        status.Should().Be(WebSocketCloseStatus.MessageTooBig);
    }

    [Fact]
    public async Task Should_accept_a_frame_just_under_the_limit()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var prefix = "{\"kind\":\"req\",\"id\":\"big\",\"type\":\"GetClock\",\"pad\":\"";
        var frame = prefix + new string('x', (1024 * 1024) - prefix.Length - 2) + "\"}";

        await client.SendAsync(frame);
        var clock = await client.NextAsync(f => (string?)f["reqId"] == "big");

        ((int)clock["code"]!).Should().Be(200);
    }
}
