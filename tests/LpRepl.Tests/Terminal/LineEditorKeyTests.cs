using static LpRepl.Tests.Terminal.Keys;

namespace LpRepl.Tests.Terminal;

/// <summary>Every key binding, through the terminal seam: raw input in, the returned line out.</summary>
public class LineEditorKeyTests
{
    [Theory]
    [InlineData("hello" + Enter, "hello")]
    [InlineData("ab" + Left + "c" + Enter, "acb")]
    [InlineData("ab" + Left + Left + Right + "c" + Enter, "acb")]
    [InlineData("bc" + Home + "a" + End + "d" + Enter, "abcd")]
    [InlineData("abc" + Backspace + Enter, "ab")]
    [InlineData("abc" + Left + Left + Delete + Enter, "ac")]
    [InlineData("one two" + CtrlLeft + "big " + Enter, "one big two")]
    [InlineData("one two" + Home + CtrlRight + "!" + Enter, "one! two")]
    public async Task Should_edit_with_arrows_home_end_and_deletion(string input, string expected)
    {
        (await new EditorHarness().ReadAsync(input)).Should().Be(expected);
    }

    [Fact]
    public async Task Should_move_with_ctrl_a_e_b_f_like_readline()
    {
        var input = "bc" + Ctrl('a') + "a" + Ctrl('e') + "d" + Ctrl('b') + Ctrl('b') + "X" + Ctrl('f') + "Y" + Enter;

        (await new EditorHarness().ReadAsync(input)).Should().Be("abXcYd");
    }

    [Fact]
    public async Task Should_move_by_words_with_alt_b_and_alt_f()
    {
        var input = "connect -H x" + Alt('b') + Alt('b') + "[" + Alt('f') + "]" + Enter;

        (await new EditorHarness().ReadAsync(input)).Should().Be("connect -[H] x");
    }

    [Fact]
    public async Task Should_delete_the_character_under_the_cursor_with_ctrl_d()
    {
        (await new EditorHarness().ReadAsync("abc" + Home + Ctrl('d') + Enter)).Should().Be("bc");
    }

    [Fact]
    public async Task Should_end_input_with_ctrl_d_on_an_empty_line()
    {
        (await new EditorHarness().ReadAsync(Ctrl('d'))).Should().BeNull();
    }

    [Fact]
    public async Task Should_end_input_when_the_terminal_closes()
    {
        var harness = new EditorHarness();
        harness.Terminal.Type("half");
        harness.Terminal.EndInput();

        (await harness.Editor.ReadLineAsync("lp> ", CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("hello world" + Left + Left + Left + Left + Left + "\u000b" + Enter, "hello ")]
    [InlineData("hello world" + Left + Left + Left + Left + Left + "\u0015" + Enter, "world")]
    [InlineData("echo hello world" + "\u0017" + Enter, "echo hello ")]
    [InlineData("echo hello world" + Home + "\u001bd" + Enter, " hello world")]
    public async Task Should_kill_with_ctrl_k_u_w_and_alt_d(string input, string expected)
    {
        (await new EditorHarness().ReadAsync(input)).Should().Be(expected);
    }

    [Fact]
    public async Task Should_yank_what_was_killed()
    {
        var input = "hello world" + Ctrl('w') + Home + Ctrl('y') + " " + Enter;

        (await new EditorHarness().ReadAsync(input)).Should().Be("world hello ");
    }

    [Fact]
    public async Task Should_gather_kills_in_a_row_for_one_yank()
    {
        var input = "a b c" + Ctrl('w') + Ctrl('w') + Ctrl('y') + Enter;

        (await new EditorHarness().ReadAsync(input)).Should().Be("a b c");
    }

    [Theory]
    [InlineData("ab" + "\u0014" + Enter, "ba")]
    [InlineData("abc" + Left + "\u0014" + Enter, "acb")]
    public async Task Should_transpose_characters_with_ctrl_t(string input, string expected)
    {
        (await new EditorHarness().ReadAsync(input)).Should().Be(expected);
    }

    [Fact]
    public async Task Should_abandon_the_line_with_ctrl_c_and_start_a_new_prompt()
    {
        var harness = new EditorHarness();

        var line = await harness.ReadAsync("oops" + Ctrl('c') + "ok" + Enter);

        line.Should().Be("ok");
        harness.Lines.Should().Equal("lp> oops^C", "lp> ok");
    }

    [Fact]
    public async Task Should_clear_the_screen_with_ctrl_l_and_keep_the_line()
    {
        var harness = new EditorHarness();
        harness.Terminal.Write("earlier output\n");

        var read = await harness.StartAsync("abc" + Left + Ctrl('l'));

        harness.Lines.Should().Equal("lp> abc");
        harness.Terminal.Screen.Cursor.Column.Should().Be(6);
        harness.Terminal.Type(Enter);
        (await read).Should().Be("abc");
    }

    [Fact]
    public async Task Should_insert_non_ascii_text_and_move_over_surrogate_pairs_as_one_character()
    {
        var input = "héllo 😀" + Left + "!" + Enter;

        (await new EditorHarness().ReadAsync(input)).Should().Be("héllo !😀");
    }

    [Fact]
    public async Task Should_ignore_keys_that_are_bound_to_nothing()
    {
        (await new EditorHarness().ReadAsync("a\u001b[5~\u001b[24~b" + Enter)).Should().Be("ab");
    }
}
