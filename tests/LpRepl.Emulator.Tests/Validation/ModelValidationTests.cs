using LpRepl.Emulator.Tests.Support;
using LpRepl.Protocol;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Validation;

/// <summary>
/// The emulator's request validation is the protocol model's: each frame of one table gets the
/// model's verdict from a real emulator over its socket (a 400 naming the path, the request id
/// kept, the handler's response type), and the model itself gives the same verdict.
/// </summary>
public sealed class ModelValidationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string?> Frames()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (frame, path) in ModelValidationFrames.All)
        {
            data.Add(frame, path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task Should_refuse_over_the_socket_what_the_model_refuses_naming_the_path(string frame, string? path)
    {
        await using var client = await emulator.NewConsumerAsync();
        // A conversation opened on another connection would be refused as someone else's: this one is the sender's own.
        var dialogId = frame.Contains("cm.ConsumerRequestConversation", StringComparison.Ordinal) ? "" : await client.OpenConversationAsync();
        var request = JObject.Parse(frame);
        var reqId = Convert.ToString(((JValue)request["id"]!).Value, System.Globalization.CultureInfo.InvariantCulture);

        await client.SendAsync(frame.Replace("__DIALOG__", dialogId, StringComparison.Ordinal));
        var response = await client.NextAsync(f => (string?)f["kind"] == "resp" && (string?)f["reqId"] == reqId);

        if (path is null)
        {
            ((int)response["code"]!).Should().Be(200, response["body"]!.ToString());
            return;
        }
        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().StartWith(path + ": ");
        ((string?)response["type"]).Should().Be(ResponseTypeOf((string)request["type"]!));
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Should_give_the_verdict_the_emulator_gives(string frame, string? path)
    {
        var findings = ProtocolModel.Default.Check(JObject.Parse(frame)).Where(f => f.Refuses).ToList();

        findings.Select(f => f.Path).FirstOrDefault().Should().Be(path, string.Join("; ", findings));
    }

    [Fact]
    public void Should_hold_every_request_type_the_emulator_serves()
    {
        var served = Handlers().SelectMany(h => h.RequestTypes);

        served.Should().BeEquivalentTo(ProtocolModel.Default.RequestTypes, "a type the model did not know would go unchecked");
    }

    private static string ResponseTypeOf(string requestType) =>
        Handlers().Single(h => h.RequestTypes.Contains(requestType)).ResponseType;

    private static Messaging.IRequestHandler[] Handlers() =>
        Messaging.Handlers.ConsumerHandlers.Create(TimeProvider.System, null!, null!, null!);
}
