using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>A schema object and the file it sits in, which its <c>$ref</c>s are relative to.</summary>
internal readonly record struct SchemaNode(JObject Schema, string File)
{
    public JObject? Properties => Schema["properties"] as JObject;

    public JArray? AnyOf => Schema["anyOf"] as JArray;

    /// <summary>The JSON types the node itself names (<c>"type"</c>); empty when it names none.</summary>
    public IReadOnlyList<string> Types => Schema["type"] switch
    {
        JValue { Type: JTokenType.String } one => [(string)one!],
        JArray many => many.Select(t => (string)t!).ToList(),
        _ => [],
    };

    public IEnumerable<string> Required => Schema["required"] is JArray names ? names.Select(n => (string)n!) : [];

    /// <summary>Only the names listed in <c>properties</c> belong (<c>"additionalProperties": false</c>).</summary>
    public bool Closed => Schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } closed && !(bool)closed;

    public SchemaNode? Child(string name) => Properties?[name] is JObject child ? new SchemaNode(child, File) : null;

    public SchemaNode? Items => Schema["items"] is JObject items ? new SchemaNode(items, File) : null;

    /// <summary>The values the node allows by <c>const</c> or <c>enum</c>; null when it names none.</summary>
    public IReadOnlyList<JToken>? Allowed => Schema["const"] is { } one ? [one]
        : Schema["enum"] is JArray values ? values.ToList()
        : null;
}
