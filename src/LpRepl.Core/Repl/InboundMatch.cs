using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>
/// What a wait on the inbound log found: the frame (null when none came in time) and how many frames
/// of its window the log had already dropped before it could look at them.
/// </summary>
public sealed record InboundMatch(JObject? Frame, long Index, long Missed);
