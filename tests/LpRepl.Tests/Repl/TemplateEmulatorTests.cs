using LpRepl.Repl;
using LpRepl.Tests.Support;
using LpRepl.Tests.Templating;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Repl;

/// <summary>Every built-in template, sent in a realistic order to the real emulator, is answered with 200.</summary>
public class TemplateEmulatorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_get_code_200_for_every_template_that_applies_to_a_conversation()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("signup", "connect");
        var run = new ReplLoop(session, lines, ReplMode.Interactive).RunAsync(CancellationToken.None);
        await output.WaitForAsync(e => e.Kind == "info" && e.Text.StartsWith("connected"), Timeout);
        var used = new List<string>();

        async Task<JObject> Send(string line)
        {
            var id = session.Ids.Peek().ToString(System.Globalization.CultureInfo.InvariantCulture);
            used.Add(line.Split(' ')[0]);
            lines.Push(line);
            var response = JObject.Parse((await output.WaitForFrameAsync($"\"reqId\":\"{id}\"", Timeout)).Text);
            response["code"]!.Value<int>().Should().Be(200, $"'{line}' was answered {response}");
            return response;
        }

        await Send("init-connection");
        await Send("subscribe-conversations");
        await Send("request-conversation");
        await Send("subscribe-messages");
        await Send("publish text=\"hi there\"");
        await output.WaitForFrameAsync("You said: hi there", Timeout);
        await Send("accept");
        await Send("read");
        await Send("chat-state state=COMPOSING");
        await Send("publish-rich content='{\"type\":\"vertical\",\"elements\":[{\"type\":\"text\",\"text\":\"Pick one\"}]}'");
        var upload = await Send("upload-url size=1000 type=PNG");
        var path = upload["body"]!["relativePath"]!.ToString();
        await Send($"publish-file path={path} caption=\"a logo\"");
        await Send($"download-url path={path}");
        await Send("set-user-profile first=Ann last=Lee");
        await Send("ttr type=URGENT value=300");
        await Send("get-clock");
        await Send("keep-alive");
        await Send("close-conversation");
        await Send("csat rate=5");
        await Send("request-conversation");
        await Send("close-dialog");
        await Send("request-conversation");
        await Send("close-stage");
        await Send("unsubscribe-conversations");

        used.Distinct().Should().BeEquivalentTo(TemplateFixture.LoadBuiltIns().Names, "every built-in template is exercised here");
        output.Errors.Should().BeEmpty();
        lines.End();
        (await run.WaitAsync(Timeout)).Should().Be(ExitCodes.Ok);
    }
}
