using LpRepl.Emulator.State;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Agent;

/// <summary>The agent on the other side: accepts conversations and, in Auto mode, echoes text back after a delay.</summary>
internal sealed class SimulatedAgent
{
    private readonly EmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public SimulatedAgent(EmulatorOptions options, EmulatorState state, ILogger<SimulatedAgent> logger, CancellationToken stopping)
    {
        _options = options;
        _state = state;
        _logger = logger;
        _stopping = stopping;
    }

    /// <summary>
    /// Called under the consumer's gate right after a conversation opened and its consumer-only
    /// UPSERT went out: the agent accepts at once, as a change of its own (a second UPSERT).
    /// </summary>
    public void OnConversationOpened(AccountState account, ConsumerState consumer, Conversation conversation)
    {
        // Manual mode still has an agent on the conversation (a person will drive it); Silent has nobody.
        if (_options.Agent != AgentMode.Silent)
        {
            conversation.AddParticipant(new Participant(account.AgentId, ParticipantRole.AssignedAgent), _options.Time.GetUtcNow().ToUnixTimeMilliseconds());
            consumer.ConversationChanged(conversation);
        }
    }

    /// <summary>Called after a consumer's event was published; schedules the Auto-mode answer.</summary>
    public void OnConsumerEvent(ConsumerState consumer, Dialog dialog, JObject evt)
    {
        if (_options.Agent != AgentMode.Auto
            || (string?)evt["type"] != "ContentEvent"
            || (string?)evt["contentType"] != "text/plain"
            || evt["message"] is not JValue { Type: JTokenType.String } message)
        {
            return;
        }

        _ = AnswerLaterAsync(consumer, dialog, "You said: " + (string)message!);
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
            return dialog is null ? null : PublishLocked(owner, dialog, text);
        }
    }

    private async Task AnswerLaterAsync(ConsumerState consumer, Dialog dialog, string text)
    {
        try
        {
            await Task.Delay(_options.AgentDelay, _options.Time, _stopping);
            lock (consumer.Gate)
            {
                PublishLocked(consumer, dialog, text);
            }
        }
        catch (OperationCanceledException)
        {
            // The emulator is shutting down: the answer is simply never sent.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Simulated agent failed to answer in dialog {DialogId}", dialog.Id);
        }
    }

    private int? PublishLocked(ConsumerState consumer, Dialog dialog, string text)
    {
        // The consumer may have closed the conversation while the agent was "typing".
        if (!dialog.IsOpen)
        {
            return null;
        }

        var agentId = _state.GetAccount(consumer.AccountId).AgentId;
        var evt = new JObject { ["type"] = "ContentEvent", ["message"] = text, ["contentType"] = "text/plain" };
        var published = consumer.Publish(dialog, agentId, ParticipantRole.AssignedAgent, evt, _options.Time.GetUtcNow().ToUnixTimeMilliseconds());
        _logger.LogDebug("Agent {AgentId} answered in dialog {DialogId} with sequence {Sequence}", agentId, dialog.Id, published.Sequence);
        return published.Sequence;
    }
}
