using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Protocol Overview's framing rules (kind, id/reqId, codes, single-element arrays) on the messaging requests.</summary>
public sealed class ProtocolOverviewMessagingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    [Documented("Single Element Arrays", MessagingSources.ProtocolOverview + " §Single Element Arrays")]
    [Documented("ms.PublishEvent/AcceptStatusEvent", MessagingSources.AcceptStatusEvent + " (sequenceList: array)")]
    public async Task Should_take_a_sequenceList_of_one_sent_as_the_element_itself()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(dialogId));

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "AcceptStatusEvent", status = "READ", sequenceList = 0 } });
        var echo = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "AcceptStatusEvent");

        ((int)response["code"]!).Should().Be(200, response["body"]!.ToString());
        // Stored and shown in the one documented form: the array.
        JToken.DeepEquals(FrameMatch.FirstChange(echo)["event"]!["sequenceList"], new JArray(0)).Should().BeTrue();
    }

    [Fact]
    [Documented("req", MessagingSources.Request + " (kind not required)")]
    [Documented("resp", MessagingSources.ProtocolOverview + " §Responses (reqId is the request's id)")]
    public async Task Should_answer_a_request_without_kind_and_echo_its_id_as_reqId()
    {
        await using var client = await emulator.NewConsumerAsync();

        await client.SendAsync("""{"type":".GetClock","id":"hsjshka8162s"}""");
        var response = await client.NextAsync(f => (string?)f["reqId"] == "hsjshka8162s");

        ((string?)response["kind"]).Should().Be("resp");
        ((int)response["code"]!).Should().Be(200);
    }

    [Theory]
    [InlineData("""{"kind":"req","id":"7","type":"ms.PublishEvent","body":{"dialogId":"x",}}""", "7")]
    [InlineData("""{"kind":"req","id":"8","type":"ms.PublishEvent","body":""", "8")]
    [InlineData("""{"kind":"req","id":9,"type":"ms.PublishEvent","body":{"event":NaN}}""", "9")]
    [InlineData("""{"kind":"req","id":"10","type":"GetClock","x":1e400}""", "10")]
    [Documented("resp", MessagingSources.ProtocolOverview + " §Responses (\"The server will reply with the same id … as reqId\")")]
    public async Task Should_carry_the_request_id_in_the_error_for_a_frame_that_is_not_json(string frame, string reqId)
    {
        await using var client = await emulator.NewConsumerAsync();

        await client.SendAsync(frame);
        var error = await client.NextAsync(f => (string?)f["kind"] == "resp");

        ((string?)error["reqId"]).Should().Be(reqId);
        ((int)error["code"]!).Should().Be(400);
        ((string?)error["body"]).Should().StartWith("Malformed JSON: ");
    }

    [Fact]
    [Documented("Message Format", MessagingSources.ProtocolOverview + " §Message Format (JSON: any valid number)")]
    public async Task Should_take_a_valid_number_beyond_decimal_range_and_answer_the_request()
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        await client.SendAsync($$$$"""{"kind":"req","id":"n","type":"ms.PublishEvent","body":{"dialogId":"{{{{dialogId}}}}","event":{"type":"ContentEvent","contentType":"text/plain","message":"big","weight":1e30}}}""");
        var response = await client.NextAsync(f => (string?)f["reqId"] == "n");

        ((int)response["code"]!).Should().Be(200, response["body"]!.ToString());
    }

    [Fact]
    [Documented("resp", MessagingSources.Response + " (kind, reqId, code, type, body required; code per HTTP)")]
    public async Task Should_answer_an_error_with_every_required_response_field()
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId = "no-such-dialog", @event = new { type = "ContentEvent", contentType = "text/plain", message = "hi" } });

        response.Properties().Select(p => p.Name).Should().Equal("kind", "reqId", "code", "body", "type");
        ((int)response["code"]!).Should().Be(404);
        ((string?)response["type"]).Should().Be("ms.PublishEventResponse");
        response["body"]!.Type.Should().Be(JTokenType.String);
    }
}
