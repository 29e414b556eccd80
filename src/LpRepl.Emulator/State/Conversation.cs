using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.State;

/// <summary>A consumer's conversation and its MAIN dialog (whose id equals the conversation id).</summary>
internal sealed class Conversation
{
    private readonly List<Participant> _participants = [];

    public Conversation(string id, string consumerId, long startTs, JObject details)
    {
        Id = id;
        StartTs = startTs;
        Details = details;
        MainDialog = new Dialog(id, id);
        _participants.Add(new Participant(consumerId, ParticipantRole.Consumer));
    }

    public string Id { get; }

    public long StartTs { get; }

    public long? EndTs { get; private set; }

    /// <summary>What the consumer asked for (brandId, skillId, campaignInfo, conversationContext...).</summary>
    public JObject Details { get; }

    public Dialog MainDialog { get; }

    public bool IsOpen => EndTs is null;

    public IReadOnlyList<Participant> Participants => _participants;

    public void AddParticipant(Participant participant)
    {
        if (!_participants.Contains(participant))
        {
            _participants.Add(participant);
        }
    }

    public void Close(long now)
    {
        EndTs = now;
        MainDialog.Close();
    }
}
