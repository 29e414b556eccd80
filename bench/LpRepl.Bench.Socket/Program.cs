using System.Globalization;
using LpRepl.Bench.Socket;

// Usage: LpRepl.Bench.Socket pipelined|lockstep [N] (default 20000), with the emulator's exports in the environment.
if (args is not [("pipelined" or "lockstep") and var mode, ..] || args.Length > 2)
{
    Console.Error.WriteLine("usage: LpRepl.Bench.Socket pipelined|lockstep [N]");
    return 2;
}
var count = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
return await PublishLoop.RunAsync(mode == "pipelined", count);
