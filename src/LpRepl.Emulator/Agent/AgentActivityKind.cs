namespace LpRepl.Emulator.Agent;

/// <summary>What a consumer did that the person at the agent's seat wants to see.</summary>
public enum AgentActivityKind
{
    /// <summary>A consumer asked for a conversation.</summary>
    Opened,

    /// <summary>A consumer published a text (or other content) into MAIN.</summary>
    Message,
}
