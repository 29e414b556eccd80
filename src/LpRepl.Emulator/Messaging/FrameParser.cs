using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>Parses an incoming text frame into a JSON object, with a short reason when it is not one.</summary>
internal static class FrameParser
{
    public static bool TryParse(string text, out JObject request, out string error)
    {
        request = [];
        error = "";
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                // Keep strings such as message texts exactly as sent, never turned into dates.
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                error = "unexpected content after the JSON value";
                return false;
            }

            if (token is not JObject obj)
            {
                error = "expected a JSON object";
                return false;
            }

            request = obj;
            return true;
        }
        catch (JsonReaderException ex)
        {
            error = Shorten(ex.Message);
            return false;
        }
    }

    // Newtonsoft appends "Path '', line 1, position 3."; the first sentence is what a user needs.
    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.');
        return text.Length > 100 ? text[..100] : text;
    }
}
