using LpRepl.Terminal.Input;

namespace LpRepl.Tests.Terminal;

public class KeyDecoderTests
{
    private readonly KeyDecoder _decoder = new();

    [Theory]
    [InlineData("\r", Key.Enter)]
    [InlineData("\n", Key.Enter)]
    [InlineData("\t", Key.Tab)]
    [InlineData("\x7f", Key.Backspace)]
    [InlineData("\b", Key.Backspace)]
    public void Should_decode_the_keys_sent_as_single_control_characters(string input, Key expected)
    {
        // Given a decoder; When the control character arrives; Then it is the named key
        _decoder.Feed(input).Should().Equal(KeyPress.Of(expected));
    }

    [Fact]
    public void Should_decode_cr_lf_as_one_enter()
    {
        // Given a decoder; When \r\n arrives, in one chunk or split; Then it is one Enter each time
        _decoder.Feed("a\r\nb").Should().Equal(KeyPress.Printable("a"), KeyPress.Of(Key.Enter), KeyPress.Printable("b"));
        _decoder.Feed("\r").Should().Equal(KeyPress.Of(Key.Enter));
        _decoder.Feed("\n").Should().BeEmpty();
        _decoder.Feed("\r\r").Should().Equal(KeyPress.Of(Key.Enter), KeyPress.Of(Key.Enter));
    }

    [Fact]
    public void Should_decode_a_newline_after_a_pause_as_another_enter()
    {
        // Given an Enter, which leaves a \n of \r\n pending, then silence (the owner flushes)
        _decoder.Feed("\r");
        _decoder.HasPending.Should().BeTrue();
        _decoder.Flush().Should().BeEmpty();
        _decoder.HasPending.Should().BeFalse();

        // When \n arrives; Then it is a second Enter
        _decoder.Feed("\n").Should().Equal(KeyPress.Of(Key.Enter));
    }

    [Theory]
    [InlineData('\x01', 'a')]
    [InlineData('\x03', 'c')]
    [InlineData('\x04', 'd')]
    [InlineData('\x0b', 'k')]
    [InlineData('\x0c', 'l')]
    [InlineData('\x12', 'r')]
    [InlineData('\x17', 'w')]
    [InlineData('\x1a', 'z')]
    public void Should_decode_c0_controls_as_ctrl_letters(char input, char letter)
    {
        // Given a decoder; When a control character arrives; Then it is Ctrl plus its letter
        _decoder.Feed(input.ToString()).Should().Equal(KeyPress.Ctrl(letter));
    }

    [Fact]
    public void Should_decode_nul_as_ctrl_space_and_the_remaining_controls_as_unknown()
    {
        // Given a decoder; When NUL and 0x1c..0x1f arrive; Then Ctrl+space and Control Unknown keys
        _decoder.Feed("\0").Should().Equal(new KeyPress(Key.Char, " ", KeyModifiers.Control));
        _decoder.Feed("\x1c\x1d\x1e\x1f").Should().HaveCount(4).And.OnlyContain(k => k == KeyPress.Of(Key.Unknown, KeyModifiers.Control));
    }

    [Fact]
    public void Should_decode_escape_followed_by_a_character_as_alt()
    {
        // Given a decoder; When ESC b, ESC DEL and ESC Ctrl-F arrive; Then Alt+b, Alt+Backspace and Ctrl+Alt+f
        _decoder.Feed("\u001bb\u001b\u007f\u001b\u0006").Should().Equal(
            KeyPress.Alt('b'),
            KeyPress.Of(Key.Backspace, KeyModifiers.Alt),
            new KeyPress(Key.Char, "f", KeyModifiers.Control | KeyModifiers.Alt));
    }

    [Fact]
    public void Should_hold_a_trailing_escape_until_the_next_chunk_or_a_flush()
    {
        // Given a chunk ending in ESC; Then nothing is decoded yet and something is pending
        _decoder.Feed("x\x1b").Should().Equal(KeyPress.Printable("x"));
        _decoder.HasPending.Should().BeTrue();

        // When the next chunk completes it; Then it is Alt+f
        _decoder.Feed("f").Should().Equal(KeyPress.Alt('f'));
        _decoder.HasPending.Should().BeFalse();

        // When a lone ESC is followed by silence; Then the flush makes it Escape
        _decoder.Feed("\x1b").Should().BeEmpty();
        _decoder.Flush().Should().Equal(KeyPress.Of(Key.Escape));
        _decoder.HasPending.Should().BeFalse();
        _decoder.Flush().Should().BeEmpty();
    }

    [Fact]
    public void Should_decode_escape_escape_as_escape_then_continue()
    {
        // Given a decoder; When ESC ESC [A arrives; Then Escape then Up
        _decoder.Feed("\x1b\x1b[A").Should().Equal(KeyPress.Of(Key.Escape), KeyPress.Of(Key.Up));
    }

