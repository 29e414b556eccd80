using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Security;

/// <summary>
/// An RSA key for the external JWTs handed to the IDP: the brand's (its users' tokens) or the
/// emulator's connector's (anonymous tokens). A key given as a public PEM can only verify.
/// </summary>
internal sealed class ExternalTokenKey : IDisposable
{
    // The header of the tutorial's LP_EXT_JWT: no kid, unlike LP's own tokens.
    public const string HeaderJson = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    private readonly RSA _key;

    private ExternalTokenKey(RSA key, bool canSign)
    {
        _key = key;
        CanSign = canSign;
    }

    public bool CanSign { get; }

    /// <summary>The public half as a PEM "PUBLIC KEY", the form an account's Authentication Server data source takes.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public static ExternalTokenKey Generate() => new(KeyWarmup.Start(RSA.Create(2048)), canSign: true);

    /// <summary>A kept private key (PKCS#8), so tokens it signed in an earlier run are still its own.</summary>
    public static ExternalTokenKey FromPkcs8(byte[] pkcs8) => new(Persistence.EmulatorKeys.Import(pkcs8), canSign: true);

    /// <summary>The private key as PKCS#8; only for a key that can sign.</summary>
    public byte[] ExportKey() => CanSign ? _key.ExportPkcs8PrivateKey() : throw new InvalidOperationException("A public key only has no private key to export.");

    /// <summary>Imports a PEM public key; only its public half is kept even if a private key is given.</summary>
    public static ExternalTokenKey FromPublicPem(string pem)
    {
        try
        {
            using var imported = RSA.Create();
            imported.ImportFromPem(pem);
            return new ExternalTokenKey(RSA.Create(imported.ExportParameters(includePrivateParameters: false)), canSign: false);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new ArgumentException("BrandPublicKeyPem must be an RSA key in PEM form (-----BEGIN PUBLIC KEY-----).", ex);
        }
    }

    /// <summary>An external token with the tutorial's LP_EXT_JWT claims: sub, iss, aud, exp, iat and an optional name.</summary>
    public string Sign(string account, string subject, long iat, long exp, string? name = null)
    {
        if (!CanSign)
        {
            throw new InvalidOperationException("This key was configured as a public key only: it cannot sign tokens.");
        }

        var payload = new JObject
        {
            ["sub"] = subject,
            ["iss"] = IdentityProvider.Issuer,
            ["aud"] = "acc:" + account,
            ["exp"] = exp,
            ["iat"] = iat,
        };
        if (name is not null)
        {
            payload["name"] = name;
        }

        return CompactJwt.SignRs256(_key, HeaderJson, payload.ToString(Formatting.None));
    }

    public bool Verify(CompactJwt jwt) => jwt.VerifyRs256(_key);

    public void Dispose() => _key.Dispose();
}
