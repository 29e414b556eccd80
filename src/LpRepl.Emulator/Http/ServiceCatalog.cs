namespace LpRepl.Emulator.Http;

/// <summary>The CSDS service names the emulator answers for; every one points at the emulator itself.</summary>
internal static class ServiceCatalog
{
    public static IReadOnlyList<string> Services { get; } =
    [
        "idp",
        "asyncMessagingEnt",
        "asyncMessaging",
        "acCdnDomain",
        "agentVep",
        "accountConfigReadOnly",
        "accountConfigReadWrite",
        "swift",
        "msgHist",
        "smt",
        "leDataReporting",
    ];

    // CSDS service names are case sensitive.
    public static bool Contains(string service) => Services.Contains(service, StringComparer.Ordinal);
}
