using LpRepl.Emulator;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;

namespace LpRepl.App.Startup;

/// <summary>
/// Decides where the session points: the embedded emulator when no account is given (or
/// <c>--emulator</c>), else the account's real domains from the CSDS domain API.
/// </summary>
public static class SessionTarget
{
    public static async Task<EmbeddedEmulator?> PrepareAsync(
        AppOptions options, SessionVariables variables, ISet<string> discovered, TlsTrust trust, HttpClient http, IReplOutput output, Serilog.ILogger log, CancellationToken ct)
    {
        var account = options.Account ?? variables["LP_ACCOUNT"];
        if (account is null || options.UseEmulator)
        {
            return await StartEmulatorAsync(options, account, variables, discovered, trust, http, output, log, ct);
        }
        variables.Set("LP_ACCOUNT", account);
        if (variables["LP_IDP"] is not null && variables["LP_ASYNCMESSAGINGENT"] is not null)
        {
            output.Info($"LpRepl {App.Version} · account {account} · domains from LP_IDP / LP_ASYNCMESSAGINGENT as given");
            return null;
        }
        var csds = options.CsdsHost ?? DomainResolver.DefaultCsdsHost;
        var domains = await new DomainResolver(http).ResolveAsync(csds, account, ct);
        SetMissing(variables, domains);
        discovered.UnionWith(domains.Select(d => d.Key));
        output.Info($"LpRepl {App.Version} · account {account} · {domains.Count} service domains from {csds} ('vars' lists them) · 'help' for commands");
        return null;
    }

    private static async Task<EmbeddedEmulator> StartEmulatorAsync(
        AppOptions options, string? account, SessionVariables variables, ISet<string> discovered, TlsTrust trust, HttpClient http, IReplOutput output, Serilog.ILogger log, CancellationToken ct)
    {
        var emulatorOptions = new EmulatorOptions
        {
            Agent = options.Agent,
            AgentDelay = TimeSpan.FromMilliseconds(options.AgentDelayMs),
            DefaultAccount = account ?? new EmulatorOptions().DefaultAccount,
        };
        var emulator = await EmbeddedEmulator.StartAsync(emulatorOptions, log, caFile: null, ct);
        trust.AddRoot(emulator.Server.CaCertificate);
        emulator.ExportTrustToEnvironment();
        account = emulatorOptions.DefaultAccount;
        variables.Set("LP_ACCOUNT", account);
        // The same discovery as for a real account, asked of the emulator's own domain API.
        var domains = await new DomainResolver(http).ResolveAsync(emulator.Server.Authority, account, ct);
        SetMissing(variables, domains, overwrite: true);
        discovered.UnionWith(domains.Select(d => d.Key));
        output.Info(
            $"LpRepl {App.Version} · no account given: using the embedded LivePerson emulator (offline)\n"
            + $"  {emulator.Server.BaseUri} · account {account} · agent {options.Agent.ToString().ToLowerInvariant()}\n"
            + $"  set LP_ACCOUNT, LP_IDP, LP_ASYNCMESSAGINGENT and {domains.Count - 2} more ('vars' lists them)\n"
            + "  try: signup · connect · {\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"} · help");
        return emulator;
    }

    private static void SetMissing(SessionVariables variables, IReadOnlyList<KeyValuePair<string, string>> domains, bool overwrite = false)
    {
        foreach (var (name, host) in domains)
        {
            if (overwrite || variables[name] is null)
            {
                variables.Set(name, host);
            }
        }
    }
}
