using LpRepl.Emulator.State;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Agent;

/// <summary>
/// The agent on the other side. Auto: accepts each new conversation (after AgentAcceptDelay),
/// echoes text back after AgentDelay, optionally typing first, and sends read receipts. Manual and Silent: nothing
/// happens by itself; the <see cref="AgentSeat"/> acts for a person in every mode.
/// </summary>
internal sealed class SimulatedAgent
{
    private readonly EmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private volatile AgentMode _mode;

    public SimulatedAgent(EmulatorOptions options, EmulatorState state, ILogger<SimulatedAgent> logger, CancellationToken stopping)
    {
        _options = options;
        _state = state;
        _logger = logger;
        _stopping = stopping;
        _mode = options.Agent;
    }

    /// <summary>Switchable at run time (<c>agent mode …</c>); affects what happens from then on.</summary>
    public AgentMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    /// <summary>Told of each conversation opened and each consumer message in MAIN, in every mode; must not block (it may run under a consumer's gate).</summary>
    public event Action<AgentActivity>? Activity;

    private TimeProvider Time => _options.Time;

    /// <summary>Whether closing MAIN of a MULTI_DIALOG conversation opens a survey.</summary>
    public bool SurveysEnabled => _options.PostConversationSurvey;

    /// <summary>
    /// Called under the consumer's gate right after a conversation opened and its consumer-only
    /// UPSERT went out. With no accept delay the agent accepts at once, as a change of its own.
    /// </summary>
    public void OnConversationOpened(AccountState account, ConsumerState consumer, Conversation conversation)
    {
        Tell(new AgentActivity(AgentActivityKind.Opened, account.AccountId, conversation.Id, consumer.ConsumerId));
        if (_mode != AgentMode.Auto)
        {
            return;
        }

        if (_options.AgentAcceptDelay <= TimeSpan.Zero)
        {
            AcceptLocked(account, consumer, conversation);
            return;
        }

        _ = LaterAsync(_options.AgentAcceptDelay, consumer, "accept", () =>
        {
            if (_mode == AgentMode.Auto && conversation.IsOpen)
            {
                AcceptLocked(account, consumer, conversation);
            }
        });
    }

    /// <summary>
    /// Called after a consumer's event was published (with its sequence, null for a chat state). In
    /// MAIN, Auto mode answers a text after AgentDelay and, with AgentReceipts, ACCEPTs any content
    /// event at once and READs it after the answer.
    /// </summary>
    public void OnConsumerEvent(ConsumerState consumer, Dialog dialog, JObject evt, int? sequence)
    {
        if (dialog.Type == DialogType.Main && AgentConversations.MessageText(evt) is { } said)
        {
            Tell(new AgentActivity(AgentActivityKind.Message, consumer.AccountId, dialog.ConversationId, consumer.ConsumerId, said));
        }

        if (_mode != AgentMode.Auto || dialog.Type != DialogType.Main)
        {
            return;
        }

        var text = (string?)evt["type"] == "ContentEvent" && (string?)evt["contentType"] == "text/plain" && evt["message"] is JValue { Type: JTokenType.String } message
            ? (string?)message
            : null;
        var receipted = _options.AgentReceipts && sequence is not null && (string?)evt["type"] is "ContentEvent" or "RichContentEvent";
        if (text is null && !receipted)
        {
            return;
        }

        var agentId = _state.GetAccount(consumer.AccountId).AgentId;
        var typing = _options.AgentTyping && text is not null;
        lock (consumer.Gate)
        {
            // The tutorials' agent accepts a message as it is delivered, with the next sequence, and reads
            // it later (post-conversation-survey-pcs.md §Step 8: message 3, ACCEPT 4, READ 7).
            if (receipted)
            {
                PublishLocked(consumer, dialog, agentId, Receipt("ACCEPT", [sequence!.Value]));
            }

            if (typing)
            {
                PublishLocked(consumer, dialog, agentId, ChatState("COMPOSING"));
            }
        }

        _ = LaterAsync(_options.AgentDelay, consumer, "answer", () =>
        {
            if (text is not null)
            {
                PublishLocked(consumer, dialog, agentId, Text("You said: " + text));
            }

            if (receipted)
            {
                PublishLocked(consumer, dialog, agentId, Receipt("READ", [sequence!.Value]));
            }

            if (typing)
            {
                PublishLocked(consumer, dialog, agentId, ChatState("ACTIVE"));
            }
        });
    }

    /// <summary>Publishes a text line as the agent into a conversation's MAIN dialog; returns its sequence, or null if it is not open.</summary>
    internal int? Say(string accountId, string conversationId, string text)
    {
        var owner = _state.FindAccount(accountId)?.FindConversationOwner(conversationId);
        if (owner is null)
        {
            return null;
        }

        lock (owner.Gate)
        {
            var dialog = owner.FindConversation(conversationId)?.MainDialog;
            return dialog is null ? null : PublishLocked(owner, dialog, _state.GetAccount(accountId).AgentId, Text(text));
        }
    }

    /// <summary>Adds the account's agent to the conversation and tells the consumer's subscribers. Call under the gate.</summary>
    internal void AcceptLocked(AccountState account, ConsumerState consumer, Conversation conversation)
    {
        conversation.AddParticipant(new Participant(account.AgentId, ParticipantRole.AssignedAgent), Time.GetUtcNow().ToUnixTimeMilliseconds());
        consumer.ConversationChanged(conversation);
    }

    /// <summary>Publishes an agent event into an open dialog; null (nothing sent) if it has closed. Call under the gate.</summary>
    internal int? PublishLocked(ConsumerState consumer, Dialog dialog, string agentId, JObject evt)
    {
        // The consumer may have closed the conversation while the agent was "typing".
        if (!dialog.IsOpen)
        {
            return null;
        }

        var published = consumer.Publish(dialog, agentId, ParticipantRole.AssignedAgent, evt, Time.GetUtcNow().ToUnixTimeMilliseconds());
        _logger.LogDebug("Agent {AgentId} published {Type} in dialog {DialogId} with sequence {Sequence}", agentId, (string?)evt["type"], dialog.Id, published.Sequence);
        return published.Sequence ?? 0;
    }

    internal static JObject Text(string text) => new() { ["type"] = "ContentEvent", ["message"] = text, ["contentType"] = "text/plain" };

    /// <summary>An AcceptStatusEvent (ACCEPT, READ) for the given sequences.</summary>
    internal static JObject Receipt(string status, IEnumerable<int> sequences) =>
        new() { ["type"] = "AcceptStatusEvent", ["status"] = status, ["sequenceList"] = new JArray(sequences) };

    internal static JObject ChatState(string state) => new() { ["type"] = "ChatStateEvent", ["chatState"] = state };

    private void Tell(AgentActivity activity)
    {
        try
        {
            Activity?.Invoke(activity);
        }
        catch (Exception ex)
        {
            // Whoever watches must never break the conversation itself.
            _logger.LogError(ex, "An agent activity watcher failed on {Kind} in {ConversationId}", activity.Kind, activity.ConversationId);
        }
    }

    private async Task LaterAsync(TimeSpan delay, ConsumerState consumer, string what, Action underGate)
    {
        try
        {
            await Task.Delay(delay, Time, _stopping);
            lock (consumer.Gate)
            {
                underGate();
            }
        }
        catch (OperationCanceledException)
        {
            // The emulator is shutting down: the action is simply never taken.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Simulated agent failed to {What} for consumer {ConsumerId}", what, consumer.ConsumerId);
        }
    }
}
