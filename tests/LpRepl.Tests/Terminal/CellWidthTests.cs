using LpRepl.Terminal.Rendering;

namespace LpRepl.Tests.Terminal;

public class CellWidthTests
{
    [Theory]
    [InlineData("a", 1)]
    [InlineData("é", 1)]
    [InlineData("e\u0301", 1)]
    [InlineData("\u0301", 0)]
    [InlineData("\u200d", 0)]
    [InlineData("\ufe0f", 0)]
    [InlineData("中", 2)]
    [InlineData("한", 2)]
    [InlineData("ｱ", 1)]
    [InlineData("Ａ", 2)]
    [InlineData("😀", 2)]
    [InlineData("🤖", 2)]
    [InlineData("〿", 1)]
    [InlineData("lp> 中😀", 8)]
    public void Should_measure_cell_widths(string text, int expected)
    {
        // Given text; When its width is measured; Then it matches what the terminal draws
        CellWidth.Of(text).Should().Be(expected);
    }

    [Fact]
    public void Should_measure_code_points()
    {
        // Given code points from each class; When measured; Then 1, 0 and 2 cells
        CellWidth.Of('x').Should().Be(1);
        CellWidth.Of(0x0301).Should().Be(0);
        CellWidth.Of(0x20000).Should().Be(2);
        CellWidth.Of(0x1F600).Should().Be(2);
    }
}
