using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LpRepl.Protocol;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Protocol;

/// <summary>
/// The model's files checked by a full JSON Schema validator (JsonSchema.Net), independent of the
/// walker LpRepl reads them with: each file is valid JSON Schema 2020-12, every documented frame
/// passes it, the frames the walker refuses fail it too, and the files keep to the keywords the
/// walker reads, so the two cannot drift apart unnoticed.
/// </summary>
public class SchemaFilesTests
{
    // What the walker evaluates, and the annotations it passes over.
    private static readonly HashSet<string> Keywords =
    [
        "type", "const", "enum", "properties", "required", "additionalProperties", "items", "anyOf", "$ref", "$defs",
        "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems",
        "$schema", "$id", "$comment", "title", "description", "examples",
    ];

    private static readonly IReadOnlyDictionary<string, string> Texts = ProtocolModel.EmbeddedSchemaTexts();

    private static readonly Lazy<(BuildOptions Options, Dictionary<string, JsonSchema> ByType)> Validator = new(Build);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in Texts.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }
        return data;
    }

    public static TheoryData<string, string> Documented()
    {
        var data = new TheoryData<string, string>();
        foreach (var (source, frame) in DocumentedFrames.All)
        {
            data.Add(source, frame);
        }
        return data;
    }

    [Fact]
    public void Should_ship_one_file_per_request_type_and_the_shared_parts()
    {
        Texts.Keys.Should().Contain("common.schema.json").And.HaveCount(14);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_be_valid_JSON_Schema_2020_12_that_cites_its_sources(string file)
    {
        var schema = JsonNode.Parse(Texts[file])!;

        var result = MetaSchemas.Draft202012.Evaluate(JsonDocument.Parse(Texts[file]).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(Describe(result));
        ((string?)schema["$schema"]).Should().Be("https://json-schema.org/draft/2020-12/schema");
        ((string?)schema["$comment"]).Should().MatchRegex(@"\.(json|html)\b", "each file names the documentation it was written from");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_use_only_the_keywords_the_walker_reads(string file)
    {
        var used = new List<string>();
        Collect(JObject.Parse(Texts[file]), used);

        used.Distinct().Should().BeSubsetOf(Keywords);
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void Should_find_nothing_wrong_with_a_documented_frame(string source, string frame)
    {
        ProtocolModel.Default.Check(frame).Should().BeEmpty(source);
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void Should_pass_a_documented_frame_through_the_full_validator(string source, string frame)
    {
        var result = Evaluate(frame);

        result.IsValid.Should().BeTrue($"{source}: {Describe(result)}");
    }

    [Theory]
    [InlineData("""{"kind":"req","id":1,"type":"ms.PublishEvent","body":{"dialogID":"d","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}""")]
    [InlineData("""{"kind":"req","id":1,"type":"ms.PublishEvent","body":{"dialogId":"d","event":{"type":"ContentEvent","contentType":"text/plain","message":{"text":"hi"}}}}""")]
    [InlineData("""{"kind":"req","id":1,"type":"ms.PublishEvent","body":{"dialogId":"d","event":{"type":"ContentEvent","contentType":"text/plane","message":"hi"}}}""")]
    [InlineData("""{"kind":"req","id":1,"type":"ms.PublishEvent","body":{"dialogId":"d","event":{"type":"ChatStateEvent","chatState":"TYPING"}}}""")]
    [InlineData("""{"kind":"req","id":1,"type":"ms.PublishEvent","body":{"dialogId":"d","event":{"type":"RichContentEvent"}}}""")]
    [InlineData("""{"kind":"req","id":"0","type":"ms.GenerateURLForUploadFile","body":{"fileSize":10,"fileType":"PDF"}}""")]
    [InlineData("""{"id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"c","conversationField":[{"field":"CSATRate","csatRate":7,"csatResolutionConfirmation":true,"status":"FILLED"}]}}""")]
    [InlineData("""{"id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"c","conversationField":"CLOSE"}}""")]
    [InlineData("""{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"d","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":"3"}}}""")]
    [InlineData("""{"kind":"req","id":{"n":1},"type":"KeepAlive"}""")]
    [InlineData("""{"kind":"req","id":1,"type":"cqm.SubscribeExConversations","body":{"convstate":["OPEN"]}}""")]
    public void Should_refuse_what_the_walker_refuses(string frame)
    {
        ProtocolModel.Default.Check(frame).Should().NotBeEmpty();

        Evaluate(frame).IsValid.Should().BeFalse();
    }

    private static EvaluationResults Evaluate(string frame)
    {
        var (options, byType) = Validator.Value;
        var element = JsonDocument.Parse(frame).RootElement;
        var type = element.EnumerateObject().Last(p => p.Name == "type").Value.GetString()!;
        return byType[type].Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static (BuildOptions, Dictionary<string, JsonSchema>) Build()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var byType = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        // The shared file first: the others refer to it.
        foreach (var (file, text) in Texts.OrderBy(t => t.Key == "common.schema.json" ? 0 : 1))
        {
            var schema = JsonSchema.FromText(text, options);
            var type = JObject.Parse(text)["properties"]?["type"];
            var names = type?["const"] is { } one ? new JArray(one) : type?["enum"] as JArray ?? [];
            foreach (var name in names)
            {
                byType[(string)name!] = schema;
            }
        }
        return (options, byType);
    }

    // Every keyword of every schema in the file: schemas sit at the root, under properties and $defs, in items and anyOf.
    private static void Collect(JObject schema, List<string> used)
    {
        foreach (var (keyword, value) in schema)
        {
            used.Add(keyword);
            switch (keyword)
            {
                case "properties" or "$defs":
                    foreach (var child in ((JObject)value!).Properties().Select(p => p.Value).OfType<JObject>())
                    {
                        Collect(child, used);
                    }
                    break;
                case "items" when value is JObject items:
                    Collect(items, used);
                    break;
                case "anyOf":
                    foreach (var branch in ((JArray)value!).OfType<JObject>())
                    {
                        Collect(branch, used);
                    }
                    break;
            }
        }
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
}
