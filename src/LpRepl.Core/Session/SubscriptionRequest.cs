using Newtonsoft.Json.Linq;

namespace LpRepl.Session;

/// <summary>A subscribe or unsubscribe request sent and not yet answered: what the ledger applies on a 200.</summary>
internal sealed record SubscriptionRequest(string Type, JObject Body, string? DialogId, string? SubscriptionId);
