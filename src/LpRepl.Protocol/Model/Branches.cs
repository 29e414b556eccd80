using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>
/// Picks the branches of an <c>anyOf</c> a value is meant to be, the way a reader would: by its
/// JSON type (an array, or the single element sent as itself), then by the fields whose constant
/// tells the branches apart (an event's <c>type</c>, then its <c>contentType</c>). So a finding
/// names the one thing that is wrong (<c>body.event.type</c> is not one of …) instead of every
/// branch's complaint.
/// </summary>
internal static class Branches
{
    /// <summary>The branches, <c>$ref</c>s resolved and nested pure <c>anyOf</c>s flattened (worked out once per schema).</summary>
    public static List<SchemaNode> Flatten(SchemaSet set, SchemaNode node) =>
        // A copy: callers narrow the list they get.
        [.. set.Flattened(node, n => FlattenOnce(set, n))];

    private static List<SchemaNode> FlattenOnce(SchemaSet set, SchemaNode node)
    {
        var leaves = new List<SchemaNode>();
        foreach (var branch in node.AnyOf?.OfType<JObject>() ?? [])
        {
            var resolved = set.Resolve(new SchemaNode(branch, node.File));
            if (resolved.AnyOf is not null && resolved.Properties is null && resolved.Types.Count == 0)
            {
                leaves.AddRange(FlattenOnce(set, resolved));
            }
            else
            {
                leaves.Add(resolved);
            }
        }
        return leaves;
    }

    public static BranchChoice Choose(SchemaSet set, SchemaNode node, JToken? value, string path)
    {
        var candidates = Flatten(set, node);
        if (value is null)
        {
            return new BranchChoice(candidates, null);
        }
        var typed = candidates.Where(c => JsonKinds.Matches(TypesOf(set, c), value)).ToList();
        if (typed.Count == 0)
        {
            var expected = JsonKinds.Describe(candidates.SelectMany(c => TypesOf(set, c)));
            return new BranchChoice(candidates, new ProtocolFinding(path, FindingKind.WrongType, $"expected {expected}, found {JsonKinds.Describe([JsonKinds.Of(value)])}"));
        }
        if (value is not JObject instance)
        {
            return new BranchChoice(typed, null);
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        while (typed.Count > 1 && Discriminator(typed, used) is { } field)
        {
            used.Add(field);
            var consts = typed.Select(c => c.Child(field)!.Value.Schema["const"]!).ToList();
            if (instance[field] is not { } given)
            {
                if (typed.All(c => c.Required.Contains(field)))
                {
                    var names = string.Join(", ", Distinct(consts).Select(Show));
                    return new BranchChoice(typed, new ProtocolFinding(JsonPath.Property(path, field), FindingKind.MissingField, $"missing (required: one of {names})"));
                }
                break;
            }
            var matching = typed.Where((_, i) => JToken.DeepEquals(consts[i], given)).ToList();
            if (matching.Count == 0)
            {
                return new BranchChoice(typed, NotOneOf(JsonPath.Property(path, field), given, Distinct(consts)));
            }
            typed = matching;
        }
        return new BranchChoice(typed, null);
    }

    /// <summary>A finding for a value outside <paramref name="allowed"/>, with the nearest allowed one when it is near.</summary>
    public static ProtocolFinding NotOneOf(string path, JToken given, IReadOnlyList<JToken> allowed)
    {
        var words = allowed.Where(a => a.Type == JTokenType.String).Select(a => (string)a!).ToList();
        // Values are short words (PDF, GIF): two edits would make any of them "near" another.
        var nearest = given.Type == JTokenType.String ? Spelling.Nearest((string)given!, words, atLeast: 1) : null;
        var hint = nearest is null ? "" : $"; did you mean '{nearest}'?";
        var message = allowed.Count == 1
            ? $"must be {Show(allowed[0])}, not {Quote(given)}{hint}"
            : $"{Quote(given)} is not one of {string.Join(", ", allowed.Select(Show))}{hint}";
        return new ProtocolFinding(path, FindingKind.NotInEnum, message, nearest);
    }

    // The JSON types a branch accepts, looking through a pure anyOf (an element that may be one of several objects).
    private static IReadOnlyList<string> TypesOf(SchemaSet set, SchemaNode node) => set.Types(node, n => TypesOnce(set, n));

    private static IReadOnlyList<string> TypesOnce(SchemaSet set, SchemaNode node)
    {
        if (node.Types.Count > 0 || node.AnyOf is null)
        {
            return node.Types.Count > 0 ? node.Types : Implied(node);
        }
        var inner = Flatten(set, node).Select(b => TypesOf(set, b)).ToList();
        return inner.Any(t => t.Count == 0) ? [] : inner.SelectMany(t => t).Distinct().ToList();
    }

    // An enum or const without "type" accepts the types of its values.
    private static IReadOnlyList<string> Implied(SchemaNode node) =>
        node.Allowed is { } allowed ? allowed.Select(JsonKinds.Of).Distinct().ToList() : [];

    // A field every candidate fixes with a const, in the order the first candidate declares its fields.
    private static string? Discriminator(List<SchemaNode> candidates, HashSet<string> used) =>
        candidates[0].Properties?.Properties().Select(p => p.Name).FirstOrDefault(name =>
            !used.Contains(name) && candidates.All(c => c.Child(name) is { } child && child.Schema["const"] is not null));

    private static List<JToken> Distinct(IEnumerable<JToken> values)
    {
        var distinct = new List<JToken>();
        foreach (var value in values)
        {
            if (!distinct.Any(d => JToken.DeepEquals(d, value)))
            {
                distinct.Add(value);
            }
        }
        return distinct;
    }

    /// <summary>An allowed value as a list shows it: strings bare, the rest as JSON.</summary>
    public static string Show(JToken value) => value.Type == JTokenType.String ? (string)value! : value.ToString(Newtonsoft.Json.Formatting.None);

    // A given value as JSON, cut short: it may be anything the user typed.
    private static string Quote(JToken value)
    {
        var json = value.ToString(Newtonsoft.Json.Formatting.None);
        return json.Length <= 40 ? json : json[..40] + "…";
    }
}
