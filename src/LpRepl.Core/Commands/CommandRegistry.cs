using System.Diagnostics.CodeAnalysis;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>The built-in commands by name and alias.</summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, IReplCommand> _byName = new(StringComparer.Ordinal);
    private readonly List<IReplCommand> _commands = [];

    public CommandRegistry(IEnumerable<IReplCommand> commands)
    {
        foreach (var command in commands)
        {
            _commands.Add(command);
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                if (!_byName.TryAdd(name, command))
                {
                    throw new ArgumentException($"two commands are named '{name}'");
                }
            }
        }
    }

    /// <summary>The commands every session has.</summary>
    public static CommandRegistry CreateDefault() => new(
    [
        new HelpCommand(),
        new ExitCommand(),
        new SetCommand(),
        new UnsetCommand(),
        new VarsCommand(),
        new EchoCommand(),
        new SignupCommand(),
        new AuthenticateCommand(),
        new AnonymousCommand(),
        new JwtCommand(),
        new AgentCommand(),
        new FaultCommand(),
        new ConnectCommand(),
        new DisconnectCommand(),
        new StatusCommand(),
        new KeepAliveCommand(),
        new TemplatesCommand(),
        new TemplateCommand(),
        new SendCommand(),
        new RenderCommand(),
        new StrictCommand(),
        new PipelineCommand(),
        new FormatCommand(),
        new ShowCommand(),
        new WscatCommand(),
        new WaitCommand(),
        new SyncCommand(),
        new CaptureCommand(),
        new SleepCommand(),
        new RunCommand(),
        new SaveCommand(),
        new LoadCommand(),
        new RecordCommand(),
    ]);

    public IReadOnlyList<IReplCommand> All => _commands;

    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(string name, [MaybeNullWhen(false)] out IReplCommand command) => _byName.TryGetValue(name, out command);

    /// <summary>Runs <paramref name="command"/> if <paramref name="args"/> fit its arity: the one place every command's arguments are counted.</summary>
    public static Task<LineResult> RunAsync(IReplCommand command, ReplSession session, IReadOnlyList<string> args, CancellationToken ct) =>
        command.Arity.Check(command, args) is { } error ? Task.FromResult(LineResult.Fail(error)) : command.ExecuteAsync(session, args, ct);

    /// <summary>The closest known name, if it is close enough to be a likely typo.</summary>
    public string? Nearest(string name) => NearestName.Find(name, _byName.Keys);
}
