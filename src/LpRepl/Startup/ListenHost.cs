using LpRepl.Emulator.Hosting;

namespace LpRepl.App.Startup;

/// <summary><c>lprepl emulator --host</c>: the address to listen on.</summary>
public static class ListenHost
{
    /// <summary>
    /// An IP address (IPv4 or IPv6, the wildcards 0.0.0.0 and :: included) as written, or
    /// <c>localhost</c> (127.0.0.1); anything else: null, and <paramref name="error"/> says what to give.
    /// </summary>
    public static string? Parse(string text, out string? error)
    {
        error = null;
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "127.0.0.1";
        }

        var bare = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        if (IpText.TryParse(bare, out var address))
        {
            return address.ToString();
        }

        var hint = text.Length > 0 && Uri.CheckHostName(text) == UriHostNameType.Dns && !text.All(c => char.IsAsciiDigit(c) || c == '.')
            ? $"; to be reached by the name {text}, listen with --host 0.0.0.0 and give --advertise {text}"
            : "";
        error = $"--host must be an IP address to listen on (127.0.0.1, ::1, or 0.0.0.0 / :: for every interface) or localhost, not '{text}'{hint}";
        return null;
    }
}
