using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>
/// What a schema object says, read once: the lint checks every frame typed against the same few schemas, and
/// reading their keywords anew allocated lists and looked up keys for every field of every frame. Schemas
/// never change once loaded, so the facts are kept beside the object for as long as it lives.
/// </summary>
internal sealed class SchemaFacts
{
    private static readonly ConditionalWeakTable<JObject, SchemaFacts> Known = [];

    private SchemaFacts(JObject schema)
    {
        Properties = schema["properties"] as JObject;
        AnyOf = schema["anyOf"] as JArray;
        Types = schema["type"] switch
        {
            JValue { Type: JTokenType.String } one => [(string)one!],
            JArray many => many.Select(t => (string)t!).ToList(),
            _ => [],
        };
        Required = schema["required"] is JArray names ? names.Select(n => (string)n!).ToArray() : [];
        Closed = schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } closed && !(bool)closed;
        Items = schema["items"] as JObject;
        Allowed = schema["const"] is { } constant ? [constant]
            : schema["enum"] is JArray values ? values.ToList()
            : null;
    }

    public JObject? Properties { get; }

    public JArray? AnyOf { get; }

    public IReadOnlyList<string> Types { get; }

    public IReadOnlyList<string> Required { get; }

    public bool Closed { get; }

    public JObject? Items { get; }

    public IReadOnlyList<JToken>? Allowed { get; }

    public static SchemaFacts Of(JObject schema) => Known.GetValue(schema, s => new SchemaFacts(s));
}
