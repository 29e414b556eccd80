using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>An accepted <c>cqm.SubscribeExConversations</c>: the body as sent and the id the server gave it (null if it gave none).</summary>
internal sealed record ExConversationsSubscription(JObject Body, string? SubscriptionId);
