using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>The schema files by name, and how a <c>$ref</c> (<c>file#/json/pointer</c> or <c>#/pointer</c>) finds its target.</summary>
internal sealed class SchemaSet(IReadOnlyDictionary<string, JObject> files)
{
    // The schemas never change once read: an anyOf's branches are worked out once, for every request after
    // (the emulator checks each inbound request, from several connections at once).
    private readonly ConcurrentDictionary<JObject, IReadOnlyList<SchemaNode>> _flattened = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<JObject, IReadOnlyList<string>> _types = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<SchemaNode, SchemaNode> _resolved = new();

    public IReadOnlyDictionary<string, JObject> Files => files;

    public SchemaNode Root(string file) => new(files[file], file);

    /// <summary>The branches of <paramref name="node"/>'s anyOf as <paramref name="flatten"/> finds them, remembered.</summary>
    public IReadOnlyList<SchemaNode> Flattened(SchemaNode node, Func<SchemaNode, List<SchemaNode>> flatten) =>
        _flattened.GetOrAdd(node.Schema, _ => flatten(node));

    /// <summary>The JSON types <paramref name="node"/> accepts as <paramref name="find"/> works them out, remembered.</summary>
    public IReadOnlyList<string> Types(SchemaNode node, Func<SchemaNode, IReadOnlyList<string>> find) =>
        _types.GetOrAdd(node.Schema, _ => find(node));

    /// <summary>Follows <c>$ref</c>s until a schema that is not one (each chain walked once).</summary>
    public SchemaNode Resolve(SchemaNode node)
    {
        if (node.Schema["$ref"] is null)
        {
            return node;
        }
        if (_resolved.TryGetValue(node, out var known))
        {
            return known;
        }
        var resolved = Follow(node);
        _resolved.TryAdd(node, resolved);
        return resolved;
    }

    private SchemaNode Follow(SchemaNode node)
    {
        for (var hops = 0; node.Schema["$ref"] is JValue { Type: JTokenType.String } reference; hops++)
        {
            if (hops > 32)
            {
                throw new InvalidDataException($"{node.File}: $ref chain too long at {reference}");
            }
            node = Target(node.File, (string)reference!);
        }
        return node;
    }

    private SchemaNode Target(string from, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? reference : reference[..hash];
        file = file.Length == 0 ? from : file;
        var pointer = hash < 0 ? "" : reference[(hash + 1)..];
        if (!files.TryGetValue(file, out var token))
        {
            throw new InvalidDataException($"{from}: $ref {reference} names no schema file");
        }
        JToken? current = token;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }
        return current is JObject target ? new SchemaNode(target, file) : throw new InvalidDataException($"{from}: $ref {reference} points at nothing");
    }
}