    [Theory]
    [InlineData("\x1b[A", Key.Up)]
    [InlineData("\x1b[B", Key.Down)]
    [InlineData("\x1b[C", Key.Right)]
    [InlineData("\x1b[D", Key.Left)]
    [InlineData("\x1b[H", Key.Home)]
    [InlineData("\x1b[F", Key.End)]
    [InlineData("\x1bOA", Key.Up)]
    [InlineData("\x1bOB", Key.Down)]
    [InlineData("\x1bOC", Key.Right)]
    [InlineData("\x1bOD", Key.Left)]
    [InlineData("\x1bOH", Key.Home)]
    [InlineData("\x1bOF", Key.End)]
    [InlineData("\x1b[1~", Key.Home)]
    [InlineData("\x1b[7~", Key.Home)]
    [InlineData("\x1b[4~", Key.End)]
    [InlineData("\x1b[8~", Key.End)]
    [InlineData("\x1b[2~", Key.Insert)]
    [InlineData("\x1b[3~", Key.Delete)]
    [InlineData("\x1b[5~", Key.PageUp)]
    [InlineData("\x1b[6~", Key.PageDown)]
    public void Should_decode_cursor_and_editing_keys(string input, Key expected)
    {
        // Given a decoder; When the CSI or SS3 sequence arrives; Then it is the named key
        _decoder.Feed(input).Should().Equal(KeyPress.Of(expected));
    }

    [Theory]
    [InlineData("\x1b[1;5C", Key.Right, KeyModifiers.Control)]
    [InlineData("\x1b[1;3D", Key.Left, KeyModifiers.Alt)]
    [InlineData("\x1b[1;2A", Key.Up, KeyModifiers.Shift)]
    [InlineData("\x1b[1;6B", Key.Down, KeyModifiers.Shift | KeyModifiers.Control)]
    [InlineData("\x1b[1;8H", Key.Home, KeyModifiers.Shift | KeyModifiers.Alt | KeyModifiers.Control)]
    [InlineData("\x1b[1;5F", Key.End, KeyModifiers.Control)]
    [InlineData("\x1b[3;5~", Key.Delete, KeyModifiers.Control)]
    [InlineData("\x1b[5;3~", Key.PageUp, KeyModifiers.Alt)]
    [InlineData("\x1b[1;1C", Key.Right, KeyModifiers.None)]
    [InlineData("\x1b[Z", Key.Tab, KeyModifiers.Shift)]
    public void Should_decode_modifiers_of_cursor_and_editing_keys(string input, Key key, KeyModifiers modifiers)
    {
        // Given a decoder; When a key with an xterm modifier parameter arrives; Then the modifiers are set
        _decoder.Feed(input).Should().Equal(KeyPress.Of(key, modifiers));
    }

    [Fact]
    public void Should_decode_a_sequence_split_at_every_position()
    {
        const string input = "a\x1b[1;5Cb";
        for (var split = 0; split <= input.Length; split++)
        {
            // Given a fresh decoder; When the input arrives in two chunks split at this position
            var decoder = new KeyDecoder();
            var keys = decoder.Feed(input.AsSpan(0, split)).Concat(decoder.Feed(input.AsSpan(split))).ToList();

            // Then the keys are the same as when it arrives whole
            keys.Should().Equal([KeyPress.Printable("a"), KeyPress.Of(Key.Right, KeyModifiers.Control), KeyPress.Printable("b")], $"split at {split}");
            decoder.HasPending.Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("\x1b[15~")]
    [InlineData("\x1b[<0;12;5M")]
    [InlineData("\x1b[27;5;13~")]
    [InlineData("\x1bOP")]
    [InlineData("\x1b[?1;2c")]
    [InlineData("\x1b[1;5X")]
    public void Should_consume_an_unknown_sequence_whole_as_one_unknown_key(string sequence)
    {
        // Given a decoder; When an unknown sequence arrives between text; Then it is one Unknown and no bytes leak
        _decoder.Feed("a" + sequence + "b").Should().Equal(KeyPress.Printable("a"), KeyPress.Of(Key.Unknown), KeyPress.Printable("b"));
    }

    [Fact]
    public void Should_flush_a_cut_off_sequence_without_leaking_its_bytes()
    {
        // Given an incomplete CSI sequence; When silence follows; Then one Unknown key
        _decoder.Feed("\x1b[1;").Should().BeEmpty();
        _decoder.HasPending.Should().BeTrue();
        _decoder.Flush().Should().Equal(KeyPress.Of(Key.Unknown));

        // Given ESC [ alone (Alt+[); When silence follows; Then Alt+[
        _decoder.Feed("\x1b[");
        _decoder.Flush().Should().Equal(KeyPress.Alt('['));
    }

    [Fact]
    public void Should_end_a_cut_off_sequence_at_a_control_character()
    {
        // Given a decoder; When a sequence is interrupted by Enter; Then Unknown then Enter
        _decoder.Feed("\x1b[1;\r").Should().Equal(KeyPress.Of(Key.Unknown), KeyPress.Of(Key.Enter));
    }
}
