namespace LpRepl.Emulator.Agent;

/// <summary>The agent modes as people type and read them: auto, manual, silent.</summary>
public static class AgentModeText
{
    public static readonly IReadOnlyList<string> Names = ["auto", "manual", "silent"];

    /// <summary>auto, manual or silent, any case; numbers (which Enum.TryParse would take) are not modes.</summary>
    public static bool TryParse(string text, out AgentMode mode)
    {
        mode = default;
        return Names.Contains(text.ToLowerInvariant()) && Enum.TryParse(text, ignoreCase: true, out mode);
    }

    public static string Name(AgentMode mode) => mode.ToString().ToLowerInvariant();

    public static string Problem(string text) => $"mode must be auto, manual or silent (not '{text}')";

    /// <summary>What the mode now does, in a line.</summary>
    public static string Describe(AgentMode mode, string acceptVerb = "agent accept", string sayVerb = "agent say") => mode switch
    {
        AgentMode.Auto => "mode auto: accepts new conversations and answers \"You said: …\"",
        AgentMode.Manual => $"mode manual: waits for '{acceptVerb}', '{sayVerb} …'",
        _ => "mode silent: nobody answers (the agent commands still work)",
    };
}
