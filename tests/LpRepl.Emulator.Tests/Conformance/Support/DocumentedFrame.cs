namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>A frame exactly as a page or schema of LivePerson's developer-center prints it.</summary>
/// <param name="Source">Where it is printed: the developer-center path (<c>pages/…</c> or <c>assets/schema/…</c>) and the section.</param>
/// <param name="Text">The frame's text, verbatim.</param>
public sealed record DocumentedFrame(string Source, string Text)
{
    /// <summary>Fills one of the documentation's own placeholders (such as <c>__YOUR_CONVERSATION_ID__</c>) and nothing else.</summary>
    // Only placeholders change, so what reaches the emulator is still the documentation's frame.
    public DocumentedFrame With(string placeholder, string value) =>
        Text.Contains(placeholder, StringComparison.Ordinal)
            ? this with { Text = Text.Replace(placeholder, value, StringComparison.Ordinal) }
            : throw new ArgumentException($"{Source}: the frame has no {placeholder}", nameof(placeholder));
}
