using System.CommandLine;
using System.Globalization;

namespace LpRepl.App;

/// <summary>
/// An option taking a whole number with a floor, whose mistakes read as the option's own
/// (<c>--agent-delay must be a whole number, 0 or more milliseconds (not 'abc')</c>) rather than as
/// a .NET type name, and whose out-of-range values are refused rather than quietly clamped.
/// </summary>
public static class WholeNumberOption
{
    public static Option<int> Create(string name, string description, int defaultValue, int min, string unit, int max = int.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }
            var text = result.Tokens[^1].Value;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            var range = max == int.MaxValue ? $"{min} or more" : $"{min} to {max}";
            result.AddError($"{name} must be a whole number, {range}{(unit.Length == 0 ? "" : " " + unit)} (not '{text}')");
            return defaultValue;
        },
    };
}
