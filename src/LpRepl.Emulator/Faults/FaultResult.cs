namespace LpRepl.Emulator.Faults;

/// <summary>What one fault-injection call did.</summary>
/// <param name="Action">drop, freeze, thaw, close, delay, reorder or reset.</param>
/// <param name="Sockets">How many open consumer sockets it acted on.</param>
/// <param name="Message">One line for a person: what was done, and to how many sockets.</param>
public sealed record FaultResult(string Action, int Sockets, string Message);
