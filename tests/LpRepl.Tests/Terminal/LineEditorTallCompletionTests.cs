using LpRepl.Commands;
using LpRepl.Repl.Completion;
using LpRepl.Session;
using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>Tab's list of completions in an input taller than the window: drawn under the window, not into the scrollback.</summary>
public class LineEditorTallCompletionTests
{
    private const int Height = 10;

    // "{", 18 members, and a request type being typed: 20 lines, twice the window's height.
    private static readonly string Frame =
        string.Join("\n", ["{", .. Enumerable.Range(0, 18).Select(i => $"  \"k{i:00}\": {i},"), "  \"type\": \"ms."]);

    private static EditorHarness Harness() =>
        new(completer: new ReplCompleter(CommandRegistry.CreateDefault(), new SessionVariables()), height: Height);

    private static List<string> Visible(EditorHarness harness) => [.. harness.Lines.Skip(harness.Terminal.Screen.ScrollbackRows)];

    private static string CursorLine(EditorHarness harness) => harness.Lines[harness.Terminal.Screen.Cursor.Row];

    [Fact]
    public async Task Should_list_the_matches_under_the_window_with_the_cursor_row_in_view_and_nothing_into_the_scrollback()
    {
        // Given a request type being typed at the end of an input twice the window's height
        var harness = Harness();
        var read = await harness.StartAsync(Paste(Frame));
        var scrollback = harness.Terminal.Screen.ScrollbackRows;

        // When Tab finds several request types
        harness.Terminal.Type(Tab);
        await harness.Terminal.WaitIdleAsync();

        // Then they are listed on the window's last rows, under the cursor's row, which stays in view
        var visible = Visible(harness);
        visible.Count.Should().BeLessThanOrEqualTo(Height);
        var list = visible.FindIndex(l => l.Contains("ms.PublishEvent", StringComparison.Ordinal));
        list.Should().BePositive($"the list is on the screen:\n{string.Join("\n", visible)}");
        CursorLine(harness).Should().Be("...   \"type\": \"ms.");
        harness.Terminal.Screen.Cursor.Row.Should().BeInRange(scrollback, scrollback + list - 1);
        harness.Terminal.Screen.Cursor.Column.Should().Be("...   \"type\": \"ms.".Length);
        harness.Terminal.Screen.ScrollbackRows.Should().Be(scrollback, "neither the list nor a copy of the input went to the scrollback");
        harness.Terminal.Screen.ScreenClears.Should().Be(0);

        // And the next key takes the list away, the window filling the screen again
        harness.Terminal.Type("Pub");
        await harness.Terminal.WaitIdleAsync();
        visible = Visible(harness);
        visible.Should().NotContain(l => l.Contains("ms.PublishEvent", StringComparison.Ordinal));
        visible.Should().HaveCount(Height).And.EndWith("...   \"type\": \"ms.Pub");
        harness.Terminal.Screen.ScrollbackRows.Should().Be(scrollback);
        harness.Terminal.Type(Tab + Enter + "}" + Enter);
        (await read).Should().Be(Frame + "PublishEvent\"\n}");
    }

    [Fact]
    public async Task Should_keep_the_list_to_half_the_window_and_say_how_many_rows_are_left_out()
    {
        // Every request type, listed one to a row in a narrow window
        var harness = new EditorHarness(width: 30, completer: new ReplCompleter(CommandRegistry.CreateDefault(), new SessionVariables()), height: Height);
        var read = await harness.StartAsync(Paste(Frame[..^3]));

        harness.Terminal.Type(Tab);
        await harness.Terminal.WaitIdleAsync();

        var visible = Visible(harness);
        visible.Should().HaveCount(Height);
        visible[^1].Should().MatchRegex(@"^\u2026 \d+ more rows$");
        CursorLine(harness).Should().Be("...   \"type\": \"");
        harness.Terminal.Screen.Cursor.Row.Should().Be(harness.Terminal.Screen.ScrollbackRows + Height - Height / 2 - 1);
        harness.Terminal.Type(Ctrl('c'));
        await harness.Terminal.WaitIdleAsync();
        harness.Lines.Should().NotContain(l => l.StartsWith('\u2026'), "the list does not stay behind");
        harness.Terminal.EndInput();
        await read;
    }
}
