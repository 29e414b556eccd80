using Newtonsoft.Json.Linq;

namespace LpRepl.Frames.Chat;

/// <summary>
/// The <c>chat</c> format: each frame told in a short line or a few, a conversation read as one. A message is
/// <c>agent: You said: hi there  #8</c>; receipts, typing, joins and closes are <c>· …</c> lines; a response is
/// <c>✓ ms.PublishEvent id 3 · 4 ms</c> or <c>✗ … 400 Dialog not found</c>. The <c>#N</c> at the end is the frame's
/// number for <c>show N</c>. Lines hold the server's text as sent: the caller escapes them for the terminal.
/// </summary>
public sealed class ChatView
{
    private readonly ChatConversations _conversations = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Lines(FrameDirection direction, string text, FrameTag? tag = null)
    {
        var suffix = tag is null ? "" : $"  #{tag.Number}";
        JObject? frame;
        try
        {
            frame = JObject.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return [$"{(direction == FrameDirection.Inbound ? "<" : ">")} not valid JSON: {ChatText.OneLine(text, 80)}{suffix}"];
        }
        var info = FrameInfo.From(frame);
        if (direction == FrameDirection.Outbound)
        {
            return [$"> {info.Type ?? "frame"}{(info.Id is null ? "" : " id " + info.Id)}{suffix}"];
        }
        IEnumerable<string> lines;
        lock (_gate)
        {
            lines = info.IsResponse ? [Response(frame, info, tag)]
                : info.Type == "ms.MessagingEventNotification" ? Events(frame)
                : info.Type?.EndsWith(".ExConversationChangeNotification", StringComparison.Ordinal) == true ? Changes(frame)
                : [$"< {info.Type ?? "frame"}"];
            lines = [.. lines];
        }
        return [.. lines.Select(l => l + suffix)];
    }

    private static string Response(JObject frame, FrameInfo info, FrameTag? tag)
    {
        var name = tag?.RequestType ?? info.Type ?? "response";
        var id = tag?.RequestId ?? info.ReqId;
        var time = tag?.Elapsed is { } elapsed ? $" · {elapsed.TotalMilliseconds:0} ms" : "";
        var head = $"{name}{(id is null ? "" : " id " + id)}";
        if (info.Code >= 400)
        {
            return $"✗ {head}: {info.Code} {Reason(frame["body"])}{time}";
        }
        var body = frame["body"] as JObject;
        var detail = ChatText.Text(body?["conversationId"]) is { } conversation ? $" → conversation {ChatText.ShortId(conversation)}"
            : ChatText.Text(body?["sequence"]) is { } sequence ? $" → seq {sequence}"
            : "";
        return $"✓ {head}{detail}{time}";
    }

    // What a refusal says: a string body as it is, else its msg or message, else the body on one line.
    private static string Reason(JToken? body) => ChatText.OneLine(
        ChatText.Text(body) ?? ChatText.Text(body?["msg"]) ?? ChatText.Text(body?["message"]) ?? body?.ToString(Newtonsoft.Json.Formatting.None) ?? "",
        200);

    private static IEnumerable<string> Events(JObject frame)
    {
        var changes = (frame["body"]?["changes"] as JArray)?.OfType<JObject>().ToList() ?? [];
        if (changes.Count == 0)
        {
            return ["· no new events"];
        }
        return changes.Select(Event);
    }

    private static string Event(JObject change)
    {
        var who = ChatText.Speaker(ChatText.Text(change["originatorMetadata"]?["role"]));
        var ev = change["event"] as JObject;
        var type = ChatText.Text(ev?["type"]);
        switch (type)
        {
            case "ContentEvent":
                var message = ChatText.Text(ev!["message"]);
                return message is null ? $"{who}: [{ChatText.Text(ev["contentType"]) ?? "content"}]" : $"{who}: {ChatText.OneLine(message)}";
            case "RichContentEvent":
                return $"{who}: [rich content]";
            case "AcceptStatusEvent":
                var sequences = ev!["sequenceList"] is JArray list ? string.Join(",", list.Select(s => s.ToString())) : "?";
                return $"· {who} {ChatText.Text(ev["status"]) ?? "?"} seq {ChatText.OneLine(sequences, 80)}";
            case "ChatStateEvent":
                var state = ChatText.Text(ev!["chatState"]);
                return state == "COMPOSING" ? $"· {who} typing" : $"· {who} {(state ?? "?").ToLowerInvariant()}";
            default:
                return $"· {who} {type ?? "event"}";
        }
    }

    private IEnumerable<string> Changes(JObject frame)
    {
        var changes = (frame["body"]?["changes"] as JArray)?.ToList() ?? [];
        return changes.Count == 0 ? ["· no conversation changes"] : changes.SelectMany(_conversations.Describe);
    }
}
