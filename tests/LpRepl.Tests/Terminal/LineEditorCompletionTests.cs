using LpRepl.Commands;
using LpRepl.Repl.Completion;
using LpRepl.Session;
using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>Tab completion with the REPL's own completer: commands, variables, request types, field names and values in a frame.</summary>
public class LineEditorCompletionTests
{
    private static EditorHarness Harness()
    {
        var variables = new SessionVariables();
        variables.Set("LP_ACCOUNT", "12345678");
        variables.Set("LP_ASYNCMESSAGINGENT", "127.0.0.1:1");
        variables.Set("conversationId", "c-1");
        return new EditorHarness(completer: new ReplCompleter(CommandRegistry.CreateDefault(), variables, Templating.TemplateFixture.LoadBuiltIns()));
    }

    [Theory]
    [InlineData("sig" + Tab + Enter, "signup ")]
    [InlineData("echo $LP_AC" + Tab + Enter, "echo $LP_ACCOUNT ")]
    [InlineData("echo ${conv" + Tab + Enter, "echo ${conversationId}")]
    [InlineData("{\"dialogId\":\"{{conv" + Tab + "\"}" + Enter, "{\"dialogId\":\"{{conversationId}}\"}")]
    [InlineData("{\"kind\":\"req\",\"type\":\"cm.Con" + Tab + "}" + Enter, "{\"kind\":\"req\",\"type\":\"cm.ConsumerRequestConversation\"}")]
    [InlineData("{\"type\":\"ms.PublishEvent\",\"body\":{\"dia" + Tab + "\"x\"}}" + Enter, "{\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"x\"}}")]
    [InlineData("{\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"COM" + Tab + "}}}" + Enter, "{\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"COMPOSING\"}}}")]
    [InlineData("help disc" + Tab + Enter, "help disconnect")]
    [InlineData("subscribe-m" + Tab + Enter, "subscribe-messages ")]
    [InlineData("publish t" + Tab + "hi" + Enter, "publish text=hi")]
    [InlineData("csat rate=5 res" + Tab + "false" + Enter, "csat rate=5 resolved=false")]
    [InlineData("send clo" + Tab + "c" + Tab + Enter, "send close-conversation ")]
    [InlineData("agent ac" + Tab + Enter, "agent accept ")]
    [InlineData("agent mode si" + Tab + Enter, "agent mode silent ")]
    [InlineData("connect --i" + Tab + Enter, "connect --init ")]
    [InlineData("anonymous --r" + Tab + Enter, "anonymous --refresh ")]
    public async Task Should_complete_a_unique_match(string input, string expected)
    {
        (await Harness().ReadAsync(input)).Should().Be(expected);
    }

    [Fact]
    public async Task Should_complete_the_common_prefix_of_several_matches()
    {
        (await Harness().ReadAsync("echo $LP_A" + Tab + Enter)).Should().Be("echo $LP_A");
        (await Harness().ReadAsync("{\"type\":\"ms.Pub" + Tab + "}" + Enter)).Should().Be("{\"type\":\"ms.PublishEvent\"}");
    }

    [Theory]
    [InlineData("{\"type\":\"ms.Pub\"}" + Left + Left + Tab + Enter, "{\"type\":\"ms.PublishEvent\"}")]
    [InlineData("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.Pub\",\"body\":{}}" + Left + Left + Left + Left + Left + Left + Left + Left + Left + Left + Left + Left + Tab + ",\"x\":1" + Enter, "{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"x\":1,\"body\":{}}")]
    [InlineData("{\"type\":\"ms.PublishEvent\",\"body\":{\"dia\": \"d\"}}" + Left + Left + Left + Left + Left + Left + Left + Left + Tab + Enter, "{\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\": \"d\"}}")]
    public async Task Should_complete_inside_a_string_already_closed_without_a_stray_quote(string input, string expected)
    {
        (await Harness().ReadAsync(input)).Should().Be(expected);
    }

    // Tab in the middle of a JSON name or value completes the whole of it, up to its closing quote, as PSReadLine
    // replaces the whole token; the part after the cursor is not kept behind the completion.
    [Theory]
    [InlineData("{\"type\":\"ms.PublishEvent\"}", 11, "{\"type\":\"ms.PublishEvent\"!}")]
    [InlineData("{\"type\":\"ms.Pubxx\"}", 4, "{\"type\":\"ms.PublishEvent\"!}")]
    [InlineData("{\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\": \"d\"}}", 13, "{\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":! \"d\"}}")]
    [InlineData("{\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"COMPOSING\"}}}", 10, "{\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"COMPOSING\"!}}}")]
    public async Task Should_complete_the_whole_name_in_the_middle_of_a_string(string frame, int lefts, string expected)
    {
        // "!" typed after Tab shows where the cursor is left: after the closing quote (and a key's colon).
        (await Harness().ReadAsync(frame + string.Concat(Enumerable.Repeat(Left, lefts)) + Tab + "!" + Enter)).Should().Be(expected);
    }

    [Fact]
    public async Task Should_leave_the_rest_of_a_string_alone_where_several_names_match_and_list_them()
    {
        var harness = Harness();

        var read = await harness.StartAsync("{\"type\":\"ms.PublishEvent\"}" + string.Concat(Enumerable.Repeat(Left, 14)) + Tab);

        harness.Lines.Should().Contain(l => l.Contains("ms.PublishEvent", StringComparison.Ordinal) && !l.StartsWith("lp> ", StringComparison.Ordinal), "the list");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("{\"type\":\"ms.PublishEvent\"}");
    }

    [Fact]
    public async Task Should_complete_a_command_word_before_the_cursor_and_keep_the_rest_as_readline_does()
    {
        (await Harness().ReadAsync("sigxyz" + Left + Left + Left + Tab + Enter)).Should().Be("signup xyz");
    }

    [Fact]
    public async Task Should_list_several_matches_below_the_line_and_redraw_it()
    {
        var harness = Harness();

        var read = await harness.StartAsync("echo $LP_A" + Tab);

        harness.Lines.Should().Equal("lp> echo $LP_A", "LP_ACCOUNT            LP_ASYNCMESSAGINGENT", "lp> echo $LP_A");
        harness.Terminal.Screen.Cursor.Should().Be((2, 14));
        harness.Terminal.Type("SYNC" + Tab + Enter);
        (await read).Should().Be("echo $LP_ASYNCMESSAGINGENT ");
    }

    [Fact]
    public async Task Should_ring_the_bell_when_nothing_matches()
    {
        var harness = Harness();

        var read = await harness.StartAsync("zzz" + Tab);

        harness.Terminal.Screen.Bells.Should().Be(1);
        harness.LastLine.Should().Be("lp> zzz");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("zzz");
    }
}
