using LpRepl.Terminal.Input;

namespace LpRepl.Tests.Terminal;

public class KeyDecoderTextTests
{
    private readonly KeyDecoder _decoder = new();

    [Fact]
    public void Should_decode_printable_text_as_one_key_per_character()
    {
        // Given a decoder; When a user types "hé!"; Then each character is one printable key
        _decoder.Feed("hé!").Should().Equal(KeyPress.Printable("h"), KeyPress.Printable("é"), KeyPress.Printable("!"));
    }

    [Fact]
    public void Should_keep_a_surrogate_pair_as_one_key_even_when_split()
    {
        // Given a decoder; When an emoji arrives whole and then split across chunks; Then one key each time
        _decoder.Feed("😀").Should().Equal(KeyPress.Printable("😀"));
        _decoder.Feed("x\ud83d").Should().Equal(KeyPress.Printable("x"));
        _decoder.HasPending.Should().BeTrue();
        _decoder.Feed("\ude00").Should().Equal(KeyPress.Printable("😀"));
    }

    [Fact]
    public void Should_treat_everything_inside_a_bracketed_paste_as_literal_text()
    {
        // Given a decoder; When a paste with line ends, a tab, a control and an escape sequence arrives
        var keys = _decoder.Feed("\x1b[200~a\r\nb\rc\nd\te\x03\x1b[Af\x1b[201~\r");

        // Then the text is literal, line ends are \n, and keys resume after the paste ends
        keys.Should().Equal(
            [
                KeyPress.Of(Key.PasteStart),
                .. "a\nb\nc\nd\te\x03\x1b[Af".Select(c => KeyPress.Printable(c.ToString())),
                KeyPress.Of(Key.PasteEnd),
                KeyPress.Of(Key.Enter),
            ]);
    }

    [Fact]
    public void Should_end_a_paste_whose_end_marker_is_split_across_chunks()
    {
        // Given a paste in progress
        _decoder.Feed("\x1b[200~hi\x1b[2").Should().Equal(KeyPress.Of(Key.PasteStart), KeyPress.Printable("h"), KeyPress.Printable("i"));

        // When silence follows; Then the partial marker is kept, since the rest of the paste will come
        _decoder.HasPending.Should().BeFalse();
        _decoder.Flush().Should().BeEmpty();

        // When the rest of the marker arrives; Then the paste ends and keys decode normally again
        _decoder.Feed("0").Should().BeEmpty();
        _decoder.Feed("1~\x01").Should().Equal(KeyPress.Of(Key.PasteEnd), KeyPress.Ctrl('a'));
    }

    [Fact]
    public void Should_normalize_a_cr_lf_split_across_chunks_inside_a_paste()
    {
        // Given a paste whose \r\n is split across chunks; When decoded; Then one \n
        var keys = _decoder.Feed("\u001b[200~a\r").Concat(_decoder.Feed("\nb\u001b[201~"));

        keys.Should().Equal(
            KeyPress.Of(Key.PasteStart), KeyPress.Printable("a"), KeyPress.Printable("\n"), KeyPress.Printable("b"), KeyPress.Of(Key.PasteEnd));
    }

    [Fact]
    public void Should_decode_a_lone_surrogate_as_unknown()
    {
        // Given a decoder; When a high surrogate is followed by a letter, and another by silence; Then Unknown keys
        _decoder.Feed("\ud83dx").Should().Equal(KeyPress.Of(Key.Unknown), KeyPress.Printable("x"));
        _decoder.Feed("\ud83d").Should().BeEmpty();
        _decoder.Flush().Should().Equal(KeyPress.Of(Key.Unknown));
    }

    [Fact]
    public void Should_emit_an_almost_end_marker_inside_a_paste_as_text()
    {
        // Given a decoder; When a paste contains ESC [ 2 0 2 ~ and ESC ESC [ 201 ~; Then only the exact marker ends it
        var keys = _decoder.Feed("\x1b[200~\x1b[202~\x1b\x1b[201~");

        keys.Should().Equal(
            [
                KeyPress.Of(Key.PasteStart),
                .. "\x1b[202~\x1b".Select(c => KeyPress.Printable(c.ToString())),
                KeyPress.Of(Key.PasteEnd),
            ]);
    }

    [Fact]
    public void Should_decode_a_100_kb_paste_in_chunks_whole()
    {
        // Given over 100 KB of pasted text, in 4 KB chunks
        var text = string.Concat(Enumerable.Repeat("The quick brown fox 😀 jumps\r\n", 3500));
        var input = "\x1b[200~" + text + "\x1b[201~";

        // When it is decoded
        var keys = new List<KeyPress>();
        for (var i = 0; i < input.Length; i += 4096)
        {
            keys.AddRange(_decoder.Feed(input.AsSpan(i, Math.Min(4096, input.Length - i))));
        }
        text.Length.Should().BeGreaterThan(100_000);

        // Then the text comes back whole, with line ends as \n (speed is for benchmarks, not tests)
        keys[0].Should().Be(KeyPress.Of(Key.PasteStart));
        keys[^1].Should().Be(KeyPress.Of(Key.PasteEnd));
        string.Concat(keys.Skip(1).SkipLast(1).Select(k => k.Text)).Should().Be(text.Replace("\r\n", "\n"));
    }
}
