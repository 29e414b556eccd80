using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.SwiftCalls;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The file-sharing tutorial, Steps 3 to 7, with its own frames.</summary>
public sealed class FileSharingTutorialTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.FileSharing + " §Step 3 Request Body Example")]
    public async Task Should_answer_the_step_3_example()
    {
        await using var client = await emulator.NewConsumerAsync();
        var frame = new DocumentedFrame(MessagingSources.FileSharing + " §Step 3", """
              {
              "kind": "req",
              "id": 1,
              "body": {
              "fileSize": "1000",
              "fileType": "JPG"
              },
              "type": "ms.GenerateURLForUploadFile"
              }
            """);

        var response = await client.SendDocumentedAsync(frame);

        ((string?)response["kind"]).Should().Be("resp");
        ((string?)response["reqId"]).Should().Be("1");
        ((int)response["code"]!).Should().Be(200);
        ((string?)response["body"]!["relativePath"]).Should().NotBeNullOrEmpty();
        ((string?)response["body"]!["queryParams"]!["temp_url_sig"]).Should().NotBeNullOrEmpty();
        ((string?)response["body"]!["queryParams"]!["temp_url_expires"]).Should().NotBeNullOrEmpty();
    }

    [Fact]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.FileSharing + " §Step 3 Using bash")]
    [Documented("PUT {relativePath}", MessagingSources.FileSharing + " §Step 4 (201 CREATED, 401 Temp URL invalid)")]
    [Documented("ms.PublishEvent/HostedFile", MessagingSources.FileSharing + " §Step 5 Using bash")]
    [Documented("ms.GenerateURLForDownloadFile", MessagingSources.FileSharing + " §Step 6 Using bash")]
    [Documented("GET {relativePath}", MessagingSources.FileSharing + " §Step 7")]
    public async Task Should_follow_steps_3_to_7_with_the_bash_frames()
    {
        await using var client = await emulator.NewConsumerAsync();
        var conversationId = await DocumentedConversation.OpenAsync(client, MessagingSources.FileSharing + " §Step 2");
        await DocumentedConversation.SubscribeAsync(client, conversationId);

        var upload = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.FileSharing + " §Step 3",
            """{"kind":"req","id":"3","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"    }"""));
        var url = (JObject)upload["body"]!;
        var relativePath = (string)url["relativePath"]!;
        var forged = await emulator.Http.PutFileAsync(PathAndQuery(url, signature: new string('0', 40)), Png).StatusAsync();
        var put = await emulator.Http.PutFileAsync(PathAndQuery(url), Png).StatusAsync();
        var publish = new DocumentedFrame(MessagingSources.FileSharing + " §Step 5",
            """{"kind":"req","id":"22","body":{"dialogId":"__CONVERSATION_ID__","event":{"type":"ContentEvent","message":{"caption":"LivePerson logo","relativePath":"__relative_path__","fileType":"PNG","preview":"data:image/png;base64,<Base64Image>"},"contentType":"hosted/file"}},"type":"ms.PublishEvent"}""")
            .With("__CONVERSATION_ID__", conversationId).With("__relative_path__", relativePath).With("<Base64Image>", Convert.ToBase64String(Png));
        var published = await client.SendDocumentedAsync(publish);
        var echo = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "ContentEvent");
        var download = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.FileSharing + " §Step 6",
            """{"kind":"req","id":"33","body":{"relativePath":"__relative_path__"},"type":"ms.GenerateURLForDownloadFile"}""").With("__relative_path__", relativePath));
        using var got = await emulator.Http.GetAsync(PathAndQuery((JObject)download["body"]!));

        ((string?)upload["type"]).Should().Be("ms.BaseGenerateURLResponse");
        ((string?)upload["reqId"]).Should().Be("3");
        relativePath.Should().MatchRegex($"^/v1/AUTH_async-images/{emulator.Account}/[0-9a-f-]+\\.PNG$");
        forged.Should().Be((HttpStatusCode.Unauthorized, "Temp URL invalid"));
        put.Status.Should().Be(HttpStatusCode.Created);
        ((string?)published["type"]).Should().Be("ms.PublishEventResponse");
        ((int)published["code"]!).Should().Be(200);
        var change = FrameMatch.FirstChange(echo);
        ((int)change["sequence"]!).Should().Be((int)published["body"]!["sequence"]!);
        var evt = (JObject)change["event"]!;
        ((string?)evt["contentType"]).Should().Be("hosted/file");
        ((string?)evt["message"]!["relativePath"]).Should().Be(relativePath);
        ((string?)evt["message"]!["caption"]).Should().Be("LivePerson logo");
        ((string?)evt["message"]!["fileType"]).Should().Be("PNG");
        ((string?)download["type"]).Should().Be("ms.BaseGenerateURLResponse");
        ((string?)download["reqId"]).Should().Be("33");
        ((string?)download["body"]!["relativePath"]).Should().Be(relativePath);
        got.StatusCode.Should().Be(HttpStatusCode.OK);
        (await got.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
    }

    [Fact]
    [Documented("ms.GenerateURLForDownloadFile", MessagingSources.FileSharing + " §Step 6 Request Body Example")]
    [Documented("ms.GenerateURLForDownloadFile", MessagingSources.DownloadBody)]
    public async Task Should_sign_the_step_6_example_path_inside_the_account()
    {
        await using var client = await emulator.NewConsumerAsync();
        var frame = new DocumentedFrame(MessagingSources.FileSharing + " §Step 6", """
              {
              	"kind": "req",
              	"id": 1,
              	"body": {
                	"relativePath": "1234.JPG"
              	},
              	"type": "ms.GenerateURLForDownloadFile"
              }
            """);

        var response = await client.SendDocumentedAsync(frame);

        ((int)response["code"]!).Should().Be(200);
        ((string?)response["body"]!["relativePath"]).Should().Be($"/v1/AUTH_async-images/{emulator.Account}/1234.JPG");
    }

    [Theory]
    [InlineData("HostedFile")]
    [InlineData("hosted/file")]
    [Documented("ms.PublishEvent/HostedFile", MessagingSources.HostedFile + " (contentType default HostedFile)")]
    [Documented("ms.PublishEvent/HostedFile", MessagingSources.FileSharing + " §Step 5 (\"Event type should be HostedFile\", caption optional)")]
    public async Task Should_take_a_hosted_file_by_either_name_and_without_a_caption(string contentType)
    {
        await using var client = await emulator.NewConsumerAsync();
        var conversationId = await DocumentedConversation.OpenAsync(client, MessagingSources.FileSharing + " §Step 2");
        await DocumentedConversation.SubscribeAsync(client, conversationId);
        var file = new { relativePath = $"/v1/AUTH_async-images/{emulator.Account}/x.JPEG", fileType = "JPEG" };

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId = conversationId, @event = new { type = "ContentEvent", contentType, message = file } });
        var echo = await DocumentedConversation.NextChangeAsync(client, "CONSUMER", "ContentEvent");

        ((int)response["code"]!).Should().Be(200);
        ((string?)FrameMatch.FirstChange(echo)["event"]!["contentType"]).Should().Be("hosted/file");
    }

    [Fact]
    [Documented("ms.PublishEvent/HostedFile", MessagingSources.FileSharing + " §Step 3 (\"the preview must be under 30KB\")")]
    public async Task Should_refuse_a_preview_of_30_KB_or_more()
    {
        await using var client = await emulator.NewConsumerAsync();
        var conversationId = await client.OpenConversationAsync();
        var preview = "data:image/png;base64," + new string('A', 30 * 1024);
        var file = new { caption = "big", relativePath = $"/v1/AUTH_async-images/{emulator.Account}/x.PNG", fileType = "PNG", preview };

        var response = await client.RequestAsync("ms.PublishEvent", new { dialogId = conversationId, @event = new { type = "ContentEvent", contentType = "hosted/file", message = file } });

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be("body.event.message.preview: must be under 30 KB (30720 bytes of UTF-8)");
    }

    [Theory]
    [InlineData("""{"relativePath":"/v1/AUTH_async-images/1/x.EXE","fileType":"EXE"}""", "body.event.message.fileType: \"EXE\" is not one of IMG, JPG, JPEG, PNG, GIF, TXT, PDF")]
    [InlineData("""{"caption":"no path","fileType":"PNG"}""", "body.event.message.relativePath: missing (required)")]
    [InlineData("""{"caption":7,"relativePath":"/v1/AUTH_async-images/1/x.PNG","fileType":"PNG"}""", "body.event.message.caption: expected a string, found an integer")]
    [Documented("ms.PublishEvent/HostedFile", MessagingSources.HostedFile + " (relativePath, fileType enum)")]
    public async Task Should_refuse_a_hosted_file_the_schema_excludes(string messageJson, string expected)
    {
        await using var client = await emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();
        var evt = new JObject { ["type"] = "ContentEvent", ["contentType"] = "hosted/file", ["message"] = JObject.Parse(messageJson) };

        var response = await client.RequestAsync("ms.PublishEvent", new JObject { ["dialogId"] = dialogId, ["event"] = evt });

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(expected);
    }
}
