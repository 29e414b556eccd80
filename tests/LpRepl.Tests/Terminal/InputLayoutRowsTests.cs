using LpRepl.Terminal.Rendering;

namespace LpRepl.Tests.Terminal;

/// <summary>The layout row by row, as an input taller than the window is drawn.</summary>
public class InputLayoutRowsTests
{
    [Fact]
    public void Should_split_wrapped_lines_into_rows_with_the_prompts_apart()
    {
        InputLayout.Rows("lp> ", "... ", "0123456789abcdefghij\nxy", width: 10).Should().Equal(
            new LayoutRow(0, "lp> ", "012345", 10),
            new LayoutRow(0, "", "6789abcdef", 10),
            new LayoutRow(0, "", "ghij", 4),
            new LayoutRow(1, "... ", "xy", 6));
    }

    [Fact]
    public void Should_move_a_wide_character_that_does_not_fit_to_the_next_row()
    {
        InputLayout.Rows("lp> ", "... ", "abcde中", width: 10).Should().Equal(
            new LayoutRow(0, "lp> ", "abcde", 9),
            new LayoutRow(0, "", "中", 2));
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("abcdef", 10)]
    [InlineData("abcdefghijklmnop", 10)]
    [InlineData("{\n  \"a\": 1,\n  \"b\": \"0123456789\"\n}", 8)]
    [InlineData("中中中中中\n\n😀e\u0301x", 5)]
    [InlineData("a\nbcdefg\nhijklmnopqrstu", 1)]
    public void Should_have_as_many_rows_as_the_layout_of_the_whole_input(string text, int width)
    {
        var rows = InputLayout.Rows("lp> ", "... ", text, width);
        var layout = InputLayout.Compute("lp> ", "... ", text, text.Length, width);

        rows.Count.Should().Be(layout.EndRow + 1 - (layout.WrapAtEnd ? 1 : 0));
        rows.Should().OnlyContain(r => r.Cells <= width);
        string.Join("\n", rows.GroupBy(r => r.Line).Select(g => string.Concat(g.Select(r => r.Text)))).Should().Be(text);
    }
}
