using LpRepl.Emulator.Tests.Support;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

public sealed class ExConversationSubscriptionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ExConversationSubscriptionTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_never_show_one_consumer_the_conversations_of_another()
    {
        await using var alice = await _emulator.NewConsumerAsync();
        await using var bob = await _emulator.NewConsumerAsync();
        await bob.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        await bob.NextAsync(IsNotification);
        await alice.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));

        var aliceConversation = await alice.OpenConversationAsync();
        await alice.RequestAsync("cm.UpdateConversationField", Requests.Close(aliceConversation));
        await alice.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE"));
        var bobCsat = await bob.RequestAsync("cm.UpdateConversationField", Requests.Field(aliceConversation, Requests.Csat()));
        await bob.RequestAsync("GetClock");

        ((int)bobCsat["code"]!).Should().Be(404);
        ((string?)bobCsat["body"]).Should().Be("Conversation not found");
        bob.Frames.Where(IsNotification).Should().ContainSingle();
        bob.Frames.Should().NotContain(f => f.ToString().Contains(aliceConversation) && (string?)f["kind"] == "notification");
    }

    [Fact]
    public async Task Should_stop_a_subscription_on_unsubscribe_and_404_an_unknown_one()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await using var otherConnection = await _emulator.NewConsumerAsync();
        var subscribed = await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var subscriptionId = (string)subscribed["body"]!["subscriptionId"]!;
        await client.NextAsync(IsNotification);

        var foreign = await otherConnection.RequestAsync("cqm.UnsubscribeExConversations", new { subscriptionId });
        var unsubscribed = await client.RequestAsync("cqm.UnsubscribeExConversations", new { subscriptionId });
        var again = await client.RequestAsync("cqm.UnsubscribeExConversations", new { subscriptionId });
        var missing = await client.RequestAsync("cqm.UnsubscribeExConversations", new { });
        await client.OpenConversationAsync();
        await client.RequestAsync("GetClock");

        ((int)foreign["code"]!).Should().Be(404);
        ((int)unsubscribed["code"]!).Should().Be(200);
        ((string?)unsubscribed["type"]).Should().Be("StringResponse");
        ((string?)unsubscribed["body"]).Should().Be("OK");
        ((int)again["code"]!).Should().Be(404);
        ((string?)again["body"]).Should().Be("Subscription not found");
        ((int)missing["code"]!).Should().Be(400);
        ((string?)missing["body"]).Should().Be("body.subscriptionId: missing (required)");
        client.Frames.Where(IsNotification).Should().ContainSingle("only the initial notification came before the unsubscribe");
    }

    [Theory]
    [InlineData("{\"convState\":[\"PENDING\"]}", "body.convState[0]: \"PENDING\" is not one of OPEN, CLOSE")]
    [InlineData("{\"stage\":7}", "body.stage: expected an array or a string, found an integer")]
    [InlineData("{\"minLastUpdatedTime\":-1}", "body.minLastUpdatedTime: -1 is below the minimum, 0")]
    [InlineData("\"all\"", "body: expected an object, found a string")]
    public async Task Should_answer_400_to_a_bad_filter(string bodyJson, string expected)
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.RequestAsync("cqm.SubscribeExConversations", Newtonsoft.Json.Linq.JToken.Parse(bodyJson));
        await client.RequestAsync("GetClock");

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["type"]).Should().Be("cqm.SubscribeExConversationsResponse");
        ((string?)response["body"]).Should().Be(expected);
        client.Frames.Should().NotContain(f => IsNotification(f));
    }
}
