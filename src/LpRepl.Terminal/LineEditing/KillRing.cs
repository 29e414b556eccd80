namespace LpRepl.Terminal.LineEditing;

/// <summary>The last killed text, for Ctrl-Y. Kills in a row add up, as in readline.</summary>
public sealed class KillRing
{
    public string Text { get; private set; } = "";

    /// <summary>True while the previous command was a kill, so the next one appends.</summary>
    public bool Chaining { get; set; }

    public void Kill(string text, bool before)
    {
        if (text.Length == 0)
        {
            return;
        }
        Text = !Chaining ? text : before ? text + Text : Text + text;
        Chaining = true;
    }
}
