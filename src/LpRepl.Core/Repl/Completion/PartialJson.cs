using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl.Completion;

/// <summary>
/// Reads a JSON object that is still being typed, leniently, up to a cursor: it keeps every member
/// that is complete and says where the cursor is, for completion. Template slots (<c>{{ … }}</c>)
/// outside strings count as values.
/// </summary>
public static class PartialJson
{
    private const string Stops = ",:{}[]\" \t\r\n";

    public static FrameCursor Read(string text, int cursor)
    {
        var root = new JObject();
        var stack = new List<Level>();
        var i = text.IndexOf('{', StringComparison.Ordinal);
        if (i < 0 || i >= cursor)
        {
            return Nowhere(root, cursor);
        }
        while (i < cursor)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var top = stack.Count == 0 ? null : stack[^1];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{' && top is not null)
            {
                // A template slot: a value LpRepl fills in before sending.
                var end = text.IndexOf("}}", i, StringComparison.Ordinal);
                if (end < 0 || end + 2 > cursor)
                {
                    return Nowhere(root, cursor);
                }
                Assign(top, JValue.CreateNull());
                i = end + 2;
                continue;
            }
            switch (c)
            {
                case '{' or '[':
                    JContainer child = c == '{' ? (stack.Count == 0 ? root : new JObject()) : new JArray();
                    object? key = null;
                    if (top is not null && !Attach(top, child, out key))
                    {
                        return Nowhere(root, cursor);
                    }
                    stack.Add(new Level(child, key));
                    i++;
                    continue;
                case '}' or ']':
                    stack.RemoveAt(stack.Count - 1);
                    if (stack.Count == 0)
                    {
                        return Nowhere(root, cursor);
                    }
                    i++;
                    continue;
                case ':':
                    top!.AfterColon = top.PendingKey is not null;
                    i++;
                    continue;
                case ',':
                    top!.Next();
                    i++;
                    continue;
                case '"':
                    var close = i + 1;
                    while (close < cursor && text[close] != '"')
                    {
                        close += text[close] == '\\' ? 2 : 1;
                    }
                    if (close >= cursor)
                    {
                        return At(root, stack, text[(i + 1)..cursor], i + 1, quoted: true);
                    }
                    Take(top!, Unescape(text[(i + 1)..close]), isString: true);
                    i = close + 1;
                    continue;
                default:
                    var stop = i;
                    while (stop < cursor && !Stops.Contains(text[stop], StringComparison.Ordinal))
                    {
                        stop++;
                    }
                    if (stop >= cursor)
                    {
                        return At(root, stack, text[i..cursor], i, quoted: false);
                    }
                    Take(top!, text[i..stop], isString: false);
                    i = stop;
                    continue;
            }
        }
        return At(root, stack, "", cursor, quoted: false);
    }

    private static FrameCursor Nowhere(JObject root, int cursor) => new(root, [], CursorPlace.None, "", cursor, false);

    private static FrameCursor At(JObject root, List<Level> stack, string prefix, int start, bool quoted)
    {
        var top = stack[^1];
        var path = stack.Skip(1).Select(l => l.Key!).ToList();
        if (top.Node is JArray)
        {
            return new FrameCursor(root, [.. path, top.Index], CursorPlace.Value, prefix, start, quoted);
        }
        if (top.ExpectKey)
        {
            return new FrameCursor(root, path, CursorPlace.Key, prefix, start, quoted);
        }
        return top.PendingKey is { } key && top.AfterColon
            ? new FrameCursor(root, [.. path, key], CursorPlace.Value, prefix, start, quoted)
            : Nowhere(root, start);
    }

    // A finished string or bare word: a key where one is expected, else a value.
    private static void Take(Level top, string token, bool isString)
    {
        if (top.Node is JObject && top.ExpectKey)
        {
            top.PendingKey = token;
            top.ExpectKey = false;
            return;
        }
        Assign(top, isString ? new JValue(token) : Literal(token));
    }

    private static void Assign(Level top, JToken value) => Attach(top, value, out _);

    private static bool Attach(Level top, JToken value, out object? key)
    {
        key = null;
        switch (top.Node)
        {
            case JObject obj when top.PendingKey is { } name && top.AfterColon:
                obj[name] = value;
                key = name;
                top.PendingKey = null;
                top.AfterColon = false;
                return true;
            case JArray array:
                array.Add(value);
                key = top.Index;
                return true;
            default:
                return false;
        }
    }

    private static JToken Literal(string word)
    {
        try
        {
            return JToken.Parse(word);
        }
        catch (JsonReaderException)
        {
            return new JValue(word);
        }
    }

    private static string Unescape(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return raw;
        }
        try
        {
            return JsonConvert.DeserializeObject<string>("\"" + raw + "\"") ?? raw;
        }
        catch (JsonReaderException)
        {
            return raw;
        }
    }

    // One open object or array: the key it sits under in its parent, and where typing is in it.
    private sealed class Level(JContainer node, object? key)
    {
        public JContainer Node => node;

        public object? Key => key;

        public bool ExpectKey { get; set; } = node is JObject;

        public string? PendingKey { get; set; }

        public bool AfterColon { get; set; }

        public int Index { get; private set; }

        public void Next()
        {
            if (Node is JArray)
            {
                Index++;
                return;
            }
            ExpectKey = true;
            PendingKey = null;
            AfterColon = false;
        }
    }
}
