using LpRepl.Terminal.Input;

namespace LpRepl.Terminal.LineEditing;

/// <summary>
/// Ctrl-R: bash's reverse-i-search. Typing narrows the query, Ctrl-R finds an older match,
/// Enter runs the match, Esc or Ctrl-G restores the line, any other key keeps the match and edits it.
/// </summary>
public sealed class ReverseSearch
{
    private readonly History _history;
    private readonly string _original;
    private string _query = "";
    private int _index;

    public ReverseSearch(History history, string original)
    {
        _history = history;
        _original = original;
        _index = history.Entries.Count;
        Match = original;
        MatchPosition = original.Length;
    }

    public string Match { get; private set; }

    public int MatchPosition { get; private set; }

    public bool Failed { get; private set; }

    public string Prompt => $"({(Failed ? "failed " : "")}reverse-i-search)`{_query}': ";

    public SearchStep Handle(KeyPress key)
    {
        if (key.Modifiers == KeyModifiers.Control && key.Text == "r")
        {
            Find(_index - 1);
            return SearchStep.Continue;
        }
        if (key.Key == Key.Escape || (key.Modifiers == KeyModifiers.Control && key.Text == "g"))
        {
            Match = _original;
            MatchPosition = _original.Length;
            return SearchStep.Cancel;
        }
        if (key.Key == Key.Enter)
        {
            return SearchStep.Run;
        }
        if (key.Key == Key.Backspace)
        {
            if (_query.Length > 0)
            {
                _query = _query[..^1];
                Find(_history.Entries.Count - 1);
            }
            return SearchStep.Continue;
        }
        if (key.IsPrintable)
        {
            _query += key.Text;
            // A longer query may still match the current entry.
            Find(Math.Min(_index, _history.Entries.Count - 1));
            return SearchStep.Continue;
        }
        return SearchStep.Accept;
    }

    private void Find(int from)
    {
        for (var i = Math.Min(from, _history.Entries.Count - 1); i >= 0; i--)
        {
            var at = _history.Entries[i].LastIndexOf(_query, StringComparison.Ordinal);
            if (at >= 0)
            {
                _index = i;
                Match = _history.Entries[i];
                MatchPosition = at;
                Failed = false;
                return;
            }
        }
        Failed = true;
    }
}
