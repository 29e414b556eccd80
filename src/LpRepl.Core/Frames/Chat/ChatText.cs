using Newtonsoft.Json.Linq;

namespace LpRepl.Frames.Chat;

/// <summary>Small pieces of the chat view: who speaks, short ids, and a server's text kept to one line.</summary>
internal static class ChatText
{
    /// <summary>A message shown longer than this is cut (<c>show N</c> has it whole).</summary>
    public const int MaxMessage = 500;

    /// <summary>The role as a person says it: the consumer is <c>you</c>, the assigned agent <c>agent</c>.</summary>
    public static string Speaker(string? role) => role switch
    {
        "CONSUMER" => "you",
        "ASSIGNED_AGENT" or "AGENT" => "agent",
        null or "" => "?",
        _ => role.ToLowerInvariant().Replace('_', ' '),
    };

    public static string ShortId(string id) => id.Length <= 8 ? id : id[..8];

    /// <summary>One line: line breaks shown as ⏎, tabs as spaces, cut at <paramref name="max"/> characters.</summary>
    public static string OneLine(string text, int max = MaxMessage)
    {
        var line = text.Replace("\r\n", " ⏎ ", StringComparison.Ordinal).Replace('\r', '⏎').Replace("\n", " ⏎ ", StringComparison.Ordinal).Replace('\t', ' ');
        if (line.Length <= max)
        {
            return line;
        }
        // Never half an emoji: a lone surrogate is not text.
        var cut = char.IsHighSurrogate(line[max - 1]) ? max - 1 : max;
        return line[..cut] + "…";
    }

    public static string? Text(JToken? token) => token is JValue { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } value ? value.Value!.ToString() : null;
}
