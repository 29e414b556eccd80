using System.Text;

namespace LpRepl.Terminal.Input;

/// <summary>
/// Turns raw terminal input, fed in arbitrary chunks, into <see cref="KeyPress"/> values the way
/// xterm, tmux and VT100-style terminals send them: control characters, Alt (ESC-prefixed) keys,
/// CSI/SS3 cursor and editing keys with modifiers, and bracketed paste, inside which everything
/// is literal text. A sequence cut off at the end of a chunk is held until the next
/// <see cref="Feed"/>, or until the owner calls <see cref="Flush"/> after a short silence.
/// </summary>
public sealed class KeyDecoder
{
    private const char Esc = '\u001b';
    private const string PasteEndMarker = "\u001b[201~";

    // Real key sequences are short; past this a runaway sequence is still consumed but not kept.
    private const int MaxSequenceLength = 32;

    private static readonly KeyPress Unknown = KeyPress.Of(Key.Unknown);

    private readonly StringBuilder _sequence = new();
    private List<KeyPress> _keys = [];
    private KeyDecoderState _state;
    private bool _inPaste;
    private bool _afterCr;

    /// <summary>
    /// True while something is held that <see cref="Flush"/> would resolve: an incomplete sequence,
    /// or a \r whose \n may still follow (a flush makes a later \n a key of its own). A partial
    /// paste-end marker inside a paste is not counted: the rest of the paste will come.
    /// </summary>
    public bool HasPending => _afterCr || _state is not (KeyDecoderState.Ground or KeyDecoderState.PasteEnd);

    /// <summary>Decodes a chunk of input and returns the keys it completed, in order.</summary>
    public IReadOnlyList<KeyPress> Feed(ReadOnlySpan<char> chunk)
    {
        _keys = new List<KeyPress>(chunk.Length);
        foreach (var c in chunk)
        {
            _state = Step(c);
        }
        return _keys;
    }

    /// <summary>
    /// Resolves what is held after a silence: a lone ESC is the Escape key, <c>ESC [</c> and
    /// <c>ESC O</c> are Alt+[ and Alt+O, a longer cut-off sequence is one Unknown key.
    /// </summary>
    public IReadOnlyList<KeyPress> Flush()
    {
        _keys = [];
        // After a pause a following \n is a new key press, not the second half of \r\n.
        _afterCr = false;
        if (_state is not (KeyDecoderState.Ground or KeyDecoderState.PasteEnd))
        {
            _keys.Add(_state switch
            {
                KeyDecoderState.Escape => KeyPress.Of(Key.Escape),
                KeyDecoderState.HighSurrogate => Unknown,
                _ => Incomplete(),
            });
            _sequence.Clear();
            _state = KeyDecoderState.Ground;
        }
        return _keys;
    }

    // Each step handles one char in the current state and returns the next state.
    private KeyDecoderState Step(char c) => _state switch
    {
        KeyDecoderState.Escape => AfterEscape(c),
        KeyDecoderState.Csi or KeyDecoderState.Ss3 => InSequence(c),
        KeyDecoderState.PasteEnd => InPasteEnd(c),
        KeyDecoderState.HighSurrogate => AfterHighSurrogate(c),
        _ => Ground(c),
    };

    private KeyDecoderState Ground(char c)
    {
        var afterCr = _afterCr;
        _afterCr = false;
        if (c == '\n' && afterCr)
        {
            return KeyDecoderState.Ground;
        }
        if (char.IsHighSurrogate(c))
        {
            return Begin(KeyDecoderState.HighSurrogate, c);
        }
        if (c == Esc)
        {
            return Begin(_inPaste ? KeyDecoderState.PasteEnd : KeyDecoderState.Escape, c);
        }
        _afterCr = c == '\r';
        // Inside a paste everything is text, and line ends are \n.
        _keys.Add(char.IsLowSurrogate(c) ? Unknown
            : _inPaste ? KeyPress.Printable(c == '\r' ? "\n" : SingleKey.Text(c))
            : SingleKey.Of(c));
        return KeyDecoderState.Ground;
    }

    private KeyDecoderState AfterEscape(char c)
    {
        if (c == Esc)
        {
            // The first ESC was the Escape key; the second may start a sequence.
            _keys.Add(KeyPress.Of(Key.Escape));
            return KeyDecoderState.Escape;
        }
        if (c is '[' or 'O')
        {
            _sequence.Append(c);
            return c == '[' ? KeyDecoderState.Csi : KeyDecoderState.Ss3;
        }
        _sequence.Clear();
        if (char.IsSurrogate(c))
        {
            _keys.Add(KeyPress.Of(Key.Escape));
            return Ground(c);
        }
        // Terminals send Alt+key (and Ctrl+Alt+key) as ESC followed by the key.
        var key = SingleKey.Of(c);
        _keys.Add(key with { Modifiers = key.Modifiers | KeyModifiers.Alt });
        return KeyDecoderState.Ground;
    }

    private KeyDecoderState InSequence(char c)
    {
        if (c is >= ' ' and <= '?')
        {
            // Parameter and intermediate characters.
            if (_sequence.Length < MaxSequenceLength)
            {
                _sequence.Append(c);
            }
            return _state;
        }
        if (c is >= '@' and <= '~')
        {
            var key = _sequence.Length >= MaxSequenceLength ? Unknown : EscapeSequence.Decode(_state == KeyDecoderState.Ss3, _sequence.ToString(2, _sequence.Length - 2) + c);
            _sequence.Clear();
            _inPaste = key.Key == Key.PasteStart;
            _keys.Add(key);
            return KeyDecoderState.Ground;
        }
        // A control or non-ASCII character cannot be part of a sequence: the sequence was cut short.
        _keys.Add(Incomplete());
        _sequence.Clear();
        return Ground(c);
    }

    private KeyDecoderState InPasteEnd(char c)
    {
        if (c == PasteEndMarker[_sequence.Length])
        {
            _sequence.Append(c);
            if (_sequence.Length < PasteEndMarker.Length)
            {
                return KeyDecoderState.PasteEnd;
            }
            _sequence.Clear();
            _inPaste = false;
            _keys.Add(KeyPress.Of(Key.PasteEnd));
            return KeyDecoderState.Ground;
        }
        // Not the end marker after all: what was held is pasted text.
        foreach (var held in _sequence.ToString())
        {
            _keys.Add(KeyPress.Printable(SingleKey.Text(held)));
        }
        _sequence.Clear();
        return Ground(c);
    }

    private KeyDecoderState AfterHighSurrogate(char c)
    {
        var high = _sequence[0];
        _sequence.Clear();
        if (char.IsLowSurrogate(c))
        {
            _keys.Add(KeyPress.Printable(new string([high, c])));
            return KeyDecoderState.Ground;
        }
        _keys.Add(Unknown);
        return Ground(c);
    }

    // What a cut-off CSI/SS3 sequence most likely was.
    private KeyPress Incomplete() => _sequence.Length == 2 ? KeyPress.Alt(_sequence[1]) : Unknown;

    private KeyDecoderState Begin(KeyDecoderState state, char c)
    {
        _sequence.Clear().Append(c);
        return state;
    }
}
