using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>Frames over several lines: typed with continuation prompts, or pasted as one block.</summary>
public class LineEditorMultiLineTests
{
    [Fact]
    public async Task Should_continue_an_open_json_value_until_its_brackets_balance()
    {
        var harness = new EditorHarness();

        var line = await harness.ReadAsync("{" + Enter + "  \"kind\": \"req\"," + Enter + "  \"note\": \"} not a close\"" + Enter + "}" + Enter);

        line.Should().Be("{\n  \"kind\": \"req\",\n  \"note\": \"} not a close\"\n}");
        harness.Lines.Should().Equal("lp> {", "...   \"kind\": \"req\",", "...   \"note\": \"} not a close\"", "... }");
    }

    [Fact]
    public async Task Should_move_between_the_lines_of_a_multi_line_input_with_up_and_down()
    {
        var line = await new EditorHarness().ReadAsync("{" + Enter + "\"a\":1" + Up + End + " " + Down + Home + " " + End + Enter + "}" + Enter);

        line.Should().Be("{ \n \"a\":1\n}");
    }

    [Fact]
    public async Task Should_insert_a_bracketed_paste_as_one_block_without_running_it()
    {
        var harness = new EditorHarness();
        const string pretty = "{\r\n  \"kind\": \"req\",\r\n  \"id\": 1,\r\n  \"type\": \"cm.ConsumerRequestConversation\"\r\n}\r\n";

        var read = await harness.StartAsync(Paste(pretty));

        read.IsCompleted.Should().BeFalse("a paste is never executed by itself");
        harness.Lines.Should().Equal("lp> {", "...   \"kind\": \"req\",", "...   \"id\": 1,", "...   \"type\": \"cm.ConsumerRequestConversation\"", "... }");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("{\n  \"kind\": \"req\",\n  \"id\": 1,\n  \"type\": \"cm.ConsumerRequestConversation\"\n}");
    }

    [Fact]
    public async Task Should_take_keys_inside_a_paste_as_text()
    {
        var harness = new EditorHarness();

        var line = await harness.ReadAsync(Paste("echo a\tb" + Ctrl('c') + Enter + "c") + Enter);

        line.Should().Be("echo a    b");
        (await harness.Editor.ReadLineAsync(EditorHarness.Prompt, CancellationToken.None)).Should().Be("c");
    }

    [Fact]
    public async Task Should_paste_a_large_frame_quickly_enough_to_feel_instant()
    {
        var message = new string('x', 100_000);

        var line = await new EditorHarness().ReadAsync(Paste("{\"message\":\"" + message + "\"}") + Enter);

        line.Should().HaveLength(100_014);
    }
}
