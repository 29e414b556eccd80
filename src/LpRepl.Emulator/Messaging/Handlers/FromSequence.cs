using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary>Reads <c>fromSeq</c> (ms/subscribeMessagingEvents.json, ms/queryMessages.json): an integer, 0 when absent.</summary>
internal static class FromSequence
{
    /// <summary>
    /// "Fetch events with sequence greater or equal to this value": below 0 that is every event, as from 0;
    /// one past any sequence the emulator can hold reads as <see cref="int.MaxValue"/> (no events).
    /// The protocol model has made sure it is an integer when given.
    /// </summary>
    public static int Read(JToken? token) => (int)(JsonInteger.Read(token, 0, int.MaxValue) ?? 0);
}
