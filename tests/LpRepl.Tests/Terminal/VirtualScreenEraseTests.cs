using LpRepl.Testing;

namespace LpRepl.Tests.Terminal;

public class VirtualScreenEraseTests
{
    [Fact]
    public void Should_blank_the_other_half_of_an_overwritten_wide_character()
    {
        // Given a wide character; When its right half is overwritten; Then its left half is blanked
        var screen = new VirtualScreen(10, 3);
        screen.Write("中文\x1b[2Gx");

        screen.Lines.Should().Equal(" x文");
    }

    [Fact]
    public void Should_erase_to_the_end_of_the_line_and_the_whole_line()
    {
        // Given two rows; When ESC[K erases from column 2; Then the rest of that row is gone
        var screen = new VirtualScreen(10, 3);
        screen.Write("abcdef\nghij\x1b[1;3H\x1b[K");
        screen.Lines.Should().Equal("ab", "ghij");
        screen.Cursor.Should().Be((0, 2));

        // When ESC[2K erases the second row; Then it is empty and the cursor has not moved
        screen.Write("\x1b[2;2H\x1b[2K");
        screen.Lines.Should().Equal("ab");
        screen.Cursor.Should().Be((1, 1));
    }

    [Fact]
    public void Should_erase_from_the_cursor_to_the_end_of_the_screen()
    {
        // Given three rows; When ESC[J is written in the middle row; Then the rest of the screen is cleared
        var screen = new VirtualScreen(10, 4);
        screen.Write("111\n222\n333\x1b[2;2H\x1b[0J");

        screen.Lines.Should().Equal("111", "2");
    }

    [Fact]
    public void Should_erase_the_visible_screen_without_moving_the_cursor()
    {
        // Given text; When ESC[2J is written; Then the screen is empty and the cursor stays
        var screen = new VirtualScreen(10, 4);
        screen.Write("111\n222\x1b[2J");

        screen.Lines.Should().BeEmpty();
        screen.Cursor.Should().Be((1, 3));
    }

    [Fact]
    public void Should_scroll_rows_off_the_top_into_the_scrollback()
    {
        // Given a 3-row screen; When five lines are written
        var screen = new VirtualScreen(10, 3);
        screen.Write("1\n2\n3\n4\n5");

        // Then all five are in Lines and the cursor counts the scrollback
        screen.Lines.Should().Equal("1", "2", "3", "4", "5");
        screen.Cursor.Should().Be((4, 1));

        // When the cursor goes home and the screen is erased; Then only the visible rows are cleared
        screen.Write("\x1b[H\x1b[J");
        screen.Lines.Should().Equal("1", "2");
        screen.Cursor.Should().Be((2, 0));
    }

    [Fact]
    public void Should_scroll_when_a_wrap_happens_on_the_bottom_row()
    {
        // Given a full 2-row screen; When more text wraps past the bottom; Then the top row scrolls off
        var screen = new VirtualScreen(3, 2);
        screen.Write("abcdefg");

        screen.Lines.Should().Equal("abc", "def", "g");
        screen.Cursor.Should().Be((2, 1));
    }
}
