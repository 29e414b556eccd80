namespace LpRepl.Templating;

/// <summary>An error in a template file, compiler style: <c>file(line,col) : error : message</c>.</summary>
public sealed record TemplateDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}) : error : {Message}";
}
