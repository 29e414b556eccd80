using System.CommandLine;
using System.Reflection;
using LpRepl.Repl;
using LpRepl.Terminal;

namespace LpRepl.App;

/// <summary>The command line: <c>lprepl [options]</c> (the REPL) and <c>lprepl emulator</c>.</summary>
public static class App
{
    public static string Version { get; } =
        typeof(App).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static async Task<int> RunAsync(string[] args, ITerminal? terminal = null)
    {
        var cli = new CommandLine(terminal);
        var parse = cli.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"lprepl: {error.Message}");
            }
            Console.Error.WriteLine("Try 'lprepl --help'.");
            return ExitCodes.Usage;
        }
        // Ctrl-C is the REPL's to interpret, not the parser's.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
