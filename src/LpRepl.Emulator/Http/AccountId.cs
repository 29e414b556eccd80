using System.Text.RegularExpressions;

namespace LpRepl.Emulator.Http;

/// <summary>Which account ids the emulator serves: any the user might type, nothing that could break a URL or JSON.</summary>
internal static partial class AccountId
{
    public static bool IsValid(string? account) => account is not null && Pattern().IsMatch(account);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}\\z")]
    private static partial Regex Pattern();
}
