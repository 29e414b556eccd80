using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// What a consumer's client declared about itself: the <c>Client-Properties</c> header of the
/// upgrade, or InitConnection's ClientProperties header. Only <c>features</c> changes behaviour
/// (MULTI_DIALOG turns on the post-conversation survey).
/// </summary>
internal sealed class ClientProperties
{
    public static readonly ClientProperties None = new(new JObject());

    private ClientProperties(JObject properties)
    {
        Properties = properties;
        // A single feature may be sent as the element itself ("features":"MULTI_DIALOG"), as any one-element array.
        JToken[] features = properties["features"] switch
        {
            JArray array => [.. array],
            JValue single => [single],
            _ => [],
        };
        Features = features.OfType<JValue>().Where(f => f.Type == JTokenType.String).Select(f => (string)f!).ToHashSet(StringComparer.Ordinal);
    }

    public JObject Properties { get; }

    public IReadOnlySet<string> Features { get; }

    public static ClientProperties From(JObject properties) => new(properties);

    /// <summary>Parses a header value; null when it is not a JSON object.</summary>
    public static ClientProperties? Parse(string header)
    {
        try
        {
            return JsonConvert.DeserializeObject<JToken>(header, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None }) is JObject obj
                ? new ClientProperties(obj)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
