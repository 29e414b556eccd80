using System.Numerics;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>Reads <c>fromSeq</c> (ms/subscribeMessagingEvents.json, ms/queryMessages.json): an integer, 0 when absent.</summary>
internal static class FromSequence
{
    public const string Error = "fromSeq must be a non-negative integer";

    /// <summary>False for anything but a non-negative integer; one past any sequence the emulator can hold reads as <see cref="int.MaxValue"/> (no events).</summary>
    public static bool TryRead(JToken? token, out int fromSeq)
    {
        fromSeq = 0;
        switch (token)
        {
            case null or { Type: JTokenType.Null }:
                return true;
            case JValue { Type: JTokenType.Integer, Value: BigInteger big }:
                // Newtonsoft reads an integer beyond long as a BigInteger.
                fromSeq = big.Sign >= 0 ? int.MaxValue : -1;
                return big.Sign >= 0;
            case JValue { Type: JTokenType.Integer } value when (long)value >= 0:
                fromSeq = (int)Math.Min((long)value, int.MaxValue);
                return true;
            default:
                return false;
        }
    }
}
