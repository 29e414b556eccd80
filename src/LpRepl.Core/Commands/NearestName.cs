using LpRepl.Protocol;

namespace LpRepl.Commands;

/// <summary>Finds the known name nearest to a mistyped one: the protocol model's rule, so commands and frames suggest alike.</summary>
public static class NearestName
{
    public static string? Find(string typed, IEnumerable<string> candidates) => Spelling.Nearest(typed, candidates);

    public static int Distance(string a, string b) => Spelling.Distance(a, b);
}
