using System.Diagnostics;
using LpRepl.Session;
using LpRepl.Templating;

namespace LpRepl.Bench;

/// <summary>
/// Expansions per second of the <c>publish</c> template with a 1 KB message, on one thread, as
/// the REPL does it (render, then validate the frame as JSON). Prints the median of five runs.
/// </summary>
public static class TemplateExpansionBench
{
    public static int Run(string[] args)
    {
        var templates = args.Length > 0 ? args[0] : Path.Combine(FindRoot(), "templates");
        var library = TemplateLibrary.Load([templates], d => Console.Error.WriteLine(d));
        if (!library.TryGet("publish", out var publish))
        {
            Console.Error.WriteLine($"no publish template in {templates}");
            return 1;
        }
        var variables = new SessionVariables();
        variables.Set("conversationId", "c0ffee00-0000-4000-8000-000000000001");
        var renderer = new TemplateRenderer(TemplateFunctions.Create(new DialogSequences(), TimeProvider.System));
        Console.WriteLine("publish template, one thread, render + JSON check as the REPL does (median of 5 runs of 100,000):");
        // A chat message: prose with a quote or two and an emoji, 1 KB.
        var prose = string.Concat(Enumerable.Repeat("Hello, I'd like to move my \"Paris\" flight to Monday 12 May ✈️ please. ", 16))[..1024];
        var proseRate = Measure(renderer, publish, variables, prose, "1 KB message, prose");
        // Worst case: a quote or backslash every 8 characters, each one escaped.
        var escapes = string.Concat(Enumerable.Repeat("hi \"there\" \\ 😀 ", 64))[..1024];
        Measure(renderer, publish, variables, escapes, "1 KB message, escape-heavy");
        Console.WriteLine($"  goal 200,000/s for the 1 KB message: {(proseRate >= 200_000 ? "met" : "NOT met")} ({proseRate / 200_000:P0} of goal)");
        return 0;
    }

    private static double Measure(TemplateRenderer renderer, FrameTemplate publish, SessionVariables variables, string message, string label)
    {
        const int perRun = 100_000;
        var arguments = new Dictionary<string, string> { ["text"] = message };
        Expand(renderer, publish, arguments, variables, 200_000);
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            Expand(renderer, publish, arguments, variables, perRun);
            rates.Add(perRun / watch.Elapsed.TotalSeconds);
        }
        rates.Sort();
        Console.WriteLine($"  {label}: {rates[2]:N0} expansions/s ({1e6 / rates[2]:F1} µs each; runs {rates[0]:N0} … {rates[4]:N0})");
        return rates[2];
    }

    private static void Expand(TemplateRenderer renderer, FrameTemplate template, Dictionary<string, string> arguments, SessionVariables variables, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (renderer.Render(template, arguments, variables, i).Error is { } error)
            {
                throw new InvalidOperationException(error);
            }
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LpRepl.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
