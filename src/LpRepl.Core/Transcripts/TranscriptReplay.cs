using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Transcripts;

/// <summary>
/// Turns a transcript into a script that replays its sent frames against a fresh conversation:
/// the conversation ids it captured become <c>{{conversationId}}</c> and redacted tokens <c>{{LP_JWT}}</c>.
/// </summary>
public static partial class TranscriptReplay
{
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*…\(redacted\)")]
    private static partial Regex RedactedToken();

    public static IReadOnlyList<string> ToScript(IEnumerable<string> transcriptLines, string source)
    {
        var script = new List<string> { $"# replay of {source}", "signup", "connect" };
        var conversationIds = new List<string>();
        var lineNumber = 0;
        foreach (var line in transcriptLines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var entry = Parse(line, source, lineNumber);
            if (entry.Direction == "in")
            {
                Learn(entry.Frame, conversationIds);
                continue;
            }
            var frame = RedactedToken().Replace(entry.Frame, "{{LP_JWT}}");
            foreach (var id in conversationIds)
            {
                frame = frame.Replace(id, "{{conversationId}}", StringComparison.Ordinal);
            }
            // One frame per script line, whatever its layout when recorded.
            script.Add(frame.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal));
        }
        return script;
    }

    private static TranscriptEntry Parse(string line, string source, int lineNumber)
    {
        try
        {
            return JsonConvert.DeserializeObject<TranscriptEntry>(line) ?? throw new InvalidDataException($"{source}:{lineNumber}: empty entry");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}:{lineNumber}: not a transcript line ({e.Message})");
        }
    }

    private static void Learn(string frame, List<string> conversationIds)
    {
        try
        {
            var json = JObject.Parse(frame);
            if (json["type"]?.ToString() == "cm.RequestConversationResponse" && json["body"]?["conversationId"]?.ToString() is { Length: > 0 } id)
            {
                conversationIds.Add(id);
            }
        }
        catch (JsonException)
        {
            // A bad inbound frame teaches nothing.
        }
    }
}
