using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>A consumer's conversation and its MAIN dialog (whose id equals the conversation id). Guarded by the owner's gate.</summary>
internal sealed class Conversation
{
    private readonly List<Participant> _participants = [];
    private readonly List<Dialog> _dialogs = [];

    // features: the Client-Properties features of the connection that asked for it (MULTI_DIALOG…).
    public Conversation(string id, string consumerId, long startTs, JObject details, IReadOnlySet<string>? features = null)
    {
        Id = id;
        StartTs = startTs;
        LastUpdateTime = startTs;
        Details = details;
        Features = features ?? new HashSet<string>();
        MainDialog = new Dialog(id, id, startTs);
        _dialogs.Add(MainDialog);
        _participants.Add(new Participant(consumerId, ParticipantRole.Consumer));
    }

    public IReadOnlySet<string> Features { get; }

    /// <summary>MAIN, then the post-conversation survey once it opened.</summary>
    public IReadOnlyList<Dialog> Dialogs => _dialogs;

    public Dialog? SurveyDialog => _dialogs.FirstOrDefault(d => d.Type == DialogType.PostSurvey);

    /// <summary>How many survey questions the consumer has answered.</summary>
    public int SurveyAnswers { get; set; }

    public string Id { get; }

    public long StartTs { get; }

    public long? EndTs { get; private set; }

    /// <summary>Who closed it (CONSUMER), once closed.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>When the metadata last changed (creation, agent, close, CSAT, TTR), in epoch ms.</summary>
    public long LastUpdateTime { get; private set; }

    /// <summary>What the consumer asked for (brandId, skillId, campaignInfo, conversationContext...).</summary>
    public JObject Details { get; }

    public Dialog MainDialog { get; }

    public bool IsOpen => EndTs is null;

    public IReadOnlyList<Participant> Participants => _participants;

    // Every tutorial sample shows this default until a TTRField changes it.
    public string TtrType { get; private set; } = "PRIORITIZED";

    public long TtrValue { get; private set; } = 600;

    /// <summary>The last CSATRate field set (csatRate, csatResolutionConfirmation, status), or null.</summary>
    public JObject? Csat { get; private set; }

    public void AddParticipant(Participant participant, long now)
    {
        if (!_participants.Contains(participant))
        {
            _participants.Add(participant);
            LastUpdateTime = now;
        }
    }

    /// <summary>Ends the conversation (its stage): every dialog still open closes with it.</summary>
    public void Close(long now, string closedBy, string? closedCause = null)
    {
        EndTs = now;
        CloseReason ??= closedBy;
        LastUpdateTime = now;
        foreach (var dialog in _dialogs.Where(d => d.IsOpen))
        {
            dialog.Close(now, closedBy, closedCause);
        }
    }

    /// <summary>Closes MAIN only and opens the post-conversation survey: state CLOSE, stage still OPEN.</summary>
    public Dialog CloseMainAndOpenSurvey(long now, string closedBy, string? closedCause)
    {
        MainDialog.Close(now, closedBy, closedCause);
        // Who ended the conversation proper, not the survey bot that ends the survey.
        CloseReason = closedBy;
        var survey = new Dialog(Guid.NewGuid().ToString(), Id, now, DialogType.PostSurvey);
        _dialogs.Add(survey);
        LastUpdateTime = now;
        return survey;
    }

    public void SetTtr(string ttrType, long value, long now)
    {
        TtrType = ttrType;
        TtrValue = value;
        LastUpdateTime = now;
    }

    public void SetCsat(JObject csat, long now)
    {
        Csat = csat;
        LastUpdateTime = now;
    }
}
