namespace LpRepl.Terminal.LineEditing;

/// <summary>Up/Down through the history for one line being edited; the unfinished line is kept as a draft.</summary>
public sealed class HistoryCursor(History history)
{
    private int _index = history.Entries.Count;
    private string _draft = "";

    public History History => history;

    /// <summary>The older entry, or null at the oldest.</summary>
    public string? Previous(string current)
    {
        if (_index == 0)
        {
            return null;
        }
        if (_index == history.Entries.Count)
        {
            _draft = current;
        }
        return history.Entries[--_index];
    }

    /// <summary>The newer entry, the draft after the newest, or null when already at the draft.</summary>
    public string? Next()
    {
        if (_index >= history.Entries.Count)
        {
            return null;
        }
        _index++;
        return _index == history.Entries.Count ? _draft : history.Entries[_index];
    }
}
