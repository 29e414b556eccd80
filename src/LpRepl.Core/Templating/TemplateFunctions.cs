using System.Globalization;
using LpRepl.Session;
using Newtonsoft.Json;
using Scriban.Runtime;

namespace LpRepl.Templating;

/// <summary>
/// The helpers templates call: <c>json</c> (a safe JSON literal), <c>uuid</c>, <c>now_ms</c>,
/// <c>last_seq</c> / <c>last_agent_seq</c> (per dialog), <c>read_file</c>, and <c>fail</c> (stop with a message).
/// </summary>
public static class TemplateFunctions
{
    public static ScriptObject Create(DialogSequences sequences, TimeProvider time)
    {
        var functions = new ScriptObject();
        functions.Import("json", new Func<object?, string>(Json));
        functions.Import("uuid", new Func<string>(() => Guid.NewGuid().ToString()));
        functions.Import("now_ms", new Func<long>(() => time.GetUtcNow().ToUnixTimeMilliseconds()));
        functions.Import("last_seq", new Func<string, long>(dialog =>
            sequences.Last(dialog) ?? throw new InvalidOperationException($"no event seen yet in dialog {dialog}: subscribe to it first")));
        functions.Import("last_agent_seq", new Func<string, long>(dialog =>
            sequences.LastFromOthers(dialog) ?? throw new InvalidOperationException($"no agent message seen yet in dialog {dialog}: pass seq=N, or subscribe first")));
        functions.Import("read_file", new Func<string, string>(ReadFile));
        functions.Import("fail", new Func<string, string>(message => throw new InvalidOperationException(message)));
        return functions;
    }

    /// <summary>A JSON literal for any value: strings quoted and escaped (quotes, backslashes, newlines, emoji), numbers and booleans as they are.</summary>
    public static string Json(object? value) => value switch
    {
        null => "null",
        string s => JsonString.Quote(s),
        bool b => b ? "true" : "false",
        int or long or double or decimal or float => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        ScriptArray array => "[" + string.Join(",", array.Select(Json)) + "]",
        ScriptObject obj => "{" + string.Join(",", obj.Select(p => JsonConvert.ToString(p.Key) + ":" + Json(p.Value))) + "}",
        _ => JsonConvert.ToString(value.ToString()),
    };

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot read {path}: {e.Message}");
        }
    }
}
