namespace LpRepl.Templating;

/// <summary>
/// Whether a walk over JSON text, character by character, is inside a string: only quotes and backslash escapes
/// matter. A <c>{{ }}</c> slot is filled by it (escaped inside a string, a scalar or a quoted string outside one).
/// </summary>
internal struct JsonStringWalk
{
    private bool _escaped;

    public bool InString { get; private set; }

    public void Step(char c)
    {
        if (!InString)
        {
            InString = c == '"';
        }
        else if (_escaped)
        {
            _escaped = false;
        }
        else if (c == '\\')
        {
            _escaped = true;
        }
        else if (c == '"')
        {
            InString = false;
        }
    }

    public void Step(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Step(c);
        }
    }
}
