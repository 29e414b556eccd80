using LpRepl.App.Logging;
using LpRepl.App.Startup;
using LpRepl.Emulator.Hosting;
using LpRepl.Repl;

namespace LpRepl.App;

/// <summary>
/// <c>lprepl emulator</c>: the emulator alone, until Ctrl-C or SIGTERM; with a person at a terminal, an
/// agent console after the export lines (quit and Ctrl-D stop it too).
/// </summary>
public static class StandaloneEmulator
{
    public static async Task<int> RunAsync(AppOptions options, EmulatorListen listen, string? caOut)
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
        var emulatorOptions = EmulatorSettings.From(options, options.Account, listen);
        EmbeddedEmulator emulator;
        try
        {
            emulator = await EmbeddedEmulator.StartAsync(emulatorOptions, log, caOut, stop.Token);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"lprepl emulator: cannot listen on {listen.Host} port {listen.Port}: {e.Message}");
            return ExitCodes.ConnectionFailed;
        }
        await using (emulator)
        {
            if (OpenListenWarning.IsOpen(listen.Host))
            {
                foreach (var line in OpenListenWarning.Lines(listen.Host, emulator.Server.LocalAuthority, emulator.Server.Authority))
                {
                    Console.Error.WriteLine(line);
                }
            }
            // The domains as any client finds them: through the emulator's own domain API, asked
            // where this machine reaches it (an advertised name may resolve only elsewhere).
            var trust = new Security.TlsTrust();
            trust.AddRoot(emulator.Server.CaCertificate);
            using var http = Services.HttpClientFactory.Create(trust);
            var domains = await new Services.DomainResolver(http).ResolveAsync(emulator.Server.LocalAuthority, emulatorOptions.DefaultAccount, stop.Token);
            foreach (var line in ExportLines(emulator, listen, emulatorOptions.DefaultAccount, domains))
            {
                Console.WriteLine(line);
            }
            Console.Out.Flush();
            // The console needs a person at the terminal, and the terminal: not as a background job (… &).
            if (!Console.IsInputRedirected && (!Console.IsOutputRedirected || !Console.IsErrorRedirected) && Agent.ForegroundJob.IsForeground())
            {
                await RunConsoleAsync(emulator, stop.Token);
            }
            else
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C or SIGTERM: stop.
                }
            }
            Console.Error.WriteLine("emulator stopped");
        }
        return ExitCodes.Ok;
    }

    // A person at the terminal plays the agent there; the terminal gets its modes back however it ends.
    private static async Task RunConsoleAsync(EmbeddedEmulator emulator, CancellationToken stop)
    {
        using var terminal = new Terminal.SystemTerminal();
        var gate = new Terminal.WriteGate(terminal);
        using (terminal.EnterRawMode())
        {
            await Agent.AgentConsoleHost.RunAsync(emulator.Server.AgentSeat, terminal, gate, stop);
        }
    }

    /// <summary>
    /// Shell lines on stdout, so <c>lprepl emulator &gt; env.sh</c> then <c>. env.sh</c> points curl,
    /// wscat and other REPLs (through LP_CSDS and LP_CACERT, as at LivePerson) at this emulator.
    /// </summary>
    private static IEnumerable<string> ExportLines(EmbeddedEmulator emulator, EmulatorListen listen, string account, IReadOnlyList<KeyValuePair<string, string>> domains)
    {
        var server = emulator.Server;
        var host = server.Authority;
        var open = OpenListenWarning.IsOpen(listen.Host);
        var port = new Uri($"https://{server.LocalAuthority}/").Port;
        var listening = $"{IpText.ForAuthority(System.Net.IPAddress.Parse(listen.Host))}:{port}";
        yield return $"# LivePerson emulator on {server.BaseUri} (listening on {listening}; agent {server.Options.Agent.ToString().ToLowerInvariant()}); Ctrl-C stops it";
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
        if (open)
        {
            yield return $"# certificate for: {string.Join(", ", server.CertificateNames)}";
            yield return $"# other machines need the CA: from a container, docker cp CONTAINER:{Path.GetFullPath(emulator.CaFile)} emulator-ca.pem (or --ca-out a file on a mounted volume), then point LP_CACERT, CURL_CA_BUNDLE and NODE_EXTRA_CA_CERTS at the copy";
        }
        // A proxy in the environment cannot reach loopback: keep whatever NO_PROXY holds and add this host.
        var local = new Uri($"https://{server.LocalAuthority}/").Host;
        var bare = string.Join(",", new[] { server.BaseUri.Host, local }.Distinct(StringComparer.OrdinalIgnoreCase));
        yield return $"export NO_PROXY=\"${{NO_PROXY:+$NO_PROXY,}}{bare}\"";
        yield return $"export no_proxy=\"${{no_proxy:+$no_proxy,}}{bare}\"";
        yield return FaultsLine(server.LocalAuthority, listen.Host);
        yield return AgentLine(server.LocalAuthority, listen.Host);
        // Last, so a reader knows the exports are complete.
        yield return "# try: curl -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt";
    }

    // The agent's seat, like the faults, answers loopback callers only.
    private static string AgentLine(string localAuthority, string listenHost)
    {
        var address = System.Net.IPAddress.Parse(listenHost);
        if (!IpText.IsWildcard(address) && !System.Net.IPAddress.IsLoopback(address))
        {
            return $"# agent: at this terminal's agent> prompt only; /emulator/agent answers loopback callers only and this emulator listens on {listenHost} alone";
        }
        return $"# agent: at this terminal's agent> prompt, agent … in an lprepl with these exports, or curl https://{localAuthority}/emulator/agent (loopback callers only; POST accept, say, typing, read, close, mode?mode=…)";
    }

    // Fault injection answers loopback callers only: name the loopback address, or say there is none.
    private static string FaultsLine(string localAuthority, string listenHost)
    {
        var address = System.Net.IPAddress.Parse(listenHost);
        if (!IpText.IsWildcard(address) && !System.Net.IPAddress.IsLoopback(address))
        {
            return $"# faults: none here; /emulator/faults answers loopback callers only and this emulator listens on {listenHost} alone";
        }
        var where = OpenListenWarning.IsOpen(listenHost) ? " (loopback callers only; in a container: docker exec CONTAINER curl --cacert CA …)" : "";
        return $"# faults{where}: curl -X POST https://{localAuthority}/emulator/faults/drop (freeze, thaw, close?code=4401&reason=…, delay?ms=…, reorder?on=true, reset)";
    }
}
