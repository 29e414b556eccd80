using LpRepl.Commands;
using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary>A command never ignores arguments: too many (or too few) is an error before it runs, with its usage.</summary>
public sealed class CommandArityTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("status extra", "status takes no arguments; usage: status")]
    [InlineData("vars foo", "unexpected argument 'foo'; usage: vars [--show]")]
    [InlineData("vars --show extra", "vars takes at most 1 argument ('extra' is one too many); usage: vars [--show]")]
    [InlineData("disconnect now", "disconnect takes no arguments; usage: disconnect")]
    [InlineData("templates all", "templates takes no arguments; usage: templates")]
    [InlineData("exit now", "exit takes no arguments; usage: exit")]
    [InlineData("quit now", "exit takes no arguments; usage: exit")]
    [InlineData("signup extra", "signup takes no arguments; usage: signup")]
    [InlineData("help status extra", "help takes at most 1 argument ('extra' is one too many); usage: help [COMMAND]")]
    [InlineData("save a.env b.env", "save takes at most 1 argument ('b.env' is one too many); usage: save [FILE]")]
    [InlineData("jwt a b", "jwt takes at most 1 argument ('b' is one too many); usage: jwt [TOKEN | VARIABLE]")]
    [InlineData("authenticate a b", "authenticate takes at most 1 argument ('b' is one too many); usage: authenticate [EXTERNAL_JWT]")]
    [InlineData("load a b", "load takes 1 argument ('b' is one too many); usage: load FILE")]
    [InlineData("load", "load takes 1 argument; usage: load FILE")]
    [InlineData("run a b", "run takes 1 argument ('b' is one too many); usage: run FILE")]
    [InlineData("record a b", "record takes 1 argument ('b' is one too many); usage: record FILE | record off")]
    [InlineData("sleep 1 2", "sleep takes 1 argument ('2' is one too many); usage: sleep SECONDS")]
    [InlineData("set A 1 2", "set takes 2 arguments ('2' is one too many); usage: set NAME VALUE")]
    [InlineData("template show publish extra", "template takes 2 arguments ('extra' is one too many); usage: template show TEMPLATE")]
    [InlineData("anonymous 1 --refresh 3", "anonymous takes at most 2 arguments ('3' is one too many); usage: anonymous [CONNECTOR_ID] [--refresh]")]
    [InlineData("capture a=.b from x y", "capture takes 1 to 3 arguments ('y' is one too many); usage: capture NAME=PATH [from TYPE]")]
    [InlineData("unset", "unset takes at least 1 argument; usage: unset NAME…")]
    public async Task Should_refuse_arguments_the_command_would_ignore(string line, string error)
    {
        // Given
        await using var session = emulator.NewSession(new CollectingOutput());

        // When
        var result = await session.ExecuteAsync(line, CancellationToken.None);

        // Then
        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Be(error);
    }

    [Fact]
    public void Should_declare_an_arity_that_its_usage_line_allows_for_every_command()
    {
        foreach (var command in CommandRegistry.CreateDefault().All)
        {
            var optionalOnly = !command.Usage.Contains(' ', StringComparison.Ordinal);
            if (optionalOnly)
            {
                command.Arity.Should().Be(CommandArity.None, $"'{command.Usage}' shows no arguments");
            }
        }
    }
}
