using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>Like LivePerson's server, the emulator reads RFC 8259 JSON only: what lenient parsers accept is malformed.</summary>
public sealed class StrictJsonFramingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public StrictJsonFramingTests(EmulatorFixture emulator) => _emulator = emulator;

    public static TheoryData<string> NotJson => new()
    {
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",}",
        "{'kind':'req','id':'1','type':'GetClock'}",
        "{kind:\"req\",id:\"1\",type:\"GetClock\"}",
        "{\"kind\":\"req\",/* c */\"id\":\"1\",\"type\":\"GetClock\"}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\"} // c",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":undefined}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":NaN}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":new Date(1)}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":\"a\u0000b\"}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":\"a\u001b[2Jb\"}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":[1,]}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":+1}",
        "{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\",\"x\":0x10}",
        "{\"kind\":\"req\",\"id\":\"1\",\"id\":\"2\",\"type\":\"GetClock\"}",
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task Should_answer_malformed_to_text_that_is_not_strict_json(string frame)
    {
        // Given
        await using var client = await _emulator.NewConsumerAsync();

        // When
        await client.SendAsync(frame);
        var error = await client.NextAsync(f => (string?)f["kind"] == "resp");

        // Then: the same answer as any malformed frame, and no clock reading; the id where it can be read
        ((int)error["code"]!).Should().Be(400);
        if (frame.StartsWith("{\"kind\"", StringComparison.Ordinal))
        {
            ((string?)error["reqId"]).Should().Be("1");
        }
        else
        {
            error["reqId"]!.Type.Should().Be(JTokenType.Null);
        }

        ((string?)error["type"]).Should().Be("StringResponse");
        ((string?)error["body"]).Should().StartWith("Malformed JSON: ");
        var clock = await client.RequestAsync(".GetClock");
        ((int)clock["code"]!).Should().Be(200);
    }
}
