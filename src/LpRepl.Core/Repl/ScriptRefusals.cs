namespace LpRepl.Repl;

/// <summary>
/// A script's refused requests (code 400 or more). A refusal is this script's failure unless the
/// very next line is a <c>wait</c> that matches its response (<c>wait ms.PublishEventResponse
/// .code=400</c>): a script never goes green over a request the server turned down.
/// </summary>
public sealed class ScriptRefusals
{
    private readonly List<(RefusedRequest Refusal, int Line)> _open = [];

    /// <summary>Refusals that came by line <paramref name="line"/>, each kept with the line that sent its request (pipelined, an earlier one).</summary>
    public void Note(IReadOnlyList<RefusedRequest> refused, int line)
    {
        foreach (var refusal in refused)
        {
            _open.Add((refusal, refusal.Request.Line > 0 ? refusal.Request.Line : line));
        }
    }

    /// <summary>
    /// After the line that follows them: each refusal a wait matched is settled; the first one left is
    /// the script's failure, as its line and what to write if the refusal was expected.
    /// </summary>
    public (int Line, string Error)? Unsettled(IReadOnlySet<long> waited)
    {
        _open.RemoveAll(open => waited.Contains(open.Refusal.FrameIndex));
        if (_open.Count == 0)
        {
            return null;
        }
        var (refusal, line) = _open.MinBy(open => open.Line);
        _open.Clear();
        var type = refusal.Request.Type ?? "request";
        var reason = refusal.Reason is null ? "" : $" ({refusal.Reason})";
        var responseType = WaitableType(refusal.ResponseType) ?? (type.EndsWith("Response", StringComparison.Ordinal) ? type : type + "Response");
        return (line, $"the server refused {type} id {refusal.Request.Id} with code {refusal.Code}{reason}; if that is expected, say so on the next line: wait {responseType} .code={refusal.Code}");
    }

    // The wait to suggest matches the answer as it came (GenericSubscribeResponse, StringResponse, …: many are not
    // named after their request), as a word the line can take: quoted for a '$', never a server's odd text.
    private static string? WaitableType(string? type) => type switch
    {
        null => null,
        _ when type.Length > 128 || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '$') => null,
        _ when type.Contains('$') => $"'{type}'",
        _ => type,
    };
}
