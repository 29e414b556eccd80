using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LpRepl.Security;

/// <summary>
/// Which server certificates the session accepts: the system's roots, plus extra trust anchors
/// (the embedded emulator's CA, <c>--cacert</c>), or anything at all with <c>--insecure</c>.
/// </summary>
public sealed class TlsTrust
{
    private readonly X509Certificate2Collection _extraRoots = [];

    public bool Insecure { get; set; }

    public void AddRoot(X509Certificate2 certificate) => _extraRoots.Add(certificate);

    /// <summary>The same trust, but accepting any certificate (wscat's <c>-n</c>), for one connection.</summary>
    public TlsTrust WithInsecure()
    {
        var copy = new TlsTrust { Insecure = true };
        copy._extraRoots.AddRange(_extraRoots);
        return copy;
    }

    /// <summary>Loads every certificate from a PEM file (like curl's <c>--cacert</c>).</summary>
    public void AddRootsFromPemFile(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        if (roots.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no PEM certificate");
        }
        _extraRoots.AddRange(roots);
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None || Insecure)
        {
            return true;
        }
        // A wrong host name is never forgiven by an extra root; only --insecure skips it.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0 || _extraRoots.Count == 0)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    public RemoteCertificateValidationCallback Callback => (_, cert, chain, errors) => Validate(cert, chain, errors);
}
