using LpRepl.Commands;
using LpRepl.Repl.Completion;
using LpRepl.Session;

namespace LpRepl.Tests.Protocol;

/// <summary>Tab inside a frame: field names at the cursor's path and the values the model names there.</summary>
public class FrameCompletionTests
{
    private static CompletionResult Complete(string before, string after = "")
    {
        var variables = new SessionVariables();
        variables.Set("conversationId", "c-1");
        return new ReplCompleter(CommandRegistry.CreateDefault(), variables).Complete(before + after, before.Length);
    }

    [Fact]
    public void Should_offer_the_fields_of_every_event_where_its_type_is_not_given_yet()
    {
        var result = Complete("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"");

        result.Candidates.Should().BeEquivalentTo(["type", "contentType", "message", "content", "status", "sequenceList", "chatState"]);
        result.Suffix.Should().Be("\":");
        result.Length.Should().Be(0);
    }

    [Fact]
    public void Should_offer_only_the_given_event_types_fields_and_not_those_already_there()
    {
        var result = Complete("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"type\":\"ContentEvent\",\"");

        result.Candidates.Should().Equal("contentType", "message");
    }

    [Fact]
    public void Should_complete_a_field_name_being_typed()
    {
        var result = Complete("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dia");

        result.Candidates.Should().Equal("dialogId");
        (result.Start, result.Length).Should().Be((55, 3));
    }

    [Fact]
    public void Should_offer_quoted_names_where_no_quote_is_typed_yet()
    {
        var result = Complete("{\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{");

        result.Candidates.Should().Equal("\"conversationId\"", "\"dialogId\"", "\"fromSeq\"");
        result.Suffix.Should().Be(":");
    }

    [Fact]
    public void Should_offer_the_values_of_an_enumeration()
    {
        var result = Complete("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"");

        result.Candidates.Should().Equal("HostedFile", "hosted/file", "text/plain");
        result.Suffix.Should().Be("\"");
    }

    [Fact]
    public void Should_complete_an_enumeration_value_being_typed()
    {
        var result = Complete("{\"type\":\"ms.PublishEvent\",\"body\":{\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"CO");

        result.Candidates.Should().Equal("COMPOSING");
    }

    [Fact]
    public void Should_offer_numbers_bare()
    {
        var result = Complete("{\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationField\":[{\"field\":\"CSATRate\",\"csatRate\":");

        result.Candidates.Should().Equal("1", "2", "3", "4", "5");
        result.Suffix.Should().BeEmpty();
    }

    [Fact]
    public void Should_offer_the_conversation_field_kinds_inside_an_array()
    {
        var result = Complete("{\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationField\":[{\"field\":\"");

        result.Candidates.Should().Equal("CSATRate", "ConversationStateField", "DialogChange", "ParticipantsChange", "Skill", "Stage", "TTRField");
    }

    [Fact]
    public void Should_complete_request_types_from_the_model()
    {
        Complete("{\"kind\":\"req\",\"id\":1,\"type\":\"cqm.").Candidates.Should().Equal("cqm.SubscribeExConversations", "cqm.UnsubscribeExConversations");
        Complete("{\"type\":\"").Candidates.Should().Contain([".ams.ms.QueryMessages", "InitConnection", "userprofile.SetUserProfile"]);
    }

    [Fact]
    public void Should_use_a_type_given_after_the_cursor()
    {
        var result = Complete("{\"kind\":\"req\",\"id\":1,\"body\":{\"rel", "\"},\"type\":\"ms.GenerateURLForDownloadFile\"}");

        result.Candidates.Should().Equal("relativePath");
    }

    [Fact]
    public void Should_still_complete_variables_inside_template_slots_of_a_frame()
    {
        var result = Complete("{\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conv");

        result.Candidates.Should().Equal("conversationId");
        result.Suffix.Should().Be("}}");
    }

    [Fact]
    public void Should_read_past_template_slots_outside_strings()
    {
        var result = Complete("{\"kind\":\"req\",\"id\":{{ id }},\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"d\",\"");

        result.Candidates.Should().Equal("conversationId", "fromSeq");
    }

    [Fact]
    public void Should_complete_in_a_pretty_frame_typed_over_several_lines()
    {
        var result = Complete("{\n  \"kind\": \"req\",\n  \"id\": 1,\n  \"type\": \"ms.PublishEvent\",\n  \"body\": {\n    \"dia");

        result.Candidates.Should().Equal("dialogId");
    }

    [Fact]
    public void Should_write_over_the_closing_quote_already_after_the_cursor_not_add_a_second()
    {
        var result = Complete("{\"type\":\"ms.Pub", "\"}");

        result.Candidates.Should().Equal("ms.PublishEvent");
        (result.Start, result.Length, result.Suffix).Should().Be((9, 7, "\""), "the typed ms.Pub and the quote after it give way to ms.PublishEvent\"");
    }

    [Fact]
    public void Should_write_over_a_keys_closing_quote_and_colon_already_after_the_cursor()
    {
        var result = Complete("{\"type\":\"ms.PublishEvent\",\"body\":{\"dia", "\": \"d\"}}");

        result.Candidates.Should().Equal("dialogId");
        (result.Length, result.Suffix).Should().Be((5, "\":"));
    }

    [Fact]
    public void Should_offer_nothing_after_a_value()
    {
        Complete("{\"kind\":\"req\" ").Candidates.Should().BeEmpty();
    }
}
