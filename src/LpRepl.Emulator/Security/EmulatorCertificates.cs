using System.Security.Cryptography.X509Certificates;

namespace LpRepl.Emulator.Security;

/// <summary>The throw-away CA and the server certificate it signed, made fresh for each emulator run.</summary>
internal sealed class EmulatorCertificates : IDisposable
{
    public EmulatorCertificates(X509Certificate2 ca, X509Certificate2 server)
    {
        Ca = ca;
        Server = server;
        CaPem = ca.ExportCertificatePem() + "\n";
    }

    /// <summary>The CA certificate, public part only: the trust anchor clients need.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The server leaf with its private key, for Kestrel.</summary>
    public X509Certificate2 Server { get; }

    public string CaPem { get; }

    // Only the leaf is disposed: the CA is handed out publicly and has no private key attached.
    public void Dispose() => Server.Dispose();
}
