using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LpRepl.Emulator.Security;

/// <summary>Makes a private CA and a server certificate signed by it for the names clients use.</summary>
// ECDSA P-256, not RSA: nothing in the protocol fixes the TLS key, and an RSA-2048 key took about
// 0.2 s of CPU to make (twice per start) where a P-256 key takes under a millisecond; every client
// the tutorials use (curl, wscat, .NET) speaks ECDSA.
internal static class CertificateFactory
{
    public static EmulatorCertificates Create(TimeProvider time, CertificateNames names)
    {
        var now = time.GetUtcNow();
        var notBefore = now.AddDays(-1);
        var caNotAfter = now.AddYears(1).AddDays(1);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=LpRepl Emulator CA, O=LpRepl", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var caWithKey = caRequest.CreateSelfSigned(notBefore, caNotAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost, O=LpRepl", serverKey, HashAlgorithmName.SHA256);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(SubjectAlternativeNames(names));
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caWithKey, true, false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number, as RFC 5280 asks
        using var signed = serverRequest.Create(caWithKey, notBefore, now.AddYears(1), serial);
        using var signedWithKey = signed.CopyWithPrivateKey(serverKey);

        // Kestrel needs a certificate whose key is not tied to the key object above: round-trip through PKCS#12.
        var server = X509CertificateLoader.LoadPkcs12(signedWithKey.Export(X509ContentType.Pkcs12), null);
        var ca = X509CertificateLoader.LoadCertificate(caWithKey.RawData);
        return new EmulatorCertificates(ca, server);
    }

    private static X509Extension SubjectAlternativeNames(CertificateNames names)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (var address in names.Addresses)
        {
            san.AddIpAddress(address);
        }

        foreach (var name in names.DnsNames)
        {
            san.AddDnsName(name);
        }

        return san.Build();
    }
}
