using System.Text;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>
/// Turns a published event the protocol model has let through (ms/AbstractMessagingEvent.json: its
/// type, content type, fields and enumerations are checked there) into the form the emulator stores,
/// or says why the emulator cannot take it: a preview over the documented 30 KB, a sequence beyond any
/// it hands out.
/// </summary>
internal static class EventValidator
{
    /// <summary>"The preview must be under 30KB" (the file-sharing tutorial, Step 3).</summary>
    public const int MaxPreviewBytes = 30 * 1024;

    public static JObject? Validate(JToken token, out string error)
    {
        var evt = (JObject)token.DeepClone();
        error = (string?)evt["type"] switch
        {
            "ContentEvent" => NormalizeContent(evt),
            "AcceptStatusEvent" => NormalizeReceipt(evt),
            "RichContentEvent" => NormalizeRichContent(evt),
            _ => "",
        };
        return error.Length != 0 ? null : (string?)evt["type"] == "ContentEvent" ? InNotificationOrder(evt) : evt;
    }

    // Every notification the tutorials print has a ContentEvent as {type, message, contentType, …}
    // (legacy-post-conversation-survey-pcs.md §Step 7, §Step 8), whatever order the consumer sent.
    private static JObject InNotificationOrder(JObject evt)
    {
        var ordered = new JObject();
        foreach (var name in new[] { "type", "message", "contentType" })
        {
            if (evt[name] is { } value)
            {
                ordered[name] = value;
            }
        }

        foreach (var property in evt.Properties().Where(p => ordered[p.Name] is null))
        {
            ordered[property.Name] = property.Value;
        }

        return ordered;
    }

    // The tutorials send hosted/file; ms/HostedFile.json's default is HostedFile. Both are taken, stored as hosted/file.
    private static string NormalizeContent(JObject evt)
    {
        if ((string?)evt["contentType"] is not ("hosted/file" or "HostedFile"))
        {
            return "";
        }

        evt["contentType"] = "hosted/file";
        // A byte count, which JSON Schema's maxLength (characters) cannot state.
        return evt["message"]?["preview"] is JValue { Type: JTokenType.String } preview && Encoding.UTF8.GetByteCount((string)preview!) > MaxPreviewBytes
            ? $"body.event.message.preview: must be under 30 KB ({MaxPreviewBytes} bytes of UTF-8)"
            : "";
    }

    private static string NormalizeReceipt(JObject evt)
    {
        // "An array containing a single element may be sent using the element itself" (protocol overview): stored as the array.
        var items = evt["sequenceList"] is JArray array ? array.ToList() : [evt["sequenceList"]!];
        var sequences = new JArray();
        foreach (var item in items)
        {
            // Stored as plain integers (1.0 is 1); the model has refused anything below 0.
            if (JsonInteger.Read(item, 0, long.MaxValue) is not { } sequence || sequence > int.MaxValue)
            {
                return $"body.event.sequenceList: {item.ToString(Newtonsoft.Json.Formatting.None)} is beyond any sequence the emulator hands out (at most {int.MaxValue})";
            }

            sequences.Add((int)sequence);
        }

        evt["sequenceList"] = sequences;
        return "";
    }

    // Real rich-content notifications carry the element under "content"; ms/RichContent.json names it "message".
    private static string NormalizeRichContent(JObject evt)
    {
        if (evt["content"] is null && evt["message"] is { } message)
        {
            evt.Remove("message");
            evt["content"] = message;
        }

        return "";
    }
}
