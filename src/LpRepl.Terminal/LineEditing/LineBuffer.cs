using System.Text;

namespace LpRepl.Terminal.LineEditing;

/// <summary>The text being edited and the cursor in it (an index between UTF-16 code units, never inside a surrogate pair).</summary>
public sealed class LineBuffer
{
    private readonly StringBuilder _text = new();

    public LineBuffer(string text = "", int? position = null)
    {
        _text.Append(text);
        Position = position ?? text.Length;
    }

    public string Text => _text.ToString();

    public int Length => _text.Length;

    public int Position { get; private set; }

    public bool IsEmpty => _text.Length == 0;

    public char this[int index] => _text[index];

    public void Insert(string text)
    {
        _text.Insert(Position, text);
        Position += text.Length;
    }

    /// <summary>Replaces the whole text, cursor at the end.</summary>
    public void Set(string text)
    {
        _text.Clear().Append(text);
        Position = text.Length;
    }

    public void Clear() => Set("");

    public void MoveTo(int position) => Position = Math.Clamp(position, 0, _text.Length);

    /// <summary>Removes <paramref name="length"/> units from <paramref name="start"/>, keeping the cursor on the same text, and returns them.</summary>
    public string Remove(int start, int length)
    {
        start = Math.Clamp(start, 0, _text.Length);
        length = Math.Clamp(length, 0, _text.Length - start);
        var removed = _text.ToString(start, length);
        _text.Remove(start, length);
        if (Position > start)
        {
            Position = Math.Max(start, Position - length);
        }
        return removed;
    }

    /// <summary>The index one user-visible character left of <paramref name="index"/> (a surrogate pair counts once).</summary>
    public int PreviousIndex(int index) =>
        index <= 0 ? 0 : index >= 2 && char.IsLowSurrogate(_text[index - 1]) && char.IsHighSurrogate(_text[index - 2]) ? index - 2 : index - 1;

    /// <summary>The index one user-visible character right of <paramref name="index"/>.</summary>
    public int NextIndex(int index) =>
        index >= _text.Length ? _text.Length : index + 1 < _text.Length && char.IsHighSurrogate(_text[index]) && char.IsLowSurrogate(_text[index + 1]) ? index + 2 : index + 1;

    /// <summary>Start of the word left of the cursor: skip non-word characters, then word characters (readline's backward-word).</summary>
    public int WordStartBefore(int index)
    {
        while (index > 0 && !IsWordChar(_text[index - 1]))
        {
            index--;
        }
        while (index > 0 && IsWordChar(_text[index - 1]))
        {
            index--;
        }
        return index;
    }

    /// <summary>End of the word right of the cursor (readline's forward-word).</summary>
    public int WordEndAfter(int index)
    {
        while (index < _text.Length && !IsWordChar(_text[index]))
        {
            index++;
        }
        while (index < _text.Length && IsWordChar(_text[index]))
        {
            index++;
        }
        return index;
    }

    /// <summary>Start of the whitespace-delimited word left of the cursor (Ctrl-W, unix-word-rubout).</summary>
    public int BlankWordStartBefore(int index)
    {
        while (index > 0 && char.IsWhiteSpace(_text[index - 1]))
        {
            index--;
        }
        while (index > 0 && !char.IsWhiteSpace(_text[index - 1]))
        {
            index--;
        }
        return index;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || char.IsSurrogate(c);
}
