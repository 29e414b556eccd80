using LpRepl.Agent;
using LpRepl.Emulator;
using LpRepl.Emulator.Agent;

namespace LpRepl.App.Startup;

/// <summary>The <c>agent</c> command's seam, backed by the embedded emulator's agent seat.</summary>
public sealed class EmulatorAgentSeat(AgentSeat seat) : IAgentSeat
{
    public string Mode => seat.Mode.ToString().ToLowerInvariant();

    public AgentOutcome SetMode(string mode)
    {
        if (!Enum.TryParse<AgentMode>(mode, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(mode, out _))
        {
            return new AgentOutcome(false, $"mode must be auto, manual or silent (not '{mode}')");
        }
        seat.Mode = parsed;
        return new AgentOutcome(true, parsed switch
        {
            AgentMode.Auto => "mode auto: accepts new conversations and answers \"You said: …\"",
            AgentMode.Manual => "mode manual: waits for 'agent accept', 'agent say …'",
            _ => "mode silent: nobody answers (the agent commands still work)",
        });
    }

    public AgentOutcome Accept(string account, string conversationId) => From(seat.Accept(account, conversationId));

    public AgentOutcome Say(string account, string conversationId, string text) => From(seat.Say(account, conversationId, text));

    public AgentOutcome Typing(string account, string conversationId, bool composing) => From(seat.Typing(account, conversationId, composing));

    public AgentOutcome Read(string account, string conversationId) => From(seat.Read(account, conversationId));

    public AgentOutcome Close(string account, string conversationId) => From(seat.Close(account, conversationId));

    public string? LatestConversation(string account) => seat.LatestConversation(account);

    private static AgentOutcome From(AgentActionResult result) => new(result.Ok, result.Message, result.Sequence);
}
