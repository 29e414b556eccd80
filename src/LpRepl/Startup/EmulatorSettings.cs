using LpRepl.Emulator;

namespace LpRepl.App.Startup;

/// <summary>The emulator's options from the command line, the same for the embedded and the standalone one.</summary>
public static class EmulatorSettings
{
    public static EmulatorOptions From(AppOptions options, string? account, int port = 0) => new()
    {
        Port = port,
        Agent = options.Agent,
        AgentDelay = TimeSpan.FromMilliseconds(options.AgentDelayMs),
        AgentAcceptDelay = TimeSpan.FromMilliseconds(Math.Max(0, options.AgentAcceptDelayMs)),
        AgentTyping = options.AgentTyping,
        IdleTimeout = options.IdleTimeoutSeconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(options.IdleTimeoutSeconds),
        DefaultAccount = account ?? new EmulatorOptions().DefaultAccount,
    };
}
