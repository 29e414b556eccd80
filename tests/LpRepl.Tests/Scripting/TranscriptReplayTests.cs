using LpRepl.Transcripts;

namespace LpRepl.Tests.Scripting;

public class TranscriptReplayTests
{
    [Fact]
    public void Should_re_template_conversation_ids_and_tokens_of_sent_frames()
    {
        string[] transcript =
        [
            "{\"dir\":\"out\",\"ts\":\"2026-01-01T00:00:00+00:00\",\"frame\":\"{\\\"kind\\\":\\\"req\\\",\\\"id\\\":1,\\\"type\\\":\\\"cm.ConsumerRequestConversation\\\"}\"}",
            "{\"dir\":\"in\",\"ts\":\"2026-01-01T00:00:00+00:00\",\"frame\":\"{\\\"kind\\\":\\\"resp\\\",\\\"reqId\\\":\\\"1\\\",\\\"code\\\":200,\\\"body\\\":{\\\"conversationId\\\":\\\"old-id\\\"},\\\"type\\\":\\\"cm.RequestConversationResponse\\\"}\"}",
            "",
            "{\"dir\":\"out\",\"ts\":\"2026-01-01T00:00:01+00:00\",\"frame\":\"{\\\"id\\\":2,\\\"body\\\":{\\\"dialogId\\\":\\\"old-id\\\"},\\\"jwt\\\":\\\"eyJhbGciOi…(redacted)\\\"}\"}",
        ];

        var script = TranscriptReplay.ToScript(transcript, "t.jsonl");

        script.Should().Equal(
            "# replay of t.jsonl",
            "signup",
            "connect",
            "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}",
            "{\"id\":2,\"body\":{\"dialogId\":\"{{conversationId}}\"},\"jwt\":\"{{LP_JWT}}\"}");
    }

    [Fact]
    public void Should_name_the_line_that_is_not_a_transcript_entry()
    {
        var act = () => TranscriptReplay.ToScript(["{\"dir\":\"out\",\"frame\":\"{}\"}", "not json"], "t.jsonl");

        act.Should().Throw<InvalidDataException>().WithMessage("t.jsonl:2: not a transcript line*");
    }
}
