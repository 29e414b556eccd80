using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using LpRepl.Protocol;
using Newtonsoft.Json.Linq;

namespace LpRepl.Bench;

/// <summary>
/// What checking a frame against the protocol model costs: the first check in a fresh process
/// (reading the embedded files, parsing, JIT: what the first frame a user sends pays, the JSON
/// libraries themselves being warm by then, as in the REPL) and checks
/// per second after that, for LpRepl's own walker and for JsonSchema.Net over the same files.
/// Run each in its own process (<c>protocol walker</c>, <c>protocol jsonschema</c>) so neither
/// warms the other.
/// </summary>
public static class ProtocolModelBench
{
    private const string Frame = """{"kind":"req","id":3,"type":"ms.PublishEvent","body":{"dialogId":"c0ffee00-0000-4000-8000-000000000001","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}""";

    public static int Run(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "walker";
        // The REPL has parsed frames with both JSON libraries before it checks one: only the model's own cost counts.
        JObject.Parse(Frame);
        JsonDocument.Parse(Frame).Dispose();
        var watch = Stopwatch.StartNew();
        Func<bool> check = which switch
        {
            "walker" => Walker(),
            "jsonschema" => JsonSchemaNet(),
            _ => throw new ArgumentException($"protocol walker|jsonschema, not {which}"),
        };
        var built = watch.Elapsed;
        if (!check())
        {
            Console.Error.WriteLine("the documented frame did not pass");
            return 1;
        }
        var first = watch.Elapsed;
        const int count = 100_000;
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var each = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                check();
            }
            rates.Add(count / each.Elapsed.TotalSeconds);
        }
        rates.Sort();
        Console.WriteLine($"protocol model, {which}: load {built.TotalMilliseconds:F1} ms, first check done at {first.TotalMilliseconds:F1} ms, then {rates[2]:N0} checks/s ({1e6 / rates[2]:F1} µs each) for ms.PublishEvent text, parsed frame given");
        return 0;
    }

    private static Func<bool> Walker()
    {
        var model = ProtocolModel.Default;
        var frame = JObject.Parse(Frame);
        return () => model.Check(frame).Count == 0;
    }

    private static Func<bool> JsonSchemaNet()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var texts = ProtocolModel.EmbeddedSchemaTexts();
        JsonSchema? publish = null;
        foreach (var (file, text) in texts.OrderBy(t => t.Key == "common.schema.json" ? 0 : 1))
        {
            var schema = JsonSchema.FromText(text, options);
            if (file == "ms.PublishEvent.schema.json")
            {
                publish = schema;
            }
        }
        var frame = JsonDocument.Parse(Frame).RootElement;
        var evaluation = new EvaluationOptions { OutputFormat = OutputFormat.Flag };
        return () => publish!.Evaluate(frame, evaluation).IsValid;
    }
}
