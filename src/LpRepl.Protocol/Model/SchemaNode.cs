using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>A schema object and the file it sits in, which its <c>$ref</c>s are relative to.</summary>
internal readonly record struct SchemaNode(JObject Schema, string File)
{
    private SchemaFacts Facts => SchemaFacts.Of(Schema);

    public JObject? Properties => Facts.Properties;

    public JArray? AnyOf => Facts.AnyOf;

    /// <summary>The JSON types the node itself names (<c>"type"</c>); empty when it names none.</summary>
    public IReadOnlyList<string> Types => Facts.Types;

    public IEnumerable<string> Required => Facts.Required;

    /// <summary>Only the names listed in <c>properties</c> belong (<c>"additionalProperties": false</c>).</summary>
    public bool Closed => Facts.Closed;

    public SchemaNode? Child(string name) => Properties?[name] is JObject child ? new SchemaNode(child, File) : null;

    public SchemaNode? Items => Facts.Items is { } items ? new SchemaNode(items, File) : null;

    /// <summary>The values the node allows by <c>const</c> or <c>enum</c>; null when it names none.</summary>
    public IReadOnlyList<JToken>? Allowed => Facts.Allowed;
}
