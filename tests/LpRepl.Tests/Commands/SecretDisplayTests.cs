using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Terminal;
using LpRepl.Tests.Support;
using LpRepl.Tests.Terminal;
using LpRepl.Transport;

namespace LpRepl.Tests.Commands;

/// <summary>What a person sees of a token: shortened everywhere, whole only on request (<c>echo</c>, <c>vars --show</c>).</summary>
public sealed class SecretDisplayTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    // lprepl's own wiring, printing through the real TerminalOutput to a fake terminal.
    private async Task<(FakeTerminal Terminal, int Code, string Jwt)> Run(OutputFormat format, params string[] lines)
    {
        var terminal = new FakeTerminal();
        var output = new TerminalOutput(new WriteGate(terminal), format, color: false);
        var trust = new TlsTrust();
        trust.AddRoot(emulator.Server.CaCertificate);
        var variables = new SessionVariables();
        variables.Set("LP_ACCOUNT", EmulatorFixture.Account);
        variables.Set("LP_IDP", emulator.Server.Authority);
        variables.Set("LP_ASYNCMESSAGINGENT", emulator.Server.Authority);
        using var http = HttpClientFactory.Create(trust);
        var services = new ReplServices(variables, new WebSocketTransport(), output, trust, http, Serilog.Core.Logger.None)
        {
            Templates = Templating.TemplateFixture.LoadBuiltIns(),
        };
        await using var session = new ReplSession(services, global::LpRepl.Commands.CommandRegistry.CreateDefault());
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (terminal, code, variables["LP_JWT"]!);
    }

    [Theory]
    [InlineData(OutputFormat.Pretty)]
    [InlineData(OutputFormat.Compact)]
    [InlineData(OutputFormat.Raw)]
    public async Task Should_not_print_the_token_inside_the_echoed_InitConnection_frame(OutputFormat format)
    {
        var (terminal, code, jwt) = await Run(format, "signup", "connect --init", "disconnect");

        code.Should().Be(ExitCodes.Ok, terminal.Error.ToString());
        var shown = terminal.Out.ToString() + terminal.Error;
        shown.Should().Contain("InitConnection").And.Contain(SecretRedactor.Shorten(jwt));
        shown.Should().NotContain(jwt);
    }

    [Fact]
    public async Task Should_shorten_a_token_copied_to_any_name_in_vars_and_show_it_on_request()
    {
        var (terminal, code, jwt) = await Run(OutputFormat.Compact, "signup", "COPY=$LP_JWT", "NOTE=\"token $LP_JWT here\"", "vars", "echo ---", "vars --show", "echo ---", "echo $COPY");

        code.Should().Be(ExitCodes.Ok, terminal.Error.ToString());
        var parts = terminal.Out.ToString().Split("---\n");
        parts[0].Should().Contain($"COPY={SecretRedactor.Shorten(jwt)}\n").And.Contain($"NOTE=token {SecretRedactor.Shorten(jwt)} here\n").And.NotContain(jwt);
        parts[1].Should().Contain($"COPY={jwt}\n").And.Contain($"LP_JWT={jwt}\n");
        parts[2].Should().Be(jwt + "\n");
        terminal.Error.ToString().Should().NotContain(jwt);
    }

    [Fact]
    public async Task Should_show_a_line_break_in_a_value_escaped_so_vars_keeps_one_line_per_variable()
    {
        var (terminal, code, _) = await Run(OutputFormat.Compact, "FAKE=\"$(printf 'a\\nLP_ACCOUNT=evil')\"", "vars");

        code.Should().Be(ExitCodes.Ok, terminal.Error.ToString());
        terminal.Out.ToString().Should().Contain("FAKE=a\\u000aLP_ACCOUNT=evil\n").And.NotContain("\nLP_ACCOUNT=evil");
    }
}
