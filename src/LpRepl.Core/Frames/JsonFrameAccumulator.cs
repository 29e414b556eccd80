using System.Text;

namespace LpRepl.Frames;

/// <summary>
/// A frame read line by line: the text so far, and whether its brackets balance, kept up to date
/// by scanning only what each line adds — so a 60,000-line frame costs 60,000 lines, not their square.
/// <see cref="JsonBalance.IsComplete"/> is this scan over a whole text at once.
/// </summary>
public sealed class JsonFrameAccumulator
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _inString;
    private bool _escaped;
    private bool _brokenString;
    private long _length;

    public JsonFrameAccumulator(string first, long maxLength = long.MaxValue)
    {
        MaxLength = maxLength;
        Append(first);
    }

    /// <summary>Past this many characters the text is no longer kept, only scanned, so the frame's end is still found.</summary>
    public long MaxLength { get; }

    /// <summary>The frame grew past <see cref="MaxLength"/>: its text is gone and it must not be sent.</summary>
    public bool TooLong => _length > MaxLength;

    /// <summary>Characters seen, kept or not.</summary>
    public long Length => _length;

    /// <summary>True when every bracket outside strings is closed (or a string ran into a newline: the validator says where).</summary>
    public bool IsComplete => _brokenString || (_depth <= 0 && !_inString);

    public string Text => _text.ToString();

    /// <summary>Adds the next line, after a newline.</summary>
    public void AppendLine(string line)
    {
        Append("\n");
        Append(line);
    }

    public void Append(string text)
    {
        _length += text.Length;
        if (TooLong)
        {
            // Memory stays bounded whatever the input; the scan below still finds where the frame ends.
            _text.Clear();
        }
        else
        {
            _text.Append(text);
        }
        if (_brokenString)
        {
            return;
        }
        foreach (var c in text)
        {
            if (_inString)
            {
                if (c == '\n')
                {
                    // JSON strings cannot hold a raw newline: the quote was unbalanced.
                    _brokenString = true;
                    return;
                }
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (c == '\\')
                {
                    _escaped = true;
                }
                else if (c == '"')
                {
                    _inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    _inString = true;
                    break;
                case '{' or '[':
                    _depth++;
                    break;
                case '}' or ']':
                    _depth--;
                    break;
            }
        }
    }
}
