using LpRepl.Protocol;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// A request checked against the protocol model (LpRepl.Protocol, the files the REPL lints with),
/// so the emulator refuses exactly what the model refuses: a missing required field, a value of
/// the wrong type, outside its enumeration or its documented range. Unknown fields are let through,
/// as the documentation says nothing of them (a misspelt required field is still a missing one).
/// </summary>
internal static class RequestValidation
{
    // A 400 body stays a short string, as LivePerson's are; the first findings say enough.
    private const int MaxLength = 400;

    /// <summary>Reads the model's files off the calling thread, so the first request does not pay for them.</summary>
    public static void Warm() => _ = Task.Run(() => ProtocolModel.Default);

    /// <summary>The 400 text naming each path and what is wrong there, or null when the request fits.</summary>
    public static string? Refusal(JObject request)
    {
        var refusing = ProtocolModel.Default.Check(request).Where(f => f.Refuses).ToList();
        if (refusing.Count == 0)
        {
            return null;
        }

        var text = string.Join("; ", refusing);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
