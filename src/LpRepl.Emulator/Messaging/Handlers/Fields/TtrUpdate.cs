using LpRepl.Emulator.State;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>TTRField: the time to respond the consumer asks for.</summary>
internal sealed class TtrUpdate : FieldUpdate
{
    private readonly string _ttrType;
    private readonly long _value;

    public TtrUpdate(string ttrType, long value)
    {
        _ttrType = ttrType;
        _value = value;
    }

    public override string ResponseText => "OK TTR updated successfully";

    // A response time means nothing once the conversation is over.
    public override FieldRefusal? Check(Conversation conversation, bool open) =>
        open ? null : new FieldRefusal(400, "Conversation is closed");

    public override void Apply(Conversation conversation, long now) => conversation.SetTtr(_ttrType, _value, now);
}
