using LpRepl.App.Logging;
using LpRepl.App.Startup;
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
        if (EmulatorSettings.Check(options) is { } problem)
        {
            Console.Error.WriteLine($"lprepl emulator: {problem}");
            return ExitCodes.Usage;
        }
        var emulatorOptions = EmulatorSettings.From(options, options.Account, port);
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
            // The domains as any client finds them: through the emulator's own domain API.
            var trust = new Security.TlsTrust();
            trust.AddRoot(emulator.Server.CaCertificate);
            using var http = Services.HttpClientFactory.Create(trust);
            var domains = await new Services.DomainResolver(http).ResolveAsync(emulator.Server.Authority, emulatorOptions.DefaultAccount, stop.Token);
            foreach (var line in ExportLines(emulator, emulatorOptions.DefaultAccount, domains))
            {
                Console.WriteLine(line);
            }
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

    /// <summary>
    /// Shell lines on stdout, so <c>lprepl emulator &gt; env.sh</c> then <c>. env.sh</c> points curl,
    /// wscat and other REPLs (through LP_CSDS and LP_CACERT, as at LivePerson) at this emulator.
    /// </summary>
    private static IEnumerable<string> ExportLines(EmbeddedEmulator emulator, string account, IReadOnlyList<KeyValuePair<string, string>> domains)
    {
        var host = emulator.Server.Authority;
        yield return $"# LivePerson emulator on {emulator.Server.BaseUri} (agent {emulator.Server.Options.Agent.ToString().ToLowerInvariant()}); Ctrl-C stops it";
        yield return $"export LP_ACCOUNT={account}";
        yield return $"export LP_CSDS={host}";
        foreach (var (name, value) in domains)
        {
            yield return $"export {name}={value}";
        }
        foreach (var (name, value) in emulator.IdentityVariables(account))
        {
            yield return $"export {name}={value}";
        }
        yield return $"export LP_CACERT={emulator.CaFile}";
        yield return $"export CURL_CA_BUNDLE={emulator.CaFile}";
        yield return $"export NODE_EXTRA_CA_CERTS={emulator.CaFile}";
        // A proxy in the environment cannot reach loopback: keep whatever NO_PROXY holds and add this host.
        var bare = emulator.Server.BaseUri.Host;
        yield return $"export NO_PROXY=\"${{NO_PROXY:+$NO_PROXY,}}{bare}\"";
        yield return $"export no_proxy=\"${{no_proxy:+$no_proxy,}}{bare}\"";
        yield return $"# faults: curl -X POST https://{host}/emulator/faults/drop (freeze, thaw, close?code=4401&reason=…, delay?ms=…, reorder?on=true, reset)";
        // Last, so a reader knows the exports are complete.
        yield return "# try: curl -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt";
    }
}
