using System.Net;
using System.Net.Sockets;
using System.Text;
using LpRepl.Emulator.Agent;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>The agent's control endpoint over real HTTPS: the conversations listed, each action, clear refusals, loopback callers only.</summary>
public sealed class AgentEndpointTests : IClassFixture<AgentEndpointTests.ManualEmulator>
{
    private readonly ManualEmulator _emulator;

    public AgentEndpointTests(ManualEmulator emulator) => _emulator = emulator;

    private static Func<JObject, bool> AgentEvent(string type) => f =>
        FrameMatch.ChangeFrom("ASSIGNED_AGENT")(f) && (string?)FrameMatch.FirstChange(f)["event"]!["type"] == type;

    [Fact]
    public async Task Should_list_the_conversation_and_play_the_agent_over_https()
    {
        // Given a consumer with a conversation nobody has accepted, and a message in it
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        var conversation = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversation));
        await client.RequestAsync("ms.PublishEvent", Requests.Text(conversation, "hello"));

        // Then GET lists it, waiting, with the consumer's last message
        var listed = await ListedAsync(conversation);
        ((string?)listed["state"]).Should().Be("waiting");
        ((string?)listed["account"]).Should().Be(_emulator.Account);
        ((string?)listed["lastFrom"]).Should().Be("consumer");
        ((string?)listed["lastMessage"]).Should().Be("hello");

        // When the agent accepts, types, says a line from the body, reads and closes over HTTPS
        var (status, accepted) = await _emulator.Http.PostJsonAsync($"emulator/agent/accept?conversationId={conversation}");
        status.Should().Be(HttpStatusCode.OK, accepted.ToString());
        ((string?)accepted["message"]).Should().Be($"accepted conversation {conversation}");
        await client.NextAsync(Change("UPSERT", HasAgent));
        (await _emulator.Http.PostJsonAsync($"emulator/agent/typing?conversationId={conversation}")).Status.Should().Be(HttpStatusCode.OK);
        ((string?)FrameMatch.FirstChange(await client.NextAsync(AgentEvent("ChatStateEvent")))["event"]!["chatState"]).Should().Be("COMPOSING");
        var said = await PostTextAsync($"emulator/agent/say?conversationId={conversation}", "hello from the agent");
        said.Status.Should().Be(HttpStatusCode.OK, said.Body.ToString());
        var line = FrameMatch.FirstChange(await client.NextAsync(AgentEvent("ContentEvent")));
        ((string?)line["event"]!["message"]).Should().Be("hello from the agent");
        ((int)said.Body["sequence"]!).Should().Be((int)line["sequence"]!);
        var (_, read) = await _emulator.Http.PostJsonAsync($"emulator/agent/read?conversationId={conversation}");
        ((string?)read["message"]).Should().Be("read the consumer's messages 0");
        (await ListedAsync(conversation))["lastMessage"]!.ToString().Should().Be("hello from the agent");
        (await _emulator.Http.PostJsonAsync($"emulator/agent/close?conversationId={conversation}")).Status.Should().Be(HttpStatusCode.OK);

        // Then the consumer sees the agent's close, and the list says closed
        var closed = Details(await client.NextAsync(Change("UPSERT", d => (string?)d["state"] == "CLOSE")));
        ((string?)closed["closeReason"]).Should().Be("AGENT");
        ((string?)(await ListedAsync(conversation))["state"]).Should().Be("closed");
    }

    [Fact]
    public async Task Should_take_the_text_from_the_query_and_act_on_the_newest_open_conversation_when_given_no_id()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversation = await client.OpenConversationAsync();
        await client.RequestAsync("ms.SubscribeMessagingEvents", Requests.Subscribe(conversation));

        var (status, accepted) = await _emulator.Http.PostJsonAsync("emulator/agent/accept");
        var (_, said) = await _emulator.Http.PostJsonAsync("emulator/agent/say?text=hi%20there");

        status.Should().Be(HttpStatusCode.OK, accepted.ToString());
        ((string?)accepted["conversationId"]).Should().Be(conversation);
        ((string?)said["conversationId"]).Should().Be(conversation);
        ((string?)FrameMatch.FirstChange(await client.NextAsync(AgentEvent("ContentEvent")))["event"]!["message"]).Should().Be("hi there");
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversation));
    }

    [Fact]
    public async Task Should_switch_the_mode_and_report_it()
    {
        try
        {
            var (status, body) = await _emulator.Http.PostJsonAsync("emulator/agent/mode?mode=silent");
            var (_, listed) = await _emulator.Http.SendAsync(HttpMethod.Get, "emulator/agent");

            status.Should().Be(HttpStatusCode.OK);
            ((string?)body["message"]).Should().Be("mode silent: nobody answers (the agent commands still work)");
            ((string?)listed["mode"]).Should().Be("silent");
            _emulator.Server.AgentSeat.Mode.Should().Be(AgentMode.Silent);
        }
        finally
        {
            _emulator.Server.AgentSeat.Mode = AgentMode.Manual;
        }
    }

    [Theory]
    [InlineData("mode?mode=loud", HttpStatusCode.BadRequest, "mode must be auto, manual or silent (not 'loud'), e.g. mode?mode=manual")]
    [InlineData("mode?mode=1", HttpStatusCode.BadRequest, "mode must be auto, manual or silent (not '1'), e.g. mode?mode=manual")]
    [InlineData("typing?on=maybe", HttpStatusCode.BadRequest, "on must be true or false, e.g. typing?on=false")]
    [InlineData("say", HttpStatusCode.BadRequest, "say what? give the text as the body (curl --data-binary 'hello' …/say) or as say?text=hello")]
    [InlineData("accept?conversationId=no-such-id", HttpStatusCode.NotFound, "conversation no-such-id not found")]
    public async Task Should_refuse_bad_parameters_saying_what_to_send(string path, HttpStatusCode expected, string error)
    {
        var (status, body) = await _emulator.Http.PostJsonAsync("emulator/agent/" + path);

        status.Should().Be(expected);
        body.Error().Should().Be(error);
    }

    [Fact]
    public async Task Should_refuse_to_speak_before_accepting_with_409_and_the_seats_reason()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var conversation = await client.OpenConversationAsync();

        var (status, body) = await PostTextAsync($"emulator/agent/say?conversationId={conversation}", "too early");

        status.Should().Be(HttpStatusCode.Conflict);
        body.Error().Should().Be("the agent has not accepted this conversation: 'agent accept' first");
        await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversation));
    }

    [Fact]
    public async Task Should_tell_a_watcher_of_each_conversation_opened_and_each_consumer_message()
    {
        var seen = new List<AgentActivity>();
        var message = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(AgentActivity activity)
        {
            lock (seen)
            {
                seen.Add(activity);
            }
            if (activity is { Kind: AgentActivityKind.Message, Text: "is anyone there?" })
            {
                message.TrySetResult();
            }
        }

        _emulator.Server.AgentSeat.Activity += Watch;
        try
        {
            await using var client = await _emulator.NewConsumerAsync();
            var conversation = await client.OpenConversationAsync();
            await client.RequestAsync("ms.PublishEvent", Requests.Text(conversation, "is anyone there?"));
            await message.Task.WaitAsync(Deadline.After());

            lock (seen)
            {
                seen.Where(a => a.ConversationId == conversation).Select(a => (a.Kind, a.Text)).Should()
                    .Equal((AgentActivityKind.Opened, null), (AgentActivityKind.Message, "is anyone there?"));
            }
            await client.RequestAsync("cm.UpdateConversationField", Requests.Close(conversation));
        }
        finally
        {
            _emulator.Server.AgentSeat.Activity -= Watch;
        }
    }

    [Fact]
    public async Task Should_refuse_a_caller_that_is_not_on_loopback_with_403()
    {
        var address = MachineAddress.NonLoopbackIPv4() ?? throw new InvalidOperationException("this machine has no IPv4 address but loopback");
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Host = address.ToString(), Agent = AgentMode.Manual });
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = EmulatorTrust.Callback(server.CaCertificate);
        using var http = new HttpClient(handler) { BaseAddress = server.BaseUri };

        var (status, body) = await http.SendAsync(HttpMethod.Get, "emulator/agent");
        var (sayStatus, _) = await http.PostJsonAsync("emulator/agent/say?text=hi");

        status.Should().Be(HttpStatusCode.Forbidden);
        sayStatus.Should().Be(HttpStatusCode.Forbidden);
        body.Error().Should().Be($"the agent's seat is served to loopback callers only (127.0.0.1, ::1), not to {address}");
    }

    private async Task<JObject> ListedAsync(string conversation)
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Get, "emulator/agent");
        status.Should().Be(HttpStatusCode.OK);
        return body["conversations"]!.Cast<JObject>().Should().ContainSingle(c => (string?)c["conversationId"] == conversation).Which;
    }

    private async Task<(HttpStatusCode Status, JObject Body)> PostTextAsync(string path, string text)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await _emulator.Http.PostAsync(path, content);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    public sealed class ManualEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Agent = AgentMode.Manual };
    }
}
