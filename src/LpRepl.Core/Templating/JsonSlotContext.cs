using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace LpRepl.Templating;

/// <summary>
/// Renders <c>{{ … }}</c> into a raw JSON frame so a value fills its place and nothing more: inside
/// a JSON string it is escaped there; outside, a JSON number, <c>true</c>, <c>false</c> or <c>null</c>
/// goes in as is and anything else as a quoted string. A value from a server can never close a
/// string, add a key or open a bracket.
/// </summary>
internal sealed class JsonSlotContext : TemplateContext
{
    private System.Text.StringBuilder? _written;
    private int _scanned;
    private JsonStringWalk _walk;

    /// <summary>Forgets the string state of the last frame: a reused output's builder would carry it over.</summary>
    public void BeginFrame() => _written = null;

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        ScanWritten();
        var value = textAsObject is null ? null : ObjectToString(textAsObject);
        var quoted = value is null ? "null" : JsonString.Quote(value);
        if (_walk.InString)
        {
            Write(quoted[1..^1]);
        }
        else
        {
            Write(value is not null && JsonScalar.IsScalar(value) ? value : quoted);
        }
        // What was just written leaves the string state as it was: skip it.
        _scanned = _written!.Length;
        return this;
    }

    // Follows the frame text written since the last value: only quotes and escapes matter.
    private void ScanWritten()
    {
        // Render writes into an output of its own; the frame text is whatever it holds so far.
        var builder = ((StringBuilderOutput)Output).Builder;
        if (!ReferenceEquals(builder, _written))
        {
            (_written, _scanned, _walk) = (builder, 0, default);
        }
        for (; _scanned < builder.Length; _scanned++)
        {
            _walk.Step(builder[_scanned]);
        }
    }
}
