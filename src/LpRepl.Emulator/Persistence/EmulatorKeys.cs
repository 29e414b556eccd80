using System.Security.Cryptography;

namespace LpRepl.Emulator.Persistence;

/// <summary>
/// The emulator's private keys as PKCS#8 (DER): the one that signs consumer JWTs, the anonymous
/// connector's, and the brand's (null when the brand's own public key was configured). Kept from one
/// run to the next, a token issued in one run is still good in the next.
/// </summary>
public sealed class EmulatorKeys
{
    public EmulatorKeys(byte[] signing, byte[] connector, byte[]? brand)
    {
        Signing = signing;
        Connector = connector;
        Brand = brand;
    }

    public byte[] Signing { get; }

    public byte[] Connector { get; }

    public byte[]? Brand { get; }

    public static EmulatorKeys Generate() => new(NewKey(), NewKey(), NewKey());

    /// <summary>Whether every key imports as an RSA private key; a damaged state file fails here, not at the first token.</summary>
    public bool AreValid()
    {
        foreach (var key in new[] { Signing, Connector, Brand })
        {
            if (key is null)
            {
                continue;
            }
            try
            {
                using var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(key, out var read);
                if (read != key.Length || rsa.KeySize < 2048)
                {
                    return false;
                }
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
        return true;
    }

    internal static RSA Import(byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return rsa;
    }

    private static byte[] NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }
}
