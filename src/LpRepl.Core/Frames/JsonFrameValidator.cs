using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Frames;

/// <summary>Checks that text is one JSON object (RFC 8259, strictly), reporting the line and column of the first problem.</summary>
public static class JsonFrameValidator
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        LineInfoHandling = LineInfoHandling.Ignore,
    };

    /// <summary>Checks strictly (RFC 8259, no repeated keys) and builds the object.</summary>
    public static FrameValidation Validate(string text)
    {
        if (StrictJson.FindError(text) is { } error)
        {
            return error;
        }
        try
        {
            return FrameValidation.Ok(Load(text, FloatParseHandling.Decimal));
        }
        catch (JsonReaderException)
        {
            // Valid JSON whose number does not fit a decimal (1e400): a double holds it for reading the envelope.
            return FrameValidation.Ok(Load(text, FloatParseHandling.Double));
        }
    }

    /// <summary>
    /// Only checks, as strictly, that <paramref name="text"/> is one JSON object, streaming through it
    /// without building it: the fast path for frames LpRepl produced itself (template expansions).
    /// </summary>
    public static FrameValidation Check(string text) => StrictJson.FindError(text) ?? FrameValidation.Ok(null);

    private static JObject Load(string text, FloatParseHandling floats)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            // Keep ids and timestamps as written: no date parsing, no float rounding.
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = floats,
            MaxDepth = 256,
        };
        return (JObject)JToken.ReadFrom(reader, LoadSettings);
    }
}
