using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary>
/// The conversation's own variables (conversationId, dialogId, subscriptionId) stay with their session:
/// save leaves them out and load does not bring an older file's back, each with a note, so the next
/// tutorial starts with request-conversation as it does online.
/// </summary>
public sealed class ConversationVariablesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-conv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(CollectingOutput Output, int Code, ReplSession Session)> Run(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = OfflineSession.Create(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        return (output, code, session);
    }

    [Fact]
    public async Task Should_not_save_the_conversation_variables()
    {
        var file = Path.Combine(_dir, "lp.env");

        var (output, code, session) = await Run("LP_JWT=eyJ.a.b", "conversationId=c-1", "dialogId=c-1", "agentSays=hello", $"save {file}");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok);
        File.ReadAllLines(file).Should().Equal("LP_JWT=eyJ.a.b", "agentSays=hello");
        output.Entries.Should().Contain(e => e.Kind == "info" && e.Text.StartsWith("not saved: conversationId, dialogId (a conversation lasts one session: 'request-conversation' starts the next"));
    }

    [Fact]
    public async Task Should_not_load_the_conversation_variables_of_an_older_lp_env()
    {
        var file = Path.Combine(_dir, "lp.env");
        File.WriteAllLines(file, ["LP_JWT=eyJ.a.b", "conversationId=closed-1", "dialogId=closed-1", "subscriptionId=s-1"]);

        var (output, code, session) = await Run($"load {file}");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok);
        session.Variables["LP_JWT"].Should().Be("eyJ.a.b");
        session.Variables["conversationId"].Should().BeNull();
        session.Variables["dialogId"].Should().BeNull();
        session.Variables["subscriptionId"].Should().BeNull();
        output.Entries.Should().Contain(e => e.Text.StartsWith("not loaded: conversationId, dialogId, subscriptionId ("));
        output.Entries.Should().Contain(e => e.Text == $"loaded 1 variable from {file}");
    }
}
