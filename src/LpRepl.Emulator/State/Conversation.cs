using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>A consumer's conversation and its MAIN dialog (whose id equals the conversation id). Guarded by the owner's gate.</summary>
internal sealed class Conversation
{
    private readonly List<Participant> _participants = [];

    public Conversation(string id, string consumerId, long startTs, JObject details)
    {
        Id = id;
        StartTs = startTs;
        LastUpdateTime = startTs;
        Details = details;
        MainDialog = new Dialog(id, id, startTs);
        _participants.Add(new Participant(consumerId, ParticipantRole.Consumer));
    }

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

    public void Close(long now, string closedBy, string? closedCause = null)
    {
        EndTs = now;
        CloseReason = closedBy;
        LastUpdateTime = now;
        MainDialog.Close(now, closedBy, closedCause);
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
