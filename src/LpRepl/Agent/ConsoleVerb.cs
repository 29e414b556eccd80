namespace LpRepl.App.Agent;

/// <summary>What a line at the agent console asks for.</summary>
public enum ConsoleVerb
{
    Accept,
    Say,
    Typing,
    Read,
    Close,
    Mode,
    Conversations,
    Use,
    Help,
    Quit,
}
