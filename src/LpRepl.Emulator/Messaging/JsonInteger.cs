using System.Numerics;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// Reads an integer as the protocol model counts one (JSON Schema: 1.0 and 1e30 are integers too),
/// clamped to the range the emulator can hold.
/// </summary>
internal static class JsonInteger
{
    /// <summary>The integral number <paramref name="token"/> holds, clamped to [<paramref name="min"/>, <paramref name="max"/>]; null when it holds none.</summary>
    public static long? Read(JToken? token, long min = long.MinValue, long max = long.MaxValue) => token switch
    {
        // Newtonsoft reads an integer beyond long as a BigInteger.
        JValue { Type: JTokenType.Integer, Value: BigInteger big } => big < min ? min : big > max ? max : (long)big,
        JValue { Type: JTokenType.Integer } value => Math.Clamp((long)value, min, max),
        JValue { Type: JTokenType.Float, Value: decimal d } when d == decimal.Truncate(d) => d < min ? min : d > max ? max : (long)d,
        JValue { Type: JTokenType.Float, Value: double d } when double.IsFinite(d) && Math.Floor(d) == d => d < min ? min : d > max ? max : (long)d,
        _ => null,
    };
}
