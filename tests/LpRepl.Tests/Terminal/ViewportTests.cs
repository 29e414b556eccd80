using LpRepl.Terminal.Rendering;

namespace LpRepl.Tests.Terminal;

/// <summary>Which rows of an input taller than the window are on screen as the cursor moves.</summary>
public class ViewportTests
{
    [Fact]
    public void Should_show_every_row_of_an_input_that_fits()
    {
        Viewport.Follow(total: 10, cursorRow: 5, height: 10, previousTop: 0).Should().Be(new Viewport(0, 10, false, false));
    }

    [Fact]
    public void Should_show_the_first_rows_and_a_marker_below_when_the_cursor_is_on_the_first_row()
    {
        Viewport.Follow(total: 63, cursorRow: 0, height: 45, previousTop: 0).Should().Be(new Viewport(0, 44, Above: false, Below: true));
    }

    [Fact]
    public void Should_show_the_last_rows_and_a_marker_above_when_the_cursor_is_on_the_last_row()
    {
        Viewport.Follow(total: 63, cursorRow: 62, height: 45, previousTop: 0).Should().Be(new Viewport(19, 44, Above: true, Below: false));
    }

    [Fact]
    public void Should_stay_put_while_the_cursor_moves_inside_the_window()
    {
        Viewport.Follow(total: 63, cursorRow: 30, height: 45, previousTop: 19).Should().Be(new Viewport(19, 44, Above: true, Below: false));
    }

    [Fact]
    public void Should_scroll_by_one_row_when_the_cursor_leaves_the_window_at_its_top()
    {
        // The row below the window is now hidden too, so a marker takes the last row.
        Viewport.Follow(total: 63, cursorRow: 18, height: 45, previousTop: 19).Should().Be(new Viewport(18, 43, Above: true, Below: true));
    }

    [Fact]
    public void Should_scroll_so_the_cursor_is_on_the_last_text_row_when_it_leaves_the_window_at_its_bottom()
    {
        var view = Viewport.Follow(total: 63, cursorRow: 44, height: 45, previousTop: 0);

        view.Should().Be(new Viewport(2, 43, Above: true, Below: true));
        (view.Top + view.Rows - 1).Should().Be(44);
    }

    [Fact]
    public void Should_leave_no_blank_rows_at_the_end_when_the_input_shrinks()
    {
        Viewport.Follow(total: 50, cursorRow: 49, height: 45, previousTop: 40).Should().Be(new Viewport(6, 44, Above: true, Below: false));
    }

    [Fact]
    public void Should_keep_the_cursor_row_on_screen_and_fit_the_window_whatever_the_sizes()
    {
        for (var height = 1; height <= 8; height++)
        {
            for (var total = 1; total <= 20; total++)
            {
                for (var previous = 0; previous < total; previous++)
                {
                    for (var cursor = 0; cursor < total; cursor++)
                    {
                        var view = Viewport.Follow(total, cursor, height, previous);
                        var what = $"total {total}, height {height}, previous top {previous}, cursor {cursor}: {view}";
                        view.ScreenRows.Should().BeLessThanOrEqualTo(height, what);
                        cursor.Should().BeInRange(view.Top, view.Top + view.Rows - 1, what);
                        view.Below.Should().Be(height >= 3 && view.Top + view.Rows < total, what);
                        view.Above.Should().Be(height >= 3 && view.Top > 0, what);
                        if (total > height)
                        {
                            view.ScreenRows.Should().Be(height, $"a tall input uses the whole window ({what})");
                        }
                    }
                }
            }
        }
    }
}
