using LpRepl.Frames;
using LpRepl.Protocol;
using Newtonsoft.Json.Linq;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    private bool? _strict;

    /// <summary>
    /// Whether a frame that does not fit the protocol model is refused (<c>--strict</c>, <c>strict on</c>)
    /// rather than sent with a warning.
    /// </summary>
    public bool Strict
    {
        get => _strict ?? Services.Strict;
        set => _strict = value;
    }

    // Null when the frame may go (fitting, or sent with a warning); else the refusal, with every finding.
    private LineResult? Lint(JObject frame, FrameInfo info)
    {
        var findings = ProtocolModel.Default.Check(frame);
        if (findings.Count == 0)
        {
            return null;
        }
        var what = info.Type is { Length: > 0 } type && ProtocolModel.Default.RequestTypes.Contains(type) ? type : "the frame";
        var list = findings.Count == 1 ? $" {findings[0]}" : ":\n" + string.Join("\n", findings.Select(f => $"  {f}"));
        if (Strict)
        {
            return LineResult.Fail($"{what} does not fit the protocol (strict on), so nothing was sent{(findings.Count == 1 ? ":" : "")}{list}");
        }
        Output.Warning($"{what} does not fit the protocol; sent anyway ('strict on' refuses such frames){(findings.Count == 1 ? ":" : "")}{list}");
        return null;
    }
}
