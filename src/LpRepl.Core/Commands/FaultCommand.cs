using System.Globalization;
using LpRepl.Faults;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>
/// <c>fault drop|freeze|thaw|close CODE [REASON]|delay MS|reorder on|off|reset</c>: inject faults on
/// the embedded emulator's consumer sockets, to try a script against drops and server closes.
/// </summary>
public sealed class FaultCommand : IReplCommand
{
    public string Name => "fault";

    public string Summary => "inject faults on the embedded emulator's sockets: drop, freeze, thaw, close CODE [REASON], delay MS, reorder on|off, reset";

    public string Usage => "fault [drop|freeze|thaw|close CODE [REASON…]|delay MS|reorder on|off|reset]";

    public CommandArity Arity => CommandArity.Any;

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before switch
    {
        [] => ["drop", "freeze", "thaw", "close", "delay", "reorder", "reset"],
        ["reorder"] => ["on", "off"],
        ["close"] => ["4401", "4407", "1000", "1001", "1011"],
        _ => [],
    };

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (session.Services.Faults is not { } seat)
        {
            return LineResult.Fail(
                "'fault' injects faults into the embedded emulator (lprepl with no account, or --emulator); real LivePerson takes none. "
                + "A standalone emulator (lprepl emulator) takes them at POST https://HOST:PORT/emulator/faults/drop, freeze, thaw, close?code=&reason=, delay?ms=, reorder?on=, reset (see docs/emulator.md)");
        }

        var outcome = args switch
        {
            [] => seat.Status() is { Ok: true } status ? status with { Message = $"{status.Message} (the same over HTTPS from this machine: POST {seat.ControlEndpoint}/drop …)" } : seat.Status(),
            ["drop"] => seat.Drop(),
            ["freeze"] => seat.Freeze(),
            ["thaw"] => seat.Thaw(),
            ["reset"] => seat.Reset(),
            ["reorder", "on"] => seat.Reorder(true),
            ["reorder", "off"] => seat.Reorder(false),
            ["reorder", ..] => new FaultOutcome(false, "usage: fault reorder on|off"),
            ["delay", var ms] when long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var millis) && millis <= 600_000 => seat.Delay(TimeSpan.FromMilliseconds(millis)),
            ["delay", ..] => new FaultOutcome(false, "usage: fault delay MS (milliseconds, 0 to 600000; 0 turns it off)"),
            ["close", var code, ..] when int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => seat.Close(number, string.Join(' ', args.Skip(2))),
            ["close", ..] => new FaultOutcome(false, "usage: fault close CODE [REASON…] (e.g. fault close 4401 Token expired)"),
            _ => new FaultOutcome(false, $"unknown fault '{string.Join(' ', args)}'; usage: {Usage}"),
        };
        if (!outcome.Ok)
        {
            return LineResult.Fail("fault: " + outcome.Message);
        }

        session.Output.Info("fault: " + outcome.Message);
        if (args is ["drop", ..] or ["close", ..] && session.Transport.IsOpen)
        {
            // The next line runs against what the fault did: this session has seen its socket end (briefly bounded).
            await session.DropNoticedAsync();
        }

        return LineResult.Ok;
    }
}
