using LpRepl.Testing;

namespace LpRepl.Tests.Terminal;

public class VirtualScreenTests
{
    [Fact]
    public void Should_show_written_text_and_place_the_cursor_after_it()
    {
        // Given an empty screen; When text is written; Then it is shown and the cursor follows it
        var screen = new VirtualScreen(20, 5);
        screen.Write("lp> hello");

        screen.Lines.Should().Equal("lp> hello");
        screen.Cursor.Should().Be((0, 9));
    }

    [Fact]
    public void Should_treat_newline_as_carriage_return_and_line_feed()
    {
        // Given a screen; When lines are written with \n and \r\n; Then each starts at column 0
        var screen = new VirtualScreen(20, 5);
        screen.Write("one\ntwo\r\nthree");

        screen.Text.Should().Be("one\ntwo\nthree");
        screen.Cursor.Should().Be((2, 5));
    }

    [Fact]
    public void Should_overwrite_after_carriage_return_and_backspace()
    {
        // Given a screen; When text is overwritten after \r and \b; Then the last write wins
        var screen = new VirtualScreen(20, 5);
        screen.Write("abcdef\rXY\b\bZ\b\b\b\b");

        screen.Lines.Should().Equal("ZYcdef");
        screen.Cursor.Should().Be((0, 0));
    }

    [Fact]
    public void Should_defer_the_wrap_after_writing_the_last_column()
    {
        // Given a 5-column screen; When exactly 5 characters are written
        var screen = new VirtualScreen(5, 3);
        screen.Write("abcde");

        // Then the cursor stays on the last column
        screen.Cursor.Should().Be((0, 4));

        // When one more character is written; Then it wraps to the next row first
        screen.Write("f");
        screen.Lines.Should().Equal("abcde", "f");
        screen.Cursor.Should().Be((1, 1));
    }

    [Fact]
    public void Should_cancel_a_pending_wrap_on_carriage_return_and_cursor_movement()
    {
        // Given a full row with a pending wrap; When \r follows; Then the next character overwrites column 0
        var screen = new VirtualScreen(5, 3);
        screen.Write("abcde\rX");
        screen.Lines.Should().Equal("Xbcde");

        // Given a pending wrap again; When the cursor moves left; Then no wrap happens
        screen.Write("\x1b[5Gz\x1b[DY");
        screen.Lines.Should().Equal("XbcYz");
        screen.Cursor.Should().Be((0, 4));
    }

    [Fact]
    public void Should_cancel_a_pending_wrap_on_newline_without_a_blank_row()
    {
        // Given a full row; When \n follows; Then the next text is on the very next row
        var screen = new VirtualScreen(5, 3);
        screen.Write("abcde\nfg");

        screen.Lines.Should().Equal("abcde", "fg");
    }

    [Fact]
    public void Should_draw_wide_characters_in_two_cells_and_wrap_them_whole()
    {
        // Given a 5-column screen; When two wide characters are written; Then they take four cells
        var screen = new VirtualScreen(5, 3);
        screen.Write("中文");
        screen.Cursor.Should().Be((0, 4));

        // When another wide character does not fit in the last column; Then it wraps whole
        screen.Write("字");
        screen.Lines.Should().Equal("中文", "字");
        screen.Cursor.Should().Be((1, 2));
    }

    [Fact]
    public void Should_draw_an_emoji_in_two_cells_even_when_written_in_halves()
    {
        // Given a screen; When an emoji is written split between its surrogates, then more text
        var screen = new VirtualScreen(10, 3);
        screen.Write("a\ud83d");
        screen.Write("\ude00b");

        // Then the emoji is shown once and takes two cells
        screen.Lines.Should().Equal("a😀b");
        screen.Cursor.Should().Be((0, 4));
    }

    [Fact]
    public void Should_attach_combining_marks_to_the_previous_character()
    {
        // Given a screen; When e plus a combining acute accent is written; Then it takes one cell
        var screen = new VirtualScreen(10, 3);
        screen.Write("e\u0301x");

        screen.Lines.Should().Equal("e\u0301x");
        screen.Cursor.Should().Be((0, 2));
    }

    [Fact]
    public void Should_move_the_cursor_with_clamping_to_the_screen()
    {
        // Given a 10x4 screen
        var screen = new VirtualScreen(10, 4);

        // When the cursor is moved with CUP, CUU/CUD/CUF/CUB and CHA; Then it lands clamped
        screen.Write("\x1b[3;4H");
        screen.Cursor.Should().Be((2, 3));
        screen.Write("\x1b[A\x1b[2C");
        screen.Cursor.Should().Be((1, 5));
        screen.Write("\x1b[99B\x1b[99C");
        screen.Cursor.Should().Be((3, 9));
        screen.Write("\x1b[99A\x1b[99D");
        screen.Cursor.Should().Be((0, 0));
        screen.Write("\x1b[7G");
        screen.Cursor.Should().Be((0, 6));
        screen.Write("\x1b[H");
        screen.Cursor.Should().Be((0, 0));
    }

    [Fact]
    public void Should_count_bells_and_ignore_colors_modes_and_titles()
    {
        // Given a screen; When bells, SGR colors, private modes, an OSC title and an unknown CSI are written
        var screen = new VirtualScreen(20, 3);
        screen.Write("\a\x1b[1;31mred\x1b[0m\x1b[?2004h\x1b[?25l\x1b]0;title\a\x1b[5S!\a");

        // Then only the text is shown and the bells are counted
        screen.Lines.Should().Equal("red!");
        screen.Bells.Should().Be(2);
    }

    [Fact]
    public void Should_handle_an_escape_sequence_split_across_writes()
    {
        // Given a screen; When a cursor sequence is split across writes; Then it still moves the cursor
        var screen = new VirtualScreen(20, 3);
        screen.Write("abc\x1b[");
        screen.Write("2DX");

        screen.Lines.Should().Equal("aXc");
    }
}
