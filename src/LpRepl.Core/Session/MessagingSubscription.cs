using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>An accepted <c>ms.SubscribeMessagingEvents</c>: its dialog, the body as sent and the fromSeq it asked for.</summary>
internal sealed record MessagingSubscription(string DialogId, JObject Body, long? FromSeq);
