using System.Globalization;
using LpRepl.IO;
using LpRepl.Session;
using Newtonsoft.Json;
using Scriban.Runtime;

namespace LpRepl.Templating;

/// <summary>
/// The helpers templates call: <c>json</c> (a safe JSON literal), <c>uuid</c>, <c>now_ms</c>,
/// <c>number</c> / <c>boolean</c> (a parameter as a bare JSON value, or an error naming it),
/// <c>last_seq</c> / <c>last_agent_seq</c> (per dialog), <c>read_file</c>, and <c>fail</c> (stop with a message).
/// </summary>
public static class TemplateFunctions
{
    public static ScriptObject Create(DialogSequences sequences, TimeProvider time)
    {
        var functions = new ScriptObject();
        functions.Import("json", new Func<object?, string>(Json));
        functions.Import("number", new Func<object?, string, string>(Number));
        functions.Import("boolean", new Func<object?, string, string>(Boolean));
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

    // A parameter written bare into a frame must be one JSON value: "5,\"x\":1" would add a key.
    private static string Number(object? value, string name) => value switch
    {
        int or long or double or decimal or float => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s when JsonScalar.IsNumber(s.Trim()) => s.Trim(),
        _ => throw new InvalidOperationException($"{name}={value} is not a number: give digits, e.g. {name}=5"),
    };

    private static string Boolean(object? value, string name) => value switch
    {
        bool b => b ? "true" : "false",
        string s when s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) => "true",
        string s when s.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) => "false",
        _ => throw new InvalidOperationException($"{name}={value} is not true or false"),
    };

    // Read in blocks up to the cap, never to the end first: /dev/zero has no end.
    private static string ReadFile(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            using var content = new MemoryStream();
            var block = new byte[64 * 1024];
            int count;
            while ((count = file.Read(block)) > 0)
            {
                if (content.Length + count > InputLimits.ReadFileBytes)
                {
                    throw new InvalidOperationException($"read_file {path}: larger than {InputLimits.Describe(InputLimits.ReadFileBytes)}");
                }
                content.Write(block, 0, count);
            }
            content.Position = 0;
            using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot read {path}: {e.Message}");
        }
    }
}
