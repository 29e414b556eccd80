using Newtonsoft.Json.Linq;

namespace LpRepl.Frames;

/// <summary>The envelope fields of a Messaging Window API frame (protocol.md §6).</summary>
public sealed record FrameInfo(string? Kind, string? Type, string? Id, string? ReqId, int? Code)
{
    public static readonly FrameInfo Empty = new(null, null, null, null, null);

    /// <summary>A request: <c>kind</c> "req", or no kind but an <c>id</c> (the server accepts both).</summary>
    public bool IsRequest => Kind == "req" || (Kind is null && Id is not null && Type is not null);

    public bool IsResponse => Kind == "resp" || ReqId is not null;

    public static FrameInfo From(JObject frame) => new(
        Scalar(frame["kind"]),
        Scalar(frame["type"]),
        Scalar(frame["id"]),
        Scalar(frame["reqId"]),
        frame["code"] is JValue { Type: JTokenType.Integer, Value: long code } && code is >= int.MinValue and <= int.MaxValue ? (int)code : null);

    // Ids may be numbers or strings on the wire; the server echoes them as strings.
    private static string? Scalar(JToken? token) => token switch
    {
        null => null,
        { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } => token.ToString(),
        _ => null,
    };
}
