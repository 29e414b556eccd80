using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>A pasted block of several command lines runs line by line; only a JSON frame is one input across lines.</summary>
public class LineEditorPasteTests
{
    [Fact]
    public async Task Should_run_pasted_command_lines_one_by_one()
    {
        // Given
        var harness = new EditorHarness();

        // When: two lines pasted, then Enter
        var first = await harness.ReadAsync(Paste("echo one\necho two\n") + Enter);
        var second = await harness.Editor.ReadLineAsync(EditorHarness.Prompt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // Then: each is its own input, shown at its own prompt
        first.Should().Be("echo one");
        second.Should().Be("echo two");
        harness.Lines.Should().Equal("lp> echo one", "lp> echo two");
    }

    [Fact]
    public async Task Should_run_the_tutorials_two_line_step_2_as_two_inputs()
    {
        var harness = new EditorHarness();
        const string step2 = "LP_JWT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`\r\necho $LP_JWT\r\n";

        var first = await harness.ReadAsync(Paste(step2) + Enter);
        var second = await harness.Editor.ReadLineAsync(EditorHarness.Prompt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        first.Should().Be("LP_JWT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`");
        second.Should().Be("echo $LP_JWT");
    }

    [Fact]
    public async Task Should_keep_a_pasted_frame_whole_and_run_the_line_after_it_alone()
    {
        var harness = new EditorHarness();

        var frame = await harness.ReadAsync(Paste("{\n  \"kind\": \"req\",\n  \"note\": \"}\"\n}\necho after") + Enter);
        var after = await harness.Editor.ReadLineAsync(EditorHarness.Prompt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        frame.Should().Be("{\n  \"kind\": \"req\",\n  \"note\": \"}\"\n}");
        after.Should().Be("echo after");
    }

    [Fact]
    public async Task Should_read_keys_again_once_the_pasted_lines_are_used_up()
    {
        var harness = new EditorHarness();
        await harness.ReadAsync(Paste("echo one\necho two") + Enter);
        await harness.Editor.ReadLineAsync(EditorHarness.Prompt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var typed = await harness.ReadAsync("status" + Enter);

        typed.Should().Be("status");
    }

    [Fact]
    public async Task Should_keep_the_whole_paste_as_one_history_entry()
    {
        var harness = new EditorHarness();
        await harness.ReadAsync(Paste("echo one\necho two") + Enter);
        await harness.Editor.ReadLineAsync(EditorHarness.Prompt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var recalled = await harness.ReadAsync(Up + Enter);

        recalled.Should().Be("echo one");
    }

    [Fact]
    public async Task Should_take_a_60000_line_pasted_frame_as_one_input_well_within_its_limit()
    {
        var lines = new[] { "{\"items\":[" }.Concat(Enumerable.Range(0, 59_998).Select(i => $"  {i},")).Append("  0]}").ToArray();

        var frame = await new EditorHarness().ReadAsync(Paste(string.Join("\n", lines)) + Enter);

        frame.Should().Be(string.Join("\n", lines));
    }

    [Fact]
    public async Task Should_drop_the_rest_of_a_paste_when_ctrl_c_stops_a_pasted_line()
    {
        // Given: the first of three pasted lines is running
        var harness = new EditorHarness();
        await harness.ReadAsync(Paste("sleep 100\necho two\necho three") + Enter);

        // When: Ctrl-C stops it
        harness.Terminal.PressCtrlC();

        // Then: the next input is what is typed next, not the rest of the paste
        (await harness.ReadAsync("status" + Enter)).Should().Be("status");
    }
}
