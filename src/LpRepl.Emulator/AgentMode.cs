namespace LpRepl.Emulator;

/// <summary>How the simulated agent behaves once a consumer opens a conversation.</summary>
public enum AgentMode
{
    /// <summary>The agent accepts every conversation and answers each text message after <see cref="EmulatorOptions.AgentDelay"/>.</summary>
    Auto,

    /// <summary>The agent accepts conversations but only speaks when told to.</summary>
    Manual,

    /// <summary>No agent ever accepts or answers.</summary>
    Silent,
}
