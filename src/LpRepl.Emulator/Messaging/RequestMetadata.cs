using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// A request's top-level <c>metadata</c> (infra/req.json: an array of metadata objects), such as the
/// PCS tutorial's <c>Answer</c> item on an ACTION receipt. It is kept with the published event and
/// shown in its notification.
/// </summary>
internal static class RequestMetadata
{
    /// <summary>The metadata as an array (a single object is taken as a one-element array), null when absent; false with an error text when it is neither.</summary>
    public static bool TryRead(JObject request, out JArray? metadata, out string error)
    {
        error = "";
        metadata = request["metadata"] switch
        {
            null or { Type: JTokenType.Null } => null,
            JArray array when array.All(item => item is JObject) => (JArray)array.DeepClone(),
            JObject single => new JArray(single.DeepClone()),
            _ => null,
        };
        if (metadata is null && request["metadata"] is { Type: not JTokenType.Null })
        {
            error = "metadata must be an array of objects";
            return false;
        }

        return true;
    }
}
