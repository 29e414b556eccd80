using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>Trusts exactly one CA (the emulator's), the way a careful client would: nothing from the system store.</summary>
public static class EmulatorTrust
{
    public static RemoteCertificateValidationCallback Callback(X509Certificate2 ca) =>
        (_, certificate, _, errors) => IsTrusted(ca, certificate, errors);

    public static bool IsTrusted(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        // The chain is rebuilt below, but a wrong host name or a missing certificate is never acceptable.
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
