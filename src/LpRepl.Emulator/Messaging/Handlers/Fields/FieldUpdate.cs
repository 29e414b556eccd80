using LpRepl.Emulator.State;

namespace LpRepl.Emulator.Messaging.Handlers.Fields;

/// <summary>One parsed item of cm.UpdateConversationField's conversationField: checked first, applied only if every item passes.</summary>
internal abstract class FieldUpdate
{
    public const string Resolved = "OK Conversation resolved successfully";

    /// <summary>The StringResponse body when this is the first field of the request.</summary>
    public abstract string ResponseText { get; }

    /// <summary>Whether applying this leaves the conversation closed.</summary>
    public virtual bool Closes => false;

    /// <summary>Null if allowed; <paramref name="open"/> is the state the earlier fields of the same request leave.</summary>
    public abstract FieldRefusal? Check(Conversation conversation, bool open);

    public abstract void Apply(Conversation conversation, long now);
}
