namespace LpRepl.Session;

/// <summary>
/// Variables that name this session's conversation (filled in from the server's answers): they are not
/// written by <c>save</c> nor taken from an lp.env, since the conversation they name belongs to a session
/// that has ended (online too, the next tutorial starts with a request for a new one).
/// </summary>
public static class ConversationVariables
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "conversationId", "dialogId", "subscriptionId" };

    /// <summary>The note for names left out of a save or a load.</summary>
    public static string Note(IEnumerable<string> names, string verb) =>
        $"{verb}: {string.Join(", ", names)} (a conversation lasts one session: 'request-conversation' starts the next; set it by hand to go back to one)";
}
