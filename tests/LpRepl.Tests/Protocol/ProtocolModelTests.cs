using LpRepl.Protocol;

namespace LpRepl.Tests.Protocol;

/// <summary>Each kind of finding the protocol model reports, with its path and, where one is near, its suggestion.</summary>
public class ProtocolModelTests
{
    private static IReadOnlyList<ProtocolFinding> Check(string frame) => ProtocolModel.Default.Check(frame);

    private const string Text = "{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"hi\"}";

    [Fact]
    public void Should_name_the_nearest_request_type_for_an_unknown_one()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvnt\",\"body\":{}}");

        findings.Should().ContainSingle();
        findings[0].Should().Be(new ProtocolFinding("type", FindingKind.UnknownType, "'ms.PublishEvnt' is not a consumer request type; did you mean 'ms.PublishEvent'?", "ms.PublishEvent"));
    }

    [Fact]
    public void Should_cut_short_an_unknown_type_it_quotes()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"" + new string('A', 100_000) + "\"}");

        var message = findings.Should().ContainSingle().Which.Message;
        message.Should().StartWith("'" + new string('A', 60) + "…' is not a consumer request type");
        message.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void Should_report_a_frame_without_a_type()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1}");

        findings.Should().ContainSingle().Which.Should().Match<ProtocolFinding>(f => f.Path == "type" && f.Kind == FindingKind.MissingField);
    }

    [Fact]
    public void Should_report_a_missing_required_field_with_its_path()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\"}}");

        findings.Should().Equal(new ProtocolFinding("body.event", FindingKind.MissingField, "missing (required)"));
    }

    [Fact]
    public void Should_suggest_the_field_a_misspelt_one_was_meant_to_be_once()
    {
        var findings = Check($"{{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogID\":\"d\",\"event\":{Text}}}}}");

        // One finding for one typo: the required dialogId it stands for is not reported missing as well.
        findings.Should().Equal(new ProtocolFinding("body.dialogID", FindingKind.UnknownField, "unknown field; did you mean 'dialogId'? (dialogId is required)", "dialogId") { StandsForRequired = true });
        findings[0].Refuses.Should().BeTrue("the required dialogId is missing");
    }

    [Fact]
    public void Should_list_the_fields_of_a_closed_object_for_a_field_that_is_nowhere_near_one()
    {
        var findings = Check($"{{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogId\":\"d\",\"event\":{Text},\"colour\":\"red\"}}}}");

        findings.Should().Equal(new ProtocolFinding("body.colour", FindingKind.UnknownField, "unknown field (the fields here: dialogId, conversationId, event)"));
    }

    [Fact]
    public void Should_report_a_wrong_value_type()
    {
        // The issue's own example: a text ContentEvent whose message is an object.
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":{\"text\":\"hi\"}}}}");

        findings.Should().Equal(new ProtocolFinding("body.event.message", FindingKind.WrongType, "expected a string, found an object"));
    }

    [Fact]
    public void Should_list_the_allowed_values_of_an_enumeration()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"ChatStateEvent\",\"chatState\":\"TYPING\"}}}");

        findings.Should().Equal(new ProtocolFinding("body.event.chatState", FindingKind.NotInEnum, "\"TYPING\" is not one of ACTIVE, INACTIVE, GONE, COMPOSING, PAUSE"));
    }

    [Fact]
    public void Should_name_the_content_types_for_a_misspelt_one()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plane\",\"message\":\"hi\"}}}");

        findings.Should().Equal(new ProtocolFinding("body.event.contentType", FindingKind.NotInEnum, "\"text/plane\" is not one of text/plain, hosted/file, HostedFile; did you mean 'text/plain'?", "text/plain"));
    }

    [Fact]
    public void Should_name_the_event_types_for_an_unknown_one()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"ContentEvnt\",\"contentType\":\"text/plain\",\"message\":\"hi\"}}}");

        findings.Should().Equal(new ProtocolFinding("body.event.type", FindingKind.NotInEnum, "\"ContentEvnt\" is not one of ContentEvent, RichContentEvent, AcceptStatusEvent, ChatStateEvent; did you mean 'ContentEvent'?", "ContentEvent"));
    }

    [Fact]
    public void Should_give_the_index_of_an_array_element_in_the_path()
    {
        var findings = Check("{\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"c\",\"conversationField\":[{\"field\":\"CSATRate\",\"csatRate\":7,\"csatResolutionConfirmation\":true,\"status\":\"FILLED\"}]}}");

        findings.Should().Equal(new ProtocolFinding("body.conversationField[0].csatRate", FindingKind.NotInEnum, "7 is not one of 1, 2, 3, 4, 5"));
    }

    [Fact]
    public void Should_tell_conversation_fields_apart_by_their_field()
    {
        var findings = Check("{\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"c\",\"conversationField\":{\"field\":\"TTRField\",\"ttrType\":\"SOON\",\"value\":300}}}");

        findings.Should().Equal(new ProtocolFinding("body.conversationField.ttrType", FindingKind.NotInEnum, "\"SOON\" is not one of CUSTOM, NORMAL, PRIORITIZED, URGENT"));
    }

    [Fact]
    public void Should_report_a_missing_discriminating_field_with_its_values()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"chatState\":\"ACTIVE\"}}}");

        findings.Should().Equal(new ProtocolFinding("body.event.type", FindingKind.MissingField, "missing (required: one of ContentEvent, RichContentEvent, AcceptStatusEvent, ChatStateEvent)"));
    }

    [Theory]
    [InlineData("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"ms.GenerateURLForUploadFile\",\"body\":{\"fileSize\":\"1024\",\"fileType\":\"JPG\"}}")]
    [InlineData("{\"kind\":\"req\",\"id\":\"3\",\"type\":\"ms.GenerateURLForUploadFile\",\"body\":{\"fileSize\":1000,\"fileType\":\"JPEG\"}}")]
    [InlineData("{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"AcceptStatusEvent\",\"status\":\"READ\",\"sequenceList\":3}}}")]
    [InlineData("{\"kind\":\"req\",\"id\":2,\"type\":\"cqm.SubscribeExConversations\",\"body\":{\"convState\":\"OPEN\",\"stage\":[\"OPEN\",\"CLOSE\"]}}")]
    [InlineData("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"InitConnection\",\"headers\":{\"type\":\".ams.headers.ConsumerAuthentication\",\"jwt\":\"x.y.z\"}}")]
    [InlineData("{\"kind\":\"req\",\"id\":\"s\",\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"AcceptStatusEvent\",\"status\":\"ACTION\",\"sequenceList\":[0]}},\"metadata\":{\"type\":\"ExternalId\",\"id\":\"q1\"}}")]
    [InlineData("{\"kind\":\"req\",\"id\":2,\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"d\",\"fromSeq\":1.0}}")]
    [InlineData("{\"kind\":\"req\",\"id\":4,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"RichContentEvent\",\"message\":{\"type\":\"vertical\",\"elements\":[]}}}}")]
    public void Should_accept_every_documented_variant(string frame)
    {
        // fileSize as a string (the schema) or a number (the tutorial); one element for an array; 1.0 for an integer.
        Check(frame).Should().BeEmpty();
    }

    [Fact]
    public void Should_refuse_a_file_type_the_upload_does_not_take()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"ms.GenerateURLForUploadFile\",\"body\":{\"fileSize\":10,\"fileType\":\"PDF\"}}");

        findings.Should().Equal(new ProtocolFinding("body.fileType", FindingKind.NotInEnum, "\"PDF\" is not one of JPG, PNG, GIF, JPEG"));
    }

    [Fact]
    public void Should_report_an_array_of_the_wrong_thing()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":2,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"AcceptStatusEvent\",\"status\":\"READ\",\"sequenceList\":\"3\"}}}");

        findings.Should().Equal(new ProtocolFinding("body.event.sequenceList", FindingKind.WrongType, "expected an array or an integer, found a string"));
    }

    [Fact]
    public void Should_report_an_id_that_is_neither_a_string_nor_an_integer()
    {
        var findings = Check("{\"kind\":\"req\",\"id\":{\"n\":1},\"type\":\"KeepAlive\"}");

        findings.Should().Equal(new ProtocolFinding("id", FindingKind.WrongType, "expected a string or an integer, found an object"));
    }

    [Fact]
    public void Should_point_out_a_near_miss_in_an_open_object_and_let_other_fields_through()
    {
        // The request conversation body is declared by no schema: unknown fields pass, a near miss of a known one does not.
        var findings = Check("{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\",\"body\":{\"chanelType\":\"MESSAGING\",\"somethingNew\":1}}");

        findings.Should().Equal(new ProtocolFinding("body.chanelType", FindingKind.UnknownField, "unknown field; did you mean 'channelType'?", "channelType"));
    }

    [Fact]
    public void Should_check_a_parsed_frame_as_the_emulator_holds_it()
    {
        var frame = Newtonsoft.Json.Linq.JObject.Parse("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"cqm.UnsubscribeExConversations\",\"body\":{}}");

        ProtocolModel.Default.Check(frame).Should().Equal(new ProtocolFinding("body.subscriptionId", FindingKind.MissingField, "missing (required)"));
    }

    [Fact]
    public void Should_check_a_number_too_big_for_a_decimal()
    {
        Check("{\"kind\":\"req\",\"id\":2,\"type\":\"ms.SubscribeMessagingEvents\",\"body\":{\"dialogId\":\"d\",\"fromSeq\":1e30}}").Should().BeEmpty();
    }

    [Fact]
    public void Should_say_so_when_the_text_is_not_json()
    {
        Check("{\"kind\":").Should().ContainSingle().Which.Kind.Should().Be(FindingKind.WrongType);
    }

    [Fact]
    public void Should_know_every_consumer_request_type_of_the_documentation()
    {
        ProtocolModel.Default.RequestTypes.Should().BeEquivalentTo(
        [
            "InitConnection", ".GetClock", "GetClock", "KeepAlive",
            "cm.ConsumerRequestConversation", "cm.UpdateConversationField",
            "cqm.SubscribeExConversations", "cqm.UnsubscribeExConversations",
            "ms.PublishEvent", "ms.SubscribeMessagingEvents", ".ams.ms.QueryMessages",
            "ms.GenerateURLForUploadFile", "ms.GenerateURLForDownloadFile",
            "userprofile.SetUserProfile",
        ]);
    }

    [Theory]
    [InlineData("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"ms.GenerateURLForUploadFile\",\"body\":{\"fileSize\":0,\"fileType\":\"PNG\"}}", "body.fileSize", "0 is below the minimum, 1")]
    [InlineData("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"ms.GenerateURLForUploadFile\",\"body\":{\"fileSize\":4000000,\"fileType\":\"PNG\"}}", "body.fileSize", "4000000 is above the maximum, 3145728")]
    [InlineData("{\"kind\":\"req\",\"id\":\"0\",\"type\":\"ms.GenerateURLForUploadFile\",\"body\":{\"fileSize\":\"1e3\",\"fileType\":\"PNG\"}}", "body.fileSize", "must be a positive whole number of bytes, in digits (\"1024\")")]
    [InlineData("{\"id\":\"0\",\"type\":\"cm.UpdateConversationField\",\"body\":{\"conversationId\":\"c\",\"conversationField\":[]}}", "body.conversationField", "must not be empty")]
    [InlineData("{\"kind\":\"req\",\"id\":\"\",\"type\":\"KeepAlive\"}", "id", "must not be empty")]
    public void Should_report_a_value_outside_its_documented_range(string frame, string path, string message)
    {
        Check(frame).Should().Equal(new ProtocolFinding(path, FindingKind.OutOfRange, message));
    }

    [Fact]
    public void Should_let_an_unknown_field_through_as_a_server_would_but_not_a_misspelt_required_one()
    {
        var unknown = Check($"{{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogId\":\"d\",\"event\":{Text},\"colour\":\"red\"}}}}");
        var misspelt = Check($"{{\"kind\":\"req\",\"id\":1,\"type\":\"ms.PublishEvent\",\"body\":{{\"dialogID\":\"d\",\"event\":{Text}}}}}");

        unknown.Should().ContainSingle().Which.Refuses.Should().BeFalse();
        misspelt.Should().ContainSingle().Which.Refuses.Should().BeTrue();
    }
}
