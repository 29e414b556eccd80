using System.Text.RegularExpressions;
using LpRepl.Commands;
using Scriban.Syntax;

namespace LpRepl.Templating;

/// <summary>
/// A template's runtime error in the user's terms: an unset variable says what sets it
/// (<c>conversationId is not set: request a conversation first (request-conversation)</c>), not
/// Scriban's "variable or function was not found". A user's template keeps its file, line and column
/// (it is theirs to fix); a built-in one is named, since its lines are not the user's to edit.
/// </summary>
public static partial class TemplateErrors
{
    // What sets each variable the session fills in by itself.
    private static readonly Dictionary<string, string> Setters = new(StringComparer.Ordinal)
    {
        ["conversationId"] = "request a conversation first (request-conversation)",
        ["dialogId"] = "request a conversation first (request-conversation)",
        ["subscriptionId"] = "subscribe to conversations first (subscribe-conversations)",
        ["LP_JWT"] = "get a token first (signup, authenticate or anonymous)",
    };

    /// <summary>The error of a library template.</summary>
    public static string ForTemplate(FrameTemplate template, ScriptRuntimeException e, IEnumerable<string> known)
    {
        var message = InUserTerms(e.OriginalMessage, known);
        return template.BuiltIn
            ? $"{template.Name}: {message}"
            : new TemplateDiagnostic(template.SourcePath, e.Span.Start.Line + 1, e.Span.Start.Column + 1, message).ToString();
    }

    /// <summary>The error of a frame's own <c>{{ }}</c>, with where in the frame.</summary>
    public static string ForFrame(ScriptRuntimeException e, IEnumerable<string> known) =>
        $"{InUserTerms(e.OriginalMessage, known)} (the frame's {{{{ }}}} at line {e.Span.Start.Line + 1}, column {e.Span.Start.Column + 1})";

    /// <summary>Scriban's message, or for an unknown name what it is and what sets it.</summary>
    public static string InUserTerms(string message, IEnumerable<string> known)
    {
        if (NotFound().Match(message) is not { Success: true } match)
        {
            return message;
        }
        var name = match.Groups["name"].Value;
        if (Setters.TryGetValue(name, out var setter))
        {
            return $"{name} is not set: {setter}";
        }
        var nearest = NearestName.Find(name, known.Concat(Setters.Keys).Distinct(StringComparer.Ordinal));
        return $"{name} is not set{(nearest is null ? "" : $" (did you mean '{nearest}'?)")}: set it first ({name}=value)";
    }

    [GeneratedRegex("^The variable or function [`'\"](?<name>[^`'\"]+)[`'\"] was not found")]
    private static partial Regex NotFound();
}
