using Newtonsoft.Json.Linq;

namespace LpRepl.Repl.Completion;

/// <summary>
/// A frame typed up to the cursor: what of it is complete (<see cref="Frame"/>), the path of the
/// object or value the cursor is in, and the word being typed there (<see cref="Prefix"/>, from
/// <see cref="PrefixStart"/>; <see cref="Quoted"/> when inside an open string).
/// </summary>
public sealed record FrameCursor(JObject Frame, IReadOnlyList<object> Path, CursorPlace Place, string Prefix, int PrefixStart, bool Quoted);
