namespace LpRepl.Emulator.Agent;

/// <summary>One thing a consumer did, as it happens; <see cref="Text"/> is a message's text (or its content type), unescaped.</summary>
public sealed record AgentActivity(AgentActivityKind Kind, string Account, string ConversationId, string ConsumerId, string? Text = null);
