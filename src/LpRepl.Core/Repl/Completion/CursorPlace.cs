namespace LpRepl.Repl.Completion;

/// <summary>Where the cursor is in a frame being typed.</summary>
public enum CursorPlace
{
    /// <summary>Nowhere a name or value can be completed (after a value, before a colon, past the frame).</summary>
    None,

    /// <summary>Where a field name goes (after <c>{</c> or <c>,</c> in an object).</summary>
    Key,

    /// <summary>Where a value goes (after <c>:</c>, or in an array).</summary>
    Value,
}
