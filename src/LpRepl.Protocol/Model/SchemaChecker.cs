using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol.Model;

/// <summary>
/// Checks a value against a schema of the model, collecting findings with their paths. It reads
/// the keywords the model's files use (type, const, enum, properties, required,
/// additionalProperties: false, items, anyOf, $ref, and the ranges of <see cref="Ranges"/>) and passes over annotations; a test holds the
/// files to that set, so this and a full JSON Schema validator agree on every frame.
/// </summary>
internal sealed class SchemaChecker(SchemaSet set)
{
    public void Check(SchemaNode node, JToken value, string path, List<ProtocolFinding> findings)
    {
        node = set.Resolve(node);
        if (!JsonKinds.Matches(node.Types, value))
        {
            findings.Add(new ProtocolFinding(path, FindingKind.WrongType, $"expected {JsonKinds.Describe(node.Types)}, found {JsonKinds.Describe([JsonKinds.Of(value)])}"));
            return;
        }
        if (node.Allowed is { } allowed && !allowed.Any(a => JToken.DeepEquals(a, value)))
        {
            findings.Add(Branches.NotOneOf(path, value, allowed));
            return;
        }
        if (Ranges.Check(node, value, path) is { } outside)
        {
            findings.Add(outside);
            return;
        }
        if (node.AnyOf is not null)
        {
            CheckAnyOf(node, value, path, findings);
        }
        if (value is JObject instance)
        {
            CheckObject(node, instance, path, findings);
        }
        else if (value is JArray array && node.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], JsonPath.Index(path, i), findings);
            }
        }
    }

    private void CheckAnyOf(SchemaNode node, JToken value, string path, List<ProtocolFinding> findings)
    {
        var choice = Branches.Choose(set, node, value, path);
        if (choice.Stop is { } stop)
        {
            findings.Add(stop);
            return;
        }
        List<ProtocolFinding>? best = null;
        foreach (var candidate in choice.Candidates)
        {
            var found = new List<ProtocolFinding>();
            Check(candidate, value, path, found);
            if (found.Count == 0)
            {
                return;
            }
            if (best is null || found.Count < best.Count)
            {
                best = found;
            }
        }
        findings.AddRange(best ?? []);
    }

    private void CheckObject(SchemaNode node, JObject instance, string path, List<ProtocolFinding> findings)
    {
        var missing = node.Required.Where(name => instance[name] is null).ToList();
        // Only an unknown field needs the declared ones (for its suggestion): most frames have none.
        List<string>? declared = null;
        List<string>? absent = null;
        foreach (var (name, child) in instance)
        {
            if (node.Child(name) is { } schema)
            {
                Check(schema, child!, JsonPath.Property(path, name), findings);
                continue;
            }
            declared ??= node.Properties?.Properties().Select(p => p.Name).ToList() ?? [];
            absent ??= declared.Where(field => instance[field] is null).ToList();
            if (declared.Count == 0 && !node.Closed)
            {
                continue;
            }
            // A misspelling most likely means a field that is missing: that one first, then any not given.
            var nearest = Spelling.Nearest(name, missing) ?? Spelling.Nearest(name, absent);
            var fieldPath = JsonPath.Property(path, name);
            if (nearest is not null && missing.Remove(nearest))
            {
                findings.Add(new ProtocolFinding(fieldPath, FindingKind.UnknownField, $"unknown field; did you mean '{nearest}'? ({nearest} is required)", nearest) { StandsForRequired = true });
            }
            else if (nearest is not null)
            {
                findings.Add(new ProtocolFinding(fieldPath, FindingKind.UnknownField, $"unknown field; did you mean '{nearest}'?", nearest));
            }
            else if (node.Closed)
            {
                var known = declared.Count == 0 ? "none" : string.Join(", ", declared.Take(10)) + (declared.Count > 10 ? ", …" : "");
                findings.Add(new ProtocolFinding(fieldPath, FindingKind.UnknownField, $"unknown field (the fields here: {known})"));
            }
        }
        foreach (var name in missing)
        {
            findings.Add(new ProtocolFinding(JsonPath.Property(path, name), FindingKind.MissingField, "missing (required)"));
        }
    }
}
