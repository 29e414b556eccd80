using LpRepl.App.Logging;
using LpRepl.App.Startup;
using LpRepl.Emulator;
using LpRepl.Repl;

namespace LpRepl.App;

/// <summary><c>lprepl emulator</c>: the emulator alone, until Ctrl-C or SIGTERM.</summary>
public static class StandaloneEmulator
{
    public static async Task<int> RunAsync(AppOptions options, int port, string? caOut)
    {
        using var log = LoggingSetup.Create(options.LogFile, options.LogLevel);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                stop.Cancel();
            });
        var emulatorOptions = new EmulatorOptions
        {
            Port = port,
            Agent = options.Agent,
            AgentDelay = TimeSpan.FromMilliseconds(options.AgentDelayMs),
            DefaultAccount = options.Account ?? new EmulatorOptions().DefaultAccount,
        };
        EmbeddedEmulator emulator;
        try
        {
            emulator = await EmbeddedEmulator.StartAsync(emulatorOptions, log, caOut, stop.Token);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"lprepl emulator: cannot listen on port {port}: {e.Message}");
            return ExitCodes.ConnectionFailed;
        }
        await using (emulator)
        {
            var host = emulator.Server.Authority;
            // Shell lines on stdout, so `lprepl emulator > env.sh` then `. env.sh` works from another shell.
            Console.WriteLine($"# LivePerson emulator on {emulator.Server.BaseUri} (agent {options.Agent.ToString().ToLowerInvariant()}); Ctrl-C stops it");
            Console.WriteLine($"export LP_ACCOUNT={emulatorOptions.DefaultAccount}");
            Console.WriteLine($"export LP_IDP={host}");
            Console.WriteLine($"export LP_ASYNCMESSAGINGENT={host}");
            Console.WriteLine($"export LP_CSDS={host}");
            Console.WriteLine($"export CURL_CA_BUNDLE={emulator.CaFile}");
            Console.WriteLine($"export NODE_EXTRA_CA_CERTS={emulator.CaFile}");
            Console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("emulator stopped");
            }
        }
        return ExitCodes.Ok;
    }
}
