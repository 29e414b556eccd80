using System.Text.RegularExpressions;
using LpRepl.Protocol;
using LpRepl.Session;
using LpRepl.Tests.Templating;
using LpRepl.Transport.KeepAlive;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Protocol;

/// <summary>
/// The lint is quiet on what LpRepl itself writes: every built-in template's frame, every raw frame
/// of the tutorial scripts, and the session's own keep-alive, restore and InitConnection frames.
/// </summary>
public partial class OwnFramesTests
{
    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Slot();

    public static TheoryData<string> GoldenFrames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TemplateFixture.GoldenDirectory, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    public static TheoryData<string, int, string> ScriptFrames()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TemplateFixture.RepoRoot, "scripts"), "*.lprepl").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith('{'))
                {
                    data.Add(Path.GetFileName(file), i + 1, lines[i]);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFrames))]
    public void Should_find_nothing_wrong_with_a_built_in_templates_frame(string golden)
    {
        var frame = File.ReadAllText(Path.Combine(TemplateFixture.GoldenDirectory, golden));

        ProtocolModel.Default.Check(frame).Should().BeEmpty(frame);
    }

    [Theory]
    [MemberData(nameof(ScriptFrames))]
    public void Should_find_nothing_wrong_with_a_raw_frame_of_a_tutorial_script(string script, int line, string frame)
    {
        // A {{slot}} is filled with a string before sending, as a conversation id would be.
        var filled = Slot().Replace(frame, "x");

        ProtocolModel.Default.Check(filled).Should().BeEmpty($"{script}:{line}: {frame}");
    }

    [Fact]
    public void Should_find_nothing_wrong_with_the_keep_alive_probe()
    {
        ProtocolModel.Default.Check(GetClockProbe.Request(7)).Should().BeEmpty();
    }

    [Fact]
    public void Should_find_nothing_wrong_with_the_frames_that_restore_subscriptions()
    {
        var ledger = new SubscriptionLedger();
        ledger.ObserveRequest(JObject.Parse("""{"kind":"req","id":"1","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d","conversationId":"d","fromSeq":0}}"""));
        ledger.ObserveResponse(JObject.Parse("""{"kind":"resp","reqId":"1","code":200,"body":{},"type":"GenericSubscribeResponse"}"""));
        ledger.ObserveRequest(JObject.Parse("""{"kind":"req","id":"2","type":"cqm.SubscribeExConversations","body":{"convState":["OPEN","CLOSE"],"minLastUpdatedTime":0}}"""));
        ledger.ObserveResponse(JObject.Parse("""{"kind":"resp","reqId":"2","code":200,"body":{"subscriptionId":"s"},"type":"cqm.SubscribeExConversationsResponse"}"""));
        var next = 10;

        var frames = ledger.RestoreFrames(_ => 4, () => (++next).ToString(System.Globalization.CultureInfo.InvariantCulture));

        frames.Should().HaveCount(2);
        frames.Should().OnlyContain(f => ProtocolModel.Default.Check(f.Frame).Count == 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"type":".ClientProperties","deviceFamily":"MOBILE","os":"ANDROID"}""")]
    [InlineData("""{"type":".ClientProperties","appId":"webAsync","integrationVersion":"3.0.5","integration":"WEB_SDK","features":["AUTO_MESSAGES","RICH_CONTENT","CO_BROWSE","PHOTO_SHARING","QUICK_REPLIES","MULTI_DIALOG"]}""")]
    public void Should_find_nothing_wrong_with_the_InitConnection_connect_sends(string? props)
    {
        // The LP_PROPS of the client properties and post-conversation survey tutorials, as connect --init sends them.
        var frame = new JObject
        {
            ["kind"] = "req",
            ["id"] = "1",
            ["type"] = "InitConnection",
            ["headers"] = new JArray(
                ClientPropertiesHeader(props),
                new JObject { ["type"] = ".ams.headers.ConsumerAuthentication", ["jwt"] = "a.b.c" }),
        };

        ProtocolModel.Default.Check(frame).Should().BeEmpty();
    }

    private static JObject ClientPropertiesHeader(string? props) =>
        LpRepl.Protocol.ClientProperties.AsInitHeader(LpRepl.Protocol.ClientProperties.Parse(props, out _));
}
