using LpRepl.Security;

namespace LpRepl.Tests.Security;

public class ControlCharactersTests
{
    [Theory]
    [InlineData("\u001b]0;pwned\u0007", "\\u001b]0;pwned\\u0007")]
    [InlineData("\u001b[2J", "\\u001b[2J")]
    [InlineData("a\rb", "a\\u000db")]
    [InlineData("nul\0", "nul\\u0000")]
    [InlineData("del\u007f", "del\\u007f")]
    [InlineData("csi\u009b31m", "csi\\u009b31m")]
    [InlineData("c1\u0080\u0085\u009f", "c1\\u0080\\u0085\\u009f")]
    [InlineData("\u202eevil", "\\u202eevil")]
    [InlineData("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d")]
    [InlineData("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069")]
    public void Should_show_every_control_and_bidi_override_as_a_visible_escape(string text, string shown)
    {
        ControlCharacters.Escape(text).Should().Be(shown);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("two\nlines\tand a tab")]
    [InlineData("é ü → ✅ 日本 \u00a0 \u200d")]
    public void Should_leave_printable_text_newlines_and_tabs_alone(string text)
    {
        ControlCharacters.Escape(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Should_escape_newlines_too_for_a_value_shown_on_one_line()
    {
        ControlCharacters.Escape("a\nb\u001b", keepNewlines: false).Should().Be("a\\u000ab\\u001b");
    }

    [Fact]
    public void Should_leave_no_unsafe_character_in_any_text()
    {
        var every = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).ToArray());

        ControlCharacters.Escape(every).Where(c => c is not ('\n' or '\t')).Should().NotContain(c => char.IsControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'));
    }
}
