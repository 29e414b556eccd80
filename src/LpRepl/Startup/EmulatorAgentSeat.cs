using LpRepl.Agent;
using LpRepl.Emulator.Agent;

namespace LpRepl.App.Startup;

/// <summary>The <c>agent</c> command's seat, backed by the embedded emulator's agent seat in this process.</summary>
public sealed class EmulatorAgentSeat(AgentSeat seat) : IAgentSeat
{
    public string? Target => $"the embedded emulator, agent mode {AgentModeText.Name(seat.Mode)}";

    public Task<AgentOutcome> ModeAsync(CancellationToken ct) => Done(new AgentOutcome(true, AgentModeText.Name(seat.Mode)));

    public Task<AgentOutcome> SetModeAsync(string mode, CancellationToken ct)
    {
        if (!AgentModeText.TryParse(mode, out var parsed))
        {
            return Done(AgentOutcome.BadMode(mode));
        }
        seat.Mode = parsed;
        return Done(new AgentOutcome(true, AgentModeText.Describe(parsed)));
    }

    public Task<AgentOutcome> AcceptAsync(string account, string? conversationId, CancellationToken ct) => On(account, conversationId, id => seat.Accept(account, id));

    public Task<AgentOutcome> SayAsync(string account, string? conversationId, string text, CancellationToken ct) => On(account, conversationId, id => seat.Say(account, id, text));

    public Task<AgentOutcome> TypingAsync(string account, string? conversationId, bool composing, CancellationToken ct) => On(account, conversationId, id => seat.Typing(account, id, composing));

    public Task<AgentOutcome> ReadAsync(string account, string? conversationId, CancellationToken ct) => On(account, conversationId, id => seat.Read(account, id));

    public Task<AgentOutcome> CloseAsync(string account, string? conversationId, CancellationToken ct) => On(account, conversationId, id => seat.Close(account, id));

    // No id: the account's most recently opened conversation, as before there was a standalone seat.
    private Task<AgentOutcome> On(string account, string? conversationId, Func<string, AgentActionResult> action)
    {
        if ((conversationId ?? seat.LatestConversation(account)) is not { } id)
        {
            return Done(AgentOutcome.NoConversation);
        }
        var result = action(id);
        return Done(new AgentOutcome(result.Ok, result.Message, result.Sequence));
    }

    private static Task<AgentOutcome> Done(AgentOutcome outcome) => Task.FromResult(outcome);
}
