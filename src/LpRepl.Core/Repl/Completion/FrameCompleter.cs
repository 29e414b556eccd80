using LpRepl.Protocol;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl.Completion;

/// <summary>
/// Tab inside a frame: the field names the protocol model allows in the object at the cursor
/// (a name typed in quotes completes to <c>"name":</c>), and the values it names for the field
/// whose value is being typed (request types, event types, enumerations).
/// </summary>
public static class FrameCompleter
{
    public static CompletionResult Complete(ProtocolModel model, string text, int cursor)
    {
        var at = PartialJson.Read(text, cursor);
        if (at.Place == CursorPlace.None)
        {
            return CompletionResult.None;
        }
        var frame = at.Frame;
        var typingType = at.Place == CursorPlace.Value && at.Path is [string name] && name == "type";
        if (frame["type"] is null && !typingType && PartialJson.Read(text, text.Length).Frame["type"] is JValue { Type: JTokenType.String } later)
        {
            // The request's type may come after the cursor; it still says which fields belong.
            frame = (JObject)frame.DeepClone();
            frame["type"] = later.DeepClone();
        }
        var length = cursor - at.PrefixStart;
        if (at.Place == CursorPlace.Key)
        {
            var names = model.FieldNames(frame, at.Path).Where(n => n.StartsWith(at.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
            return at.Quoted
                ? OverClosingQuote(text, cursor, new CompletionResult(at.PrefixStart, length, [.. names], "\":"), key: true)
                : new CompletionResult(at.PrefixStart, length, [.. names.Select(n => $"\"{n}\"")], ":");
        }
        var values = model.Values(frame, at.Path);
        if (at.Quoted)
        {
            var words = values.Where(v => v.Type == JTokenType.String).Select(v => (string)v!).Where(v => v.StartsWith(at.Prefix, StringComparison.Ordinal));
            return OverClosingQuote(text, cursor, new CompletionResult(at.PrefixStart, length, [.. words.Distinct().Order(StringComparer.Ordinal)], "\""), key: false);
        }
        var json = values.Select(v => v.ToString(Formatting.None)).Where(v => v.StartsWith(at.Prefix, StringComparison.Ordinal));
        return new CompletionResult(at.PrefixStart, length, [.. json.Distinct().Order(StringComparer.Ordinal)], "");
    }

    // A string already closed after the cursor (a frame from history edited in place) has its quote,
    // and a key its colon: a unique completion writes over them, so they are not written twice. Tab in
    // the middle of a name or value stands for the whole of it, up to its closing quote (as PSReadLine
    // replaces the whole token): ms.Pub|lishEvent completes to ms.PublishEvent, not ms.PublishEventlishEvent.
    private static CompletionResult OverClosingQuote(string text, int cursor, CompletionResult result, bool key)
    {
        var quote = ClosingQuote(text, cursor);
        if (result.Candidates.Count == 0 || quote < 0)
        {
            return result;
        }
        if (result.Candidates.Count > 1)
        {
            // Their common prefix replaces the whole name only where it is longer; otherwise they are listed.
            return result with { Length = quote - result.Start };
        }
        var end = quote + 1;
        if (key)
        {
            var colon = end;
            while (colon < text.Length && text[colon] is ' ' or '\t')
            {
                colon++;
            }
            end = colon < text.Length && text[colon] == ':' ? colon + 1 : end;
        }
        return result with { Length = end - result.Start };
    }

    // Where the string at the cursor closes, when what is left of it is one word (no space, escape or
    // JSON punctuation, so a quote further on that opens the next string is not taken for it); -1 if not.
    private static int ClosingQuote(string text, int cursor)
    {
        for (var i = cursor; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\\' or ',' or ':' or '{' or '}' or '[' or ']')
            {
                return -1;
            }
        }
        return -1;
    }
}
