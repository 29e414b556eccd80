using System.Text;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>Checks a published event against ms/AbstractMessagingEvent.json and returns the form the emulator stores, or an error text.</summary>
internal static class EventValidator
{
    /// <summary>"The preview must be under 30KB" (the file-sharing tutorial, Step 3).</summary>
    public const int MaxPreviewBytes = 30 * 1024;

    private static readonly HashSet<string> ChatStates = ["ACTIVE", "INACTIVE", "GONE", "COMPOSING", "PAUSE"];
    private static readonly HashSet<string> AcceptStatuses = ["ACCEPT", "READ", "ACCESS", "NACK", "ACTION"];

    // ms/HostedFile.json's fileType enum, and JPEG, which an upload may be (ms/GenerateURLForUploadFileBody.json).
    private static readonly HashSet<string> HostedFileTypes = ["IMG", "JPG", "JPEG", "PNG", "GIF", "TXT", "PDF"];

    public static JObject? Validate(JToken? token, out string error)
    {
        error = "";
        if (token is not JObject original)
        {
            error = "Missing event";
            return null;
        }

        var evt = (JObject)original.DeepClone();
        var type = evt["type"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        error = type switch
        {
            null => "Missing event type",
            "ContentEvent" => CheckContent(evt),
            "ChatStateEvent" => IsOneOf(evt["chatState"], ChatStates) ? "" : "ChatStateEvent needs chatState ACTIVE|INACTIVE|GONE|COMPOSING|PAUSE",
            "AcceptStatusEvent" => CheckReceipt(evt),
            "RichContentEvent" => CheckRichContent(evt),
            _ => "Unsupported event type: " + (type.Length > 60 ? type[..60] : type),
        };

        return error.Length != 0 ? null : type == "ContentEvent" ? InNotificationOrder(evt) : evt;
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

    // ms/ContentEvent.json: a TextValue (text/plain, a message string) or a HostedFile.
    private static string CheckContent(JObject evt)
    {
        var contentType = evt["contentType"] is JValue { Type: JTokenType.String } c ? (string?)c : null;
        if (contentType == "text/plain")
        {
            return evt["message"] is JValue { Type: JTokenType.String } ? "" : "ContentEvent needs a message string (text/plain)";
        }

        // The tutorials send hosted/file; ms/HostedFile.json's default is HostedFile. Both are taken, stored as hosted/file.
        if (contentType is "hosted/file" or "HostedFile")
        {
            evt["contentType"] = "hosted/file";
            return CheckHostedFile(evt["message"]);
        }

        return contentType is null
            ? "ContentEvent needs a contentType: text/plain or hosted/file"
            : "Unsupported contentType: " + (contentType.Length > 60 ? contentType[..60] : contentType) + " (text/plain or hosted/file)";
    }

    private static string CheckHostedFile(JToken? message)
    {
        if (message is not JObject file || file["relativePath"] is not JValue { Type: JTokenType.String })
        {
            return "hosted/file needs a message object with relativePath and fileType";
        }

        if (!IsOneOf(file["fileType"], HostedFileTypes))
        {
            return "hosted/file fileType must be one of IMG, JPG, JPEG, PNG, GIF, TXT, PDF";
        }

        // ms/HostedFile.json requires a caption; the tutorials call it optional: it may be left out, but not be a non-string.
        if (file["caption"] is { } caption && caption.Type != JTokenType.String)
        {
            return "hosted/file caption must be a string";
        }

        return file["preview"] is JValue { Type: JTokenType.String } preview && Encoding.UTF8.GetByteCount((string)preview!) > MaxPreviewBytes
            ? $"hosted/file preview must be under 30 KB ({MaxPreviewBytes} bytes)"
            : "";
    }

    private static string CheckReceipt(JObject evt)
    {
        if (!IsOneOf(evt["status"], AcceptStatuses))
        {
            return "AcceptStatusEvent needs status ACCEPT|READ|ACCESS|NACK|ACTION";
        }

        // "An array containing a single element may be sent using the element itself" (protocol overview): stored as the array.
        if (evt["sequenceList"] is JValue { Type: JTokenType.Integer } single)
        {
            evt["sequenceList"] = new JArray(single);
        }

        return evt["sequenceList"] is JArray array && array.All(IsSequence) ? "" : "AcceptStatusEvent needs a sequenceList of non-negative integers";
    }

    // Real rich-content notifications carry the element under "content"; ms/RichContent.json names it "message".
    private static string CheckRichContent(JObject evt)
    {
        if ((evt["content"] ?? evt["message"]) is not JObject)
        {
            return "RichContentEvent needs a content object";
        }

        if (evt["content"] is null && evt["message"] is { } message)
        {
            evt.Remove("message");
            evt["content"] = message;
        }

        return "";
    }

    private static bool IsOneOf(JToken? token, HashSet<string> allowed) =>
        token is JValue { Type: JTokenType.String } value && allowed.Contains((string)value!);

    // A BigInteger (beyond long) is an integer too, but no sequence the emulator hands out.
    private static bool IsSequence(JToken item) =>
        item is JValue { Type: JTokenType.Integer, Value: long or int } value && (long)value >= 0 && (long)value <= int.MaxValue;
}
