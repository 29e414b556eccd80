using LpRepl.Emulator.State;

namespace LpRepl.Emulator.Agent;

/// <summary>
/// The agent's side for a person: what the tutorials' agent does in LiveEngage — accept, type,
/// answer, read, close — acting on a conversation of the MAIN dialog, in any agent mode.
/// </summary>
public sealed class AgentSeat
{
    private readonly SimulatedAgent _agent;
    private readonly EmulatorState _state;
    private readonly TimeProvider _time;

    internal AgentSeat(SimulatedAgent agent, EmulatorState state, TimeProvider time)
    {
        _agent = agent;
        _state = state;
        _time = time;
    }

    /// <summary>Auto, Manual or Silent; a change applies to what happens next.</summary>
    public AgentMode Mode
    {
        get => _agent.Mode;
        set => _agent.Mode = value;
    }

    /// <summary>Each conversation opened and each consumer message in MAIN, as it happens, in every mode; a handler must not block.</summary>
    public event Action<AgentActivity>? Activity
    {
        add => _agent.Activity += value;
        remove => _agent.Activity -= value;
    }

    /// <summary>The conversations of every account, newest first.</summary>
    public IReadOnlyList<AgentConversation> Conversations() => AgentConversations.List(_state);

    /// <summary>
    /// The conversation an action given no id is for: the newest open one (of <paramref name="account"/>
    /// when given), else the newest of all; null when there is none.
    /// </summary>
    public AgentConversation? Newest(string? account = null)
    {
        var all = Conversations().Where(c => account is null || c.Account == account).ToList();
        return all.FirstOrDefault(c => c.IsOpen) ?? all.FirstOrDefault();
    }

    /// <summary>The account's most recently opened conversation, or null.</summary>
    public string? LatestConversation(string account) => _state.FindAccount(account)?.LatestConversationId;

    public AgentActionResult Accept(string account, string conversationId) =>
        Act(account, conversationId, needsAgent: false, (owner, accountState, conversation) =>
        {
            if (conversation.Participants.Any(p => p.Role == ParticipantRole.AssignedAgent))
            {
                return AgentActionResult.Fail("the agent has already accepted this conversation");
            }

            _agent.AcceptLocked(accountState, owner, conversation);
            return new AgentActionResult(true, $"accepted conversation {conversationId}");
        });

    public AgentActionResult Say(string account, string conversationId, string text) =>
        Act(account, conversationId, needsAgent: true, (owner, accountState, conversation) =>
        {
            var sequence = _agent.PublishLocked(owner, conversation.MainDialog, accountState.AgentId, SimulatedAgent.Text(text));
            return new AgentActionResult(true, $"said \"{text}\"", sequence);
        });

    public AgentActionResult Typing(string account, string conversationId, bool composing) =>
        Act(account, conversationId, needsAgent: true, (owner, accountState, conversation) =>
        {
            var state = composing ? "COMPOSING" : "ACTIVE";
            _agent.PublishLocked(owner, conversation.MainDialog, accountState.AgentId, SimulatedAgent.ChatState(state));
            return new AgentActionResult(true, composing ? "is typing (COMPOSING)" : "stopped typing (ACTIVE)");
        });

    /// <summary>Receipts for the consumer's messages the agent has not read yet: ACCEPT, then READ, each taking a sequence.</summary>
    public AgentActionResult Read(string account, string conversationId) =>
        Act(account, conversationId, needsAgent: true, (owner, accountState, conversation) =>
        {
            var dialog = conversation.MainDialog;
            var read = dialog.Events
                .Where(e => e.Role == ParticipantRole.AssignedAgent && (string?)e.Event["type"] == "AcceptStatusEvent" && (string?)e.Event["status"] == "READ")
                .SelectMany(e => e.Event["sequenceList"]?.Values<int>() ?? [])
                .ToHashSet();
            var unread = dialog.Events
                .Where(e => e.Role == ParticipantRole.Consumer && (string?)e.Event["type"] == "ContentEvent" && e.Sequence is { } s && !read.Contains(s))
                .Select(e => e.Sequence!.Value)
                .ToList();
            if (unread.Count == 0)
            {
                return AgentActionResult.Fail("nothing to read: no consumer message since the last read");
            }

            _agent.PublishLocked(owner, dialog, accountState.AgentId, SimulatedAgent.Receipt("ACCEPT", unread));
            var sequence = _agent.PublishLocked(owner, dialog, accountState.AgentId, SimulatedAgent.Receipt("READ", unread));
            return new AgentActionResult(true, $"read the consumer's messages {string.Join(", ", unread)}", sequence);
        });

    /// <summary>The agent closes the conversation (closeReason AGENT); a MULTI_DIALOG conversation goes on to its survey.</summary>
    public AgentActionResult Close(string account, string conversationId)
    {
        var result = CloseLocked(account, conversationId);
        // Outside the consumer's gate: a consumer who left before the agent closed is idle only now.
        if (_state.FindAccount(account) is { } accountState && accountState.FindConversationOwner(conversationId) is { } owner)
        {
            accountState.ConsumerLeft(owner);
        }

        return result;
    }

    private AgentActionResult CloseLocked(string account, string conversationId) =>
        Act(account, conversationId, needsAgent: true, (owner, _, conversation) =>
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (_agent.SurveysEnabled && conversation.Features.Contains(Messaging.Handlers.Fields.CloseUpdate.MultiDialogFeature))
            {
                SurveyBot.Start(conversation.CloseMainAndOpenSurvey(now, ParticipantRole.Agent, "Closed by agent"), now);
                owner.ConversationChanged(conversation);
                return new AgentActionResult(true, $"closed conversation {conversationId}; its post-conversation survey opened");
            }

            conversation.Close(now, ParticipantRole.Agent, "Closed by agent");
            owner.ConversationChanged(conversation);
            return new AgentActionResult(true, $"closed conversation {conversationId}");
        });

    private AgentActionResult Act(string account, string conversationId, bool needsAgent, Func<ConsumerState, AccountState, Conversation, AgentActionResult> action)
    {
        var accountState = _state.FindAccount(account);
        var owner = accountState?.FindConversationOwner(conversationId);
        if (accountState is null || owner is null)
        {
            return AgentActionResult.Fail($"conversation {conversationId} not found in account {account}");
        }

        lock (owner.Gate)
        {
            var conversation = owner.FindConversation(conversationId)!;
            if (!conversation.MainDialog.IsOpen)
            {
                return AgentActionResult.Fail($"conversation {conversationId} is closed");
            }

            if (needsAgent && !conversation.Participants.Any(p => p.Role == ParticipantRole.AssignedAgent))
            {
                return AgentActionResult.Fail("the agent has not accepted this conversation: 'agent accept' first");
            }

            return action(owner, accountState, conversation);
        }
    }
}
