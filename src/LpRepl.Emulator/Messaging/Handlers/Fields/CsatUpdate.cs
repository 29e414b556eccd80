using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>CSATRate: the consumer's satisfaction survey; allowed on a closed conversation (the tutorial sends it after the close).</summary>
internal sealed class CsatUpdate : FieldUpdate
{
    private readonly JObject _csat;

    public CsatUpdate(int csatRate, bool resolutionConfirmation, string status) =>
        // The API reference's notification sample shows csat with its "field" name, as sent.
        _csat = new JObject
        {
            ["field"] = "CSATRate",
            ["csatRate"] = csatRate,
            ["csatResolutionConfirmation"] = resolutionConfirmation,
            ["status"] = status,
        };

    public override string ResponseText => "OK CSAT updated successfully";

    public override FieldRefusal? Check(Conversation conversation, bool open) => null;

    public override void Apply(Conversation conversation, long now) => conversation.SetCsat(_csat, now);
}
