using LpRepl.Repl;

namespace LpRepl.Tests.Repl;

public class TextLayoutTests
{
    [Fact]
    public void Should_wrap_descriptions_at_word_boundaries_under_where_they_start()
    {
        var table = TextLayout.Table([("run FILE", "run a script of lines as if typed, stopping at the first failure (also: source)"), ("vars", "list variables")], 40);

        table.Split('\n').Should().Equal(
            "  run FILE  run a script of lines as if",
            "            typed, stopping at the first",
            "            failure (also: source)",
            "  vars      list variables");
    }

    [Fact]
    public void Should_put_the_description_under_a_name_too_long_for_the_column()
    {
        var table = TextLayout.Table([("fault drop|freeze|thaw|close CODE [REASON]", "inject faults"), ("help", "list commands")], 60);

        table.Split('\n').Should().Equal(
            "  fault drop|freeze|thaw|close CODE [REASON]",
            "      inject faults",
            "  help  list commands");
    }

    [Fact]
    public void Should_keep_a_word_longer_than_the_width_whole()
    {
        TextLayout.Wrap("a {\"kind\":\"req\",\"id\":1} b", 10).Should().Equal("a", "{\"kind\":\"req\",\"id\":1}", "b");
    }

    [Fact]
    public void Should_wrap_each_line_under_its_own_indent()
    {
        var text = "LpRepl 0.1.0 · using the embedded emulator\n  try: signup · connect · help";

        TextLayout.Lines(text, 24).Split('\n').Should().Equal(
            "LpRepl 0.1.0 · using the",
            "  embedded emulator",
            "  try: signup · connect",
            "    · help");
    }

    [Fact]
    public void Should_leave_lines_whole_where_no_terminal_shows_them()
    {
        TextLayout.Lines("a b c\n  d e", null).Should().Be("a b c\n  d e");
    }
}
