using System.Security.Cryptography;

namespace LpRepl.Emulator.Security;

/// <summary>
/// Makes a new RSA key's numbers in the background. RSA.Create(2048) only draws them at first use
/// (about 0.2 s of CPU), which put that on the first signup; started here at start-up, a request that
/// comes sooner waits for the same key instead of making it.
/// </summary>
internal static class KeyWarmup
{
    public static RSA Start(RSA key)
    {
        _ = Task.Run(() =>
        {
            try
            {
                _ = key.ExportParameters(includePrivateParameters: false);
            }
            catch (ObjectDisposedException)
            {
                // The emulator stopped first: nothing wants the key any more.
            }
        });
        return key;
    }
}
