namespace LpRepl.Frames;

/// <summary>
/// Tells whether an input that starts a JSON value has closed all its brackets yet, so a
/// pretty-printed frame pasted over several lines is read as one frame.
/// </summary>
public static class JsonBalance
{
    /// <summary>True when every <c>{</c>/<c>[</c> outside strings is closed (or over-closed: the validator reports that).</summary>
    public static bool IsComplete(string text) => new JsonFrameAccumulator(text).IsComplete;

    /// <summary>Whether a line begins a raw JSON frame rather than a command.</summary>
    public static bool StartsFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }
}
