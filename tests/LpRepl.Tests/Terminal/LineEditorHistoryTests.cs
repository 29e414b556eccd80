using LpRepl.Terminal.LineEditing;
using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

public class LineEditorHistoryTests
{
    private static History HistoryOf(params string[] lines)
    {
        var history = new History(file: null);
        foreach (var line in lines)
        {
            history.Add(line);
        }
        return history;
    }

    [Fact]
    public async Task Should_recall_earlier_lines_with_up_and_come_back_with_down()
    {
        var harness = new EditorHarness(history: HistoryOf("signup", "connect"));

        (await harness.ReadAsync(Up + Up + Enter)).Should().Be("signup");
        (await harness.ReadAsync(Up + Enter)).Should().Be("signup");
        (await harness.ReadAsync(Up + Up + Down + Enter)).Should().Be("signup");
    }

    [Fact]
    public async Task Should_keep_the_line_being_written_as_a_draft()
    {
        var harness = new EditorHarness(history: HistoryOf("signup"));

        (await harness.ReadAsync("vars" + Up + Down + "!" + Enter)).Should().Be("vars!");
    }

    [Fact]
    public async Task Should_add_entered_lines_to_the_history()
    {
        var harness = new EditorHarness();
        await harness.ReadAsync("first" + Enter);
        await harness.ReadAsync("second" + Enter);
        await harness.ReadAsync("second" + Enter);

        harness.History.Entries.Should().Equal("first", "second");
        (await harness.ReadAsync(Ctrl('p') + Ctrl('p') + Ctrl('n') + Enter)).Should().Be("second");
    }

    [Fact]
    public async Task Should_search_back_with_ctrl_r_and_run_the_match_with_enter()
    {
        var harness = new EditorHarness(history: HistoryOf("echo one", "connect", "echo two"));

        var read = await harness.StartAsync(Ctrl('r') + "ech");
        harness.LastLine.Should().Be("(reverse-i-search)`ech': echo two");

        harness.Terminal.Type(Ctrl('r'));
        await harness.Terminal.WaitIdleAsync();
        harness.LastLine.Should().Be("(reverse-i-search)`ech': echo one");

        harness.Terminal.Type(Enter);
        (await read).Should().Be("echo one");
    }

    [Fact]
    public async Task Should_leave_the_run_match_on_screen_at_the_plain_prompt_not_the_search_line()
    {
        var harness = new EditorHarness(history: HistoryOf("echo one", "connect"));

        (await harness.ReadAsync(Ctrl('r') + "ech" + Enter)).Should().Be("echo one");

        harness.Lines.Should().Equal("lp> echo one");
        harness.Terminal.Screen.Cursor.Should().Be((1, 0));
    }

    [Fact]
    public async Task Should_restore_the_line_when_a_search_is_cancelled()
    {
        var harness = new EditorHarness(history: HistoryOf("connect"));

        (await harness.ReadAsync("vars" + Ctrl('r') + "con" + Ctrl('g') + Enter)).Should().Be("vars");

        var read = await harness.StartAsync("status" + Ctrl('r') + "con" + Esc);
        harness.LastLine.Should().Be("lp> status");
        harness.Terminal.Type(Enter);
        (await read).Should().Be("status");
    }

    [Fact]
    public async Task Should_say_when_a_search_finds_nothing()
    {
        var harness = new EditorHarness(history: HistoryOf("connect"));

        await harness.StartAsync(Ctrl('r') + "zzz");

        harness.LastLine.Should().Be("(failed reverse-i-search)`zzz':");
    }

    [Fact]
    public async Task Should_keep_the_match_for_editing_when_another_key_ends_the_search()
    {
        var harness = new EditorHarness(history: HistoryOf("echo hello"));

        (await harness.ReadAsync(Ctrl('r') + "hel" + End + " world" + Enter)).Should().Be("echo hello world");
    }
}
