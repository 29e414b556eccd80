using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>
/// No implicit subscription: the tutorials have the consumer subscribe before it is notified ("In order to
/// get existing or new messages from the agent side, the consumer should subscribe"; "they must be
/// subscribed"); only the Read and Accept Events tutorial's Step 2 shows an agent line with no subscription
/// (docs/emulator.md, "Where the documentation disagrees"). A later request's response marks the point by
/// which a notification would have come: the emulator sends a request's notifications before it reads the next request.
/// </summary>
public sealed class SubscriptionRuleTests : IClassFixture<EmulatorFixture>
{
    private const string LegacySurvey = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/legacy-post-conversation-survey-pcs.md";

    private readonly EmulatorFixture _emulator;

    public SubscriptionRuleTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    [Documented("ms.MessagingEventNotification", LegacySurvey + " §Step 7 (\"the consumer should subscribe to the content of the conversation\")")]
    [Documented("ms.MessagingEventNotification", MessagingSources.GetMessages + " §Step 4")]
    public async Task Should_send_no_messaging_events_before_the_consumer_subscribes()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var dialogId = await DocumentedConversation.OpenAsync(client, MessagingSources.GetMessages + " §Step 3");

        var published = await client.RequestAsync("ms.PublishEvent", Requests.Text(dialogId, "unheard"));
        var marker = await client.RequestAsync("GetClock");

        ((int)published["code"]!).Should().Be(200);
        NotificationsBefore(client, marker).Should().NotContain(f => FrameMatch.IsMessagingNotification(f), "nothing subscribed this connection to the dialog");
        var history = await DocumentedConversation.SubscribeAsync(client, dialogId);
        ((JArray)history["body"]!["changes"]!).Select(c => (string?)c["event"]!["message"]).Should().Contain("unheard", "subscribing from 0 brings what was published before");
    }

    [Fact]
    [Documented("cqm.ExConversationChangeNotification", LegacySurvey + " §Step 4 (\"they must be subscribed to these conversations\")")]
    public async Task Should_send_no_conversation_changes_before_SubscribeExConversations()
    {
        await using var client = await _emulator.NewConsumerAsync();

        await DocumentedConversation.OpenAsync(client, LegacySurvey + " §Step 5");
        var marker = await client.RequestAsync("GetClock");

        NotificationsBefore(client, marker).Should().NotContain(f => ExConversationMatch.IsNotification(f));
    }

    private static IEnumerable<JObject> NotificationsBefore(ConsumerClient client, JObject marker) =>
        client.Frames.TakeWhile(f => !ReferenceEquals(f, marker)).Where(f => (string?)f["kind"] == "notification");
}
