using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

/// <summary>One frame of the inbound log: its place in arrival order and the connection it came on.</summary>
public sealed record InboundFrame(JObject Frame, long Index, long Connection);
