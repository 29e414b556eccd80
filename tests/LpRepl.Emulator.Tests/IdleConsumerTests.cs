using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>
/// Consumers who left (no socket, no open conversation) keep their closed conversations while they are
/// among the MaxIdleConsumers that left last; past that the one that left first is forgotten, and its
/// token still opens a socket, with no conversations. Over real sockets, with a limit of one.
/// </summary>
public sealed class IdleConsumerTests : IAsyncLifetime
{
    // A new emulator for each test (xUnit makes a new instance per test): the limit counts every consumer.
    private readonly OneIdle _emulator = new();

    public Task InitializeAsync() => _emulator.InitializeAsync();

    public Task DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task Should_show_a_consumer_who_left_last_its_closed_conversation_again()
    {
        var emulator = _emulator;
        var jwt = await emulator.SignupAsync();
        var conversationId = await OpenAndCloseAsync(emulator, jwt);

        await using var again = await emulator.ConnectAsync(jwt);

        (await ConversationIdsAsync(again)).Should().Equal(conversationId);
    }

    [Fact]
    public async Task Should_forget_the_consumer_who_left_first_past_the_limit_and_still_take_its_token()
    {
        var emulator = _emulator;
        var first = await emulator.SignupAsync();
        var firstConversation = await OpenAndCloseAsync(emulator, first);
        var second = await emulator.SignupAsync();
        var secondConversation = await OpenAndCloseAsync(emulator, second);

        var subject = (string)Jwt.Payload(first)["sub"]!;
        emulator.Server.KnownConsumers().Select(c => c.ConsumerId).Should().NotContain(subject);
        emulator.Server.AgentSeat.Conversations().Select(c => c.Id).Should().Equal(secondConversation);
        await using var again = await emulator.ConnectAsync(first);
        (await ConversationIdsAsync(again)).Should().BeEmpty();
        // Known again, as a consumer with nothing yet, who can go on as before.
        emulator.Server.KnownConsumers().Select(c => c.ConsumerId).Should().Contain(subject);
        (await again.OpenConversationAsync()).Should().NotBe(firstConversation);
    }

    [Fact]
    public async Task Should_keep_a_consumer_who_left_a_conversation_open()
    {
        var emulator = _emulator;
        var jwt = await emulator.SignupAsync();
        string open;
        await using (var client = await emulator.ConnectAsync(jwt))
        {
            open = await client.OpenConversationAsync();
        }

        await OpenAndCloseAsync(emulator, await emulator.SignupAsync());
        await OpenAndCloseAsync(emulator, await emulator.SignupAsync());

        await using var again = await emulator.ConnectAsync(jwt);
        (await ConversationIdsAsync(again)).Should().Equal(open);
        var closed = await again.RequestAsync("cm.UpdateConversationField", Requests.Close(open));
        ((int)closed["code"]!).Should().Be(200);
    }

    [Fact]
    public async Task Should_forget_a_consumer_who_left_once_the_agent_closed_its_conversation()
    {
        var emulator = _emulator;
        var jwt = await emulator.SignupAsync();
        string conversationId;
        await using (var client = await emulator.ConnectAsync(jwt))
        {
            conversationId = await client.OpenConversationAsync();
            // The auto agent accepts at once; the close below needs it in the conversation.
            await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN"));
            await client.NextAsync(Change("UPSERT", HasAgent));
        }

        await OpenAndCloseAsync(emulator, await emulator.SignupAsync());
        emulator.Server.AgentSeat.Close(emulator.Account, conversationId).Ok.Should().BeTrue();
        // Idle only now: one more consumer leaving puts it past the limit.
        await OpenAndCloseAsync(emulator, await emulator.SignupAsync());

        emulator.Server.KnownConsumers().Select(c => c.ConsumerId).Should().NotContain((string)Jwt.Payload(jwt)["sub"]!);
    }

    // Connect, open a conversation, close it, leave: the disposal awaits the server's close frame,
    // which it sends after the consumer has left.
    private static async Task<string> OpenAndCloseAsync(EmulatorFixture emulator, string jwt)
    {
        await using var client = await emulator.ConnectAsync(jwt);
        var conversationId = await client.OpenConversationAsync();
        var closed = await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversationId));
        ((int)closed["code"]!).Should().Be(200);
        return conversationId;
    }

    private static async Task<IReadOnlyList<string>> ConversationIdsAsync(ConsumerClient client)
    {
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN", "CLOSE"));
        var initial = await client.NextAsync(IsNotification);
        return [.. ((JArray)initial["body"]!["changes"]!).Select(c => (string)c["result"]!["convId"]!)];
    }

    private sealed class OneIdle : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { AgentDelay = TimeSpan.FromMilliseconds(50), MaxIdleConsumers = 1 };
    }
}
