using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>
/// Finds the schemas that apply at a path of a frame being typed, narrowed by what is typed
/// already (an event whose <c>type</c> is given offers that event's fields only), for completion.
/// </summary>
internal sealed class SchemaNavigator(SchemaSet set)
{
    public IReadOnlyList<SchemaNode> At(IEnumerable<SchemaNode> roots, JToken? frame, IReadOnlyList<object> path)
    {
        var nodes = roots.ToList();
        var value = frame;
        foreach (var step in path)
        {
            var next = new List<SchemaNode>();
            foreach (var leaf in nodes.SelectMany(n => Leaves(n, value)))
            {
                var child = step is string name ? leaf.Child(name) : leaf.Items;
                if (child is { } found)
                {
                    next.Add(found);
                }
            }
            nodes = next;
            value = step switch
            {
                string name => (value as JObject)?[name],
                int index when value is JArray array && index < array.Count => array[index],
                _ => null,
            };
        }
        return nodes.SelectMany(n => Leaves(n, value)).ToList();
    }

    // The schema itself and every branch of its anyOf the value can still be.
    private IEnumerable<SchemaNode> Leaves(SchemaNode node, JToken? value)
    {
        node = set.Resolve(node);
        yield return node;
        if (node.AnyOf is null)
        {
            yield break;
        }
        var choice = Branches.Choose(set, node, value, "");
        foreach (var branch in choice.Candidates)
        {
            foreach (var leaf in Leaves(branch, value))
            {
                yield return leaf;
            }
        }
    }
}
