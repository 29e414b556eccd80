using LpRepl.Session;
using LpRepl.Templating;

namespace LpRepl.Tests.Templating;

/// <summary>The repository's built-in templates with a fixed session, so expansions are the same every run.</summary>
public static class TemplateFixture
{
    public const string ConversationId = "c0ffee00-0000-4000-8000-000000000001";

    public static string RepoRoot { get; } = FindRoot();

    public static string BuiltIns => Path.Combine(RepoRoot, "templates");

    public static string GoldenDirectory => Path.Combine(RepoRoot, "tests", "LpRepl.Tests", "Templating", "Golden");

    public static TemplateLibrary LoadBuiltIns()
    {
        var errors = new List<TemplateDiagnostic>();
        var library = TemplateLibrary.Load([BuiltIns], errors.Add, builtIns: BuiltIns);
        return errors.Count == 0 ? library : throw new InvalidOperationException(string.Join("\n", errors));
    }

    public static SessionVariables Variables()
    {
        var variables = new SessionVariables();
        variables.Set("LP_ACCOUNT", "12345678");
        variables.Set("LP_JWT", "eyJraWQiOiIwMDAwMSJ9.eyJzdWIiOiJ0ZXN0In0.c2ln");
        variables.Set("conversationId", ConversationId);
        variables.Set("dialogId", ConversationId);
        variables.Set("subscriptionId", "5ab5c000-0000-4000-8000-000000000002");
        return variables;
    }

    public static TemplateRenderer Renderer(out DialogSequences sequences)
    {
        sequences = new DialogSequences();
        sequences.Seen(ConversationId, 3, messageFromOthers: false);
        sequences.Seen(ConversationId, 4, messageFromOthers: true);
        return new TemplateRenderer(TemplateFunctions.Create(sequences, TimeProvider.System));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LpRepl.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LpRepl.sln not found");
    }
}
