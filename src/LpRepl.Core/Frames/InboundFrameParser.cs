using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Frames;

/// <summary>
/// Parses a received frame as <see cref="JObject.Parse(string)"/> does, without the line and column kept on
/// every token: nothing reads them, and each is one more object per token.
/// </summary>
public static class InboundFrameParser
{
    private static readonly JsonLoadSettings Settings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    /// <summary>The frame; throws <see cref="JsonException"/> when it is not one JSON object.</summary>
    public static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text));
        var frame = JObject.Load(reader, Settings);
        // As JObject.Parse: anything after the object but a comment is an error of the reader's.
        while (reader.Read())
        {
        }
        return frame;
    }
}
