namespace LpRepl.App.Agent;

/// <summary>
/// One parsed line of the agent console. <see cref="Conversation"/> is an id prefix the line named
/// (null: the current conversation); <see cref="Text"/> is what <c>say</c> says, the mode <c>mode</c>
/// sets (null: show it), or for <c>typing</c> "off" to stop.
/// </summary>
public sealed record ConsoleCommand(ConsoleVerb Verb, string? Conversation = null, string? Text = null);
