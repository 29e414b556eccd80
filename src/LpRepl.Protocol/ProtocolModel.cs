using LpRepl.Protocol.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol;

/// <summary>
/// The consumer side of the Messaging Window API as data: one JSON Schema file per request type
/// (Schemas/, embedded), written from LivePerson's documentation with its sources in each
/// file's <c>$comment</c>. It checks frames (<see cref="Check(JToken)"/>: the REPL's lint, and
/// the emulator's request validation) and says what may come at a path of a frame being typed
/// (<see cref="FieldNames"/>, <see cref="Values"/>: Tab completion).
/// </summary>
/// <remarks>
/// The files are read by a small walker of our own rather than a JSON Schema library: LpRepl must
/// start fast, the walker needs the schema tree anyway for completion, and it can say what a person
/// needs ("body.dialogID: unknown field; did you mean 'dialogId'?") where a validator reports every
/// failed branch of an anyOf. The tests check every file with JsonSchema.Net, a full validator,
/// as an independent oracle.
/// Loading is lazy: nothing is read before the first frame is checked or completed.
/// </remarks>
public sealed class ProtocolModel
{
    private const string ResourcePrefix = "LpRepl.Protocol.Schemas.";

    // Read on first use, never at start. Measured (bench/LpRepl.Bench `protocol walker|jsonschema`, a fresh process each,
    // the JSON libraries already warm as in the REPL, a 2-core machine under load): this walker is ready and has checked
    // its first frame in 60-125 ms, JsonSchema.Net over the same files in 340-460 ms; after that both check a
    // PublishEvent in 20-40 µs. The walker also names the one wrong thing of an anyOf and serves completion.
    private static readonly Lazy<ProtocolModel> Embedded = new(() => FromTexts(EmbeddedSchemaTexts()));

    private readonly SchemaSet _set;
    private readonly Dictionary<string, string> _fileByType = new(StringComparer.Ordinal);
    private readonly SchemaChecker _checker;
    private readonly SchemaNavigator _navigator;

    private ProtocolModel(SchemaSet set)
    {
        _set = set;
        _checker = new SchemaChecker(set);
        _navigator = new SchemaNavigator(set);
        foreach (var (file, schema) in set.Files)
        {
            foreach (var type in new SchemaNode(schema, file).Child("type")?.Allowed ?? [])
            {
                _fileByType[(string)type!] = file;
            }
        }
        RequestTypes = [.. _fileByType.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The model LpRepl ships, read from the embedded files on first use.</summary>
    public static ProtocolModel Default => Embedded.Value;

    /// <summary>Every consumer request type the model knows.</summary>
    public IReadOnlyList<string> RequestTypes { get; }

    /// <summary>The embedded schema files by file name (<c>ms.PublishEvent.schema.json</c>), for tools and tests.</summary>
    public static IReadOnlyDictionary<string, string> EmbeddedSchemaTexts()
    {
        var assembly = typeof(ProtocolModel).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts[name[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }
        return texts;
    }

    /// <summary>A model from schema files given by name and text (the embedded ones, or a test's).</summary>
    public static ProtocolModel FromTexts(IReadOnlyDictionary<string, string> texts) =>
        new(new SchemaSet(texts.ToDictionary(t => t.Key, t => JObject.Parse(t.Value), StringComparer.Ordinal)));

    /// <summary>Everything wrong with <paramref name="frame"/> by the model; empty when it fits.</summary>
    public IReadOnlyList<ProtocolFinding> Check(JToken frame)
    {
        if (frame is not JObject request)
        {
            return [new ProtocolFinding("", FindingKind.WrongType, $"a frame is a JSON object, not {JsonKinds.Describe([JsonKinds.Of(frame)])}")];
        }
        switch (request["type"])
        {
            case null:
                return [new ProtocolFinding("type", FindingKind.MissingField, "missing: a request names its type (Tab after \"type\":\" lists them)")];
            case JValue { Type: JTokenType.String } typeName when !_fileByType.ContainsKey((string)typeName!):
                var typed = (string)typeName!;
                var nearest = Spelling.Nearest(typed, RequestTypes);
                var hint = nearest is null ? "Tab after \"type\":\" lists the known ones" : $"did you mean '{nearest}'?";
                // Cut short as the other findings' values are: the type may be anything the user typed, a megabyte long.
                var shown = typed.Length <= 60 ? typed : typed[..60] + "…";
                return [new ProtocolFinding("type", FindingKind.UnknownType, $"'{shown}' is not a consumer request type; {hint}", nearest)];
            case JValue { Type: JTokenType.String } typeName:
                var findings = new List<ProtocolFinding>();
                _checker.Check(_set.Root(_fileByType[(string)typeName!]), request, "", findings);
                return findings;
            case var other:
                return [new ProtocolFinding("type", FindingKind.WrongType, $"expected a string, found {JsonKinds.Describe([JsonKinds.Of(other)])}")];
        }
    }

    /// <summary>Checks frame text; text that is not JSON gets one finding saying so.</summary>
    public IReadOnlyList<ProtocolFinding> Check(string frame)
    {
        try
        {
            return Check(Parse(frame, FloatParseHandling.Decimal));
        }
        catch (JsonReaderException)
        {
            try
            {
                // Valid JSON whose number does not fit a decimal (1e30): a double holds it well enough to check.
                return Check(Parse(frame, FloatParseHandling.Double));
            }
            catch (JsonReaderException e)
            {
                return [new ProtocolFinding("", FindingKind.WrongType, $"not JSON: {e.Message}")];
            }
        }
    }

    private static JToken Parse(string text, FloatParseHandling floats)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = floats };
        return JToken.ReadFrom(reader);
    }

    /// <summary>
    /// The field names that may come in the object at <paramref name="path"/> of <paramref name="frame"/>
    /// (property names and array indexes from the root), leaving out those it has already.
    /// </summary>
    public IReadOnlyList<string> FieldNames(JObject frame, IReadOnlyList<object> path)
    {
        var here = Lookup(frame, path) as JObject;
        return Nodes(frame, path)
            .SelectMany(n => n.Properties?.Properties().Select(p => p.Name) ?? [])
            .Where(name => here?[name] is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The values the model names for <paramref name="path"/> of <paramref name="frame"/>: its enumerations, constants and examples.</summary>
    public IReadOnlyList<JToken> Values(JObject frame, IReadOnlyList<object> path)
    {
        var values = new List<JToken>();
        foreach (var node in Nodes(frame, path))
        {
            IEnumerable<JToken> examples = node.Schema["examples"] as JArray ?? [];
            foreach (var value in (node.Allowed ?? []).Concat(examples))
            {
                if (!values.Any(known => JToken.DeepEquals(known, value)))
                {
                    values.Add(value);
                }
            }
        }
        return values;
    }

    private IReadOnlyList<SchemaNode> Nodes(JObject frame, IReadOnlyList<object> path)
    {
        IEnumerable<SchemaNode> roots = frame["type"] is JValue { Type: JTokenType.String } type && _fileByType.TryGetValue((string)type!, out var file)
            ? [_set.Root(file)]
            : _fileByType.Values.Distinct().Order(StringComparer.Ordinal).Select(_set.Root);
        return _navigator.At(roots, frame, path);
    }

    private static JToken? Lookup(JToken? token, IReadOnlyList<object> path)
    {
        foreach (var step in path)
        {
            token = step switch
            {
                string name => (token as JObject)?[name],
                int index when token is JArray array && index < array.Count => array[index],
                _ => null,
            };
        }
        return token;
    }
}
