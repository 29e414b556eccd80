using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Agent;

/// <summary>
/// The post-conversation survey bot of a multi-dialog conversation: asks its questions in the
/// POST_SURVEY dialog as text with quick replies, one per consumer answer (each read, then
/// answered between COMPOSING and ACTIVE), then thanks the consumer and closes the survey —
/// which ends the conversation (stage CLOSE).
/// </summary>
internal static class SurveyBot
{
    /// <summary>The bot's participant id, the same in every account (a fixed v5-style UUID).</summary>
    public const string Id = "5e1f2a3b-7c4d-5e6f-8a9b-0c1d2e3f4a5b";

    public const string ThankYou = "Thank you for your feedback!";

    /// <summary>The survey dialog's closedCause when the bot ends it, as the PCS tutorial's last notification shows.</summary>
    public const string Completed = "Completed";

    // Every text of the survey, in one place (the emulator's choice; protocol.md §10 item 10).
    public static readonly IReadOnlyList<SurveyQuestion> Questions =
    [
        new("How would you rate your experience with us? (1 = poor, 5 = excellent)", ["1", "2", "3", "4", "5"]),
        new("Did we resolve your issue?", ["Yes", "No"]),
    ];

    /// <summary>Puts the first question into a survey dialog that has just opened (nobody subscribes to it yet).</summary>
    public static void Start(Dialog survey, long now) => survey.Append(Id, ParticipantRole.Agent, Question(0), now);

    /// <summary>
    /// Called under the consumer's gate after the consumer published a text into the survey:
    /// the next question, or the thanks and the close. Returns true when the survey ended.
    /// </summary>
    public static bool OnAnswer(ConsumerState consumer, Conversation conversation, Dialog survey, long now)
    {
        conversation.SurveyAnswers++;
        // As the PCS tutorial shows: the bot reads the answer, types, asks on (or thanks), stops typing.
        if (survey.Events.LastOrDefault(e => e.Role == ParticipantRole.Consumer)?.Sequence is { } answer)
        {
            consumer.Publish(survey, Id, ParticipantRole.Agent, Read(answer), now);
        }

        consumer.Publish(survey, Id, ParticipantRole.Agent, ChatState("COMPOSING"), now);
        var last = conversation.SurveyAnswers >= Questions.Count;
        consumer.Publish(survey, Id, ParticipantRole.Agent, last ? Text(ThankYou) : Question(conversation.SurveyAnswers), now);
        consumer.Publish(survey, Id, ParticipantRole.Agent, ChatState("ACTIVE"), now);
        if (!last)
        {
            return false;
        }

        conversation.Close(now, ParticipantRole.Agent, Completed);
        consumer.ConversationChanged(conversation);
        return true;
    }

    private static JObject Question(int index)
    {
        var question = Questions[index];
        var evt = Text(question.Text);
        // Structured-content quick replies: each button publishes its own text back.
        evt["quickReplies"] = new JObject
        {
            ["type"] = "quickReplies",
            ["itemsPerRow"] = 8,
            ["replies"] = new JArray(question.Replies.Select(reply => new JObject
            {
                ["type"] = "button",
                ["tooltip"] = reply,
                ["title"] = reply,
                ["click"] = new JObject
                {
                    ["actions"] = new JArray(new JObject { ["type"] = "publishText", ["text"] = reply }),
                    ["metadata"] = new JArray(new JObject { ["type"] = "ExternalId", ["id"] = $"q{index + 1}-{reply}" }),
                },
            })),
        };
        return evt;
    }

    private static JObject Read(int sequence) => new() { ["type"] = "AcceptStatusEvent", ["status"] = "READ", ["sequenceList"] = new JArray(sequence) };

    private static JObject ChatState(string state) => new() { ["type"] = "ChatStateEvent", ["chatState"] = state };

    private static JObject Text(string text) => new() { ["type"] = "ContentEvent", ["message"] = text, ["contentType"] = "text/plain" };
}
