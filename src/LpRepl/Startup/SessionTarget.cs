using LpRepl.App.Startup.Keeping;
using LpRepl.Configuration;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Services.Proxy;
using LpRepl.Session;

namespace LpRepl.App.Startup;

/// <summary>
/// Decides where the session points: the embedded emulator when no account is given (or
/// <c>--emulator</c>), else the account's real domains from the CSDS domain API.
/// </summary>
public static class SessionTarget
{
    public static async Task<EmbeddedEmulator?> PrepareAsync(
        AppOptions options, SessionVariables variables, ISet<string> discovered, TlsTrust trust, CurlStyleProxy proxy, HttpClient http, IReplOutput output, Serilog.ILogger log, CancellationToken ct)
    {
        var account = options.Account ?? variables["LP_ACCOUNT"];
        // An lp.env saved on the embedded emulator names it (LP_EMULATOR): its account exists only offline.
        if (account is null || options.UseEmulator || EmulatorMarker.IsSet(variables))
        {
            return await StartEmulatorAsync(options, account, variables, discovered, trust, proxy, http, output, log, ct);
        }
        variables.Set("LP_ACCOUNT", account);
        var csds = options.CsdsHost ?? DomainResolver.DefaultCsdsHost;
        var route = proxy.Describe(new Uri($"https://{csds}/"));
        IReadOnlyList<KeyValuePair<string, string>> domains;
        try
        {
            domains = await new DomainResolver(http).ResolveAsync(csds, account, ct);
        }
        catch (ServiceException e) when (variables["LP_IDP"] is not null && variables["LP_ASYNCMESSAGINGENT"] is not null)
        {
            // The two domains the tutorials need were given: a failed discovery is worth a warning, not a stop.
            output.Error($"{e.Message}\nGoing on with LP_IDP and LP_ASYNCMESSAGINGENT as given; other LP_* domains are not set.");
            return null;
        }
        // Given values win (lp.env, --var, the environment): discovery only fills the gaps, as lp-shell did.
        var filled = SetMissing(variables, domains);
        discovered.UnionWith(filled);
        var kept = domains.Count - filled.Count;
        output.Info($"LpRepl {App.Version} · account {account} · {domains.Count} service domains from {csds} ({route})"
            + (kept > 0 ? $", {kept} kept as given" : "") + " ('vars' lists them) · 'help' for commands");
        return null;
    }

    private static async Task<EmbeddedEmulator> StartEmulatorAsync(
        AppOptions options, string? account, SessionVariables variables, ISet<string> discovered, TlsTrust trust, CurlStyleProxy proxy, HttpClient http, IReplOutput output, Serilog.ILogger log, CancellationToken ct)
    {
        var why = options.UseEmulator ? "--emulator" : account is null ? "no account given" : $"{EmulatorMarker.Name}={variables[EmulatorMarker.Name]}";
        var emulatorOptions = EmulatorSettings.From(options, account);
        var store = EmulatorStateStore.Open(XdgPaths.StateDirectory(), options.FreshEmulator, output.Warning);
        var emulator = await EmbeddedEmulator.StartAsync(emulatorOptions, log, caFile: null, ct, store, output.Warning);
        trust.AddRoot(emulator.Server.CaCertificate);
        emulator.ExportTrustToEnvironment();
        // A proxy in the environment cannot reach our loopback: this session and its children go direct.
        var host = new Uri(emulator.Server.BaseUri.ToString()).Host;
        proxy.Bypass.Add(host);
        EmbeddedEmulator.ExportNoProxy(host);
        account = emulatorOptions.DefaultAccount;
        variables.Set("LP_ACCOUNT", account);
        // Not a discovered variable: save writes it, so the lp.env brings the next run back here.
        variables.Set(EmulatorMarker.Name, EmulatorMarker.Embedded);
        // The same discovery as for a real account, asked of the emulator's own domain API.
        var domains = await new DomainResolver(http).ResolveAsync(emulator.Server.Authority, account, ct);
        discovered.UnionWith(SetMissing(variables, domains, overwrite: true));
        // What the identity tutorials hand the user: a brand's external token and a connector id.
        foreach (var (name, value) in emulator.IdentityVariables(account))
        {
            variables.Set(name, value);
            discovered.Add(name);
        }
        output.Info(
            $"LpRepl {App.Version} · {why}: using the embedded LivePerson emulator (offline)\n"
            + $"  {emulator.Server.BaseUri} · account {account} · agent {options.Agent.ToString().ToLowerInvariant()}\n"
            + $"  {store.Summary}\n"
            + $"  set LP_ACCOUNT, LP_IDP, LP_ASYNCMESSAGINGENT and {domains.Count - 2} more ('vars' lists them)\n"
            + "  try: signup · connect · {\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"} · help");
        return emulator;
    }

    // Returns the names it set.
    private static List<string> SetMissing(SessionVariables variables, IReadOnlyList<KeyValuePair<string, string>> domains, bool overwrite = false)
    {
        var set = new List<string>();
        foreach (var (name, host) in domains)
        {
            if (overwrite || variables[name] is null)
            {
                variables.Set(name, host);
                set.Add(name);
            }
        }
        return set;
    }
}
