using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The API reference's Generate Download URL page: its request, verbatim, on the account its path names.</summary>
public sealed class GenerateDownloadUrlReferenceTests(GenerateDownloadUrlReferenceTests.SampleAccountEmulator emulator) : IClassFixture<GenerateDownloadUrlReferenceTests.SampleAccountEmulator>
{
    private const string Path = "/v1/AUTH_async-images/12345678/8ccc728c-2cac-4a81-878a-ab482d3f37b7_uuid_4d91eedb-2eda-433c-b469-06244fd1c3fa_17-04-2018_09-37-15-082.JPG";

    [Fact]
    [Documented("ms.GenerateURLForDownloadFile", MessagingSources.DownloadUrl + " §Request")]
    [Documented("ms.GenerateURLResponse", MessagingSources.DownloadUrl + " §Response (assets/schema/ms/GenerateURLResp.json)")]
    public async Task Should_answer_the_pages_request_with_the_pages_response_shape()
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.DownloadUrl + " §Request",
            "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"ms.GenerateURLForDownloadFile\",\"body\":{\"relativePath\":\"" + Path + "\"}}"));

        response.FieldNames().Should().Equal(ResponseShape.ResponseFields);
        ((string?)response["reqId"], (int)response["code"]!).Should().Be(("0", 200));
        // The page says ms.GenerateURLResponse, the tutorials' transcripts ms.BaseGenerateURLResponse (docs/emulator.md).
        ((string?)response["type"]).Should().BeOneOf("ms.GenerateURLResponse", "ms.BaseGenerateURLResponse");
        var body = (JObject)response["body"]!;
        body.FieldNames().Should().Equal("relativePath", "queryParams");
        ((string?)body["relativePath"]).Should().Be(Path);
        var query = (JObject)body["queryParams"]!;
        query.FieldNames().Should().Equal("temp_url_sig", "temp_url_expires");
        ((string?)query["temp_url_sig"]).Should().MatchRegex("^[0-9a-f]{40}$", "as the page's 0cff08d2…");
        query["temp_url_expires"]!.Type.Should().Be(JTokenType.String, "the page's \"1523947094\" is a string of epoch seconds");
        ((string)query["temp_url_expires"]!).Should().MatchRegex("^[0-9]{10}$");
    }

    /// <summary>The emulator serving the account the page's path names, 12345678.</summary>
    public sealed class SampleAccountEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { DefaultAccount = "12345678", AgentDelay = TimeSpan.FromMilliseconds(50) };
    }
}
