using System.Text;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>Decodes the parts of a JWT the way `base64 --decode` would, for assertions on the raw JSON.</summary>
public static class Jwt
{
    public static string[] Parts(string token) => token.Split('.');

    public static byte[] Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    public static string DecodeText(string part) => Encoding.UTF8.GetString(Decode(part));

    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
