using System.Globalization;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The API reference's Generate Upload URL page, its schemas, and the limits the file-sharing tutorial gives.</summary>
public sealed class GenerateUploadUrlReferenceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Sample = """{"kind":"req","id":"0","type":"ms.GenerateURLForUploadFile","body":{"fileSize":"1024","fileType":"JPG"}}""";

    [Fact]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.UploadUrl + " §Request")]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.UploadBody + " (fileSize: string)")]
    [Documented("ms.GenerateURLResponse", MessagingSources.GenerateUrlBody)]
    public async Task Should_answer_the_reference_sample_with_a_signed_path_and_query()
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.UploadUrl + " §Request", Sample));

        response.Properties().Select(p => p.Name).Should().Equal("kind", "reqId", "code", "body", "type");
        ((string?)response["kind"]).Should().Be("resp");
        response["reqId"]!.Type.Should().Be(JTokenType.String);
        ((string?)response["reqId"]).Should().Be("0");
        ((int)response["code"]!).Should().Be(200);
        // The reference says ms.GenerateURLResponse, the tutorials' transcripts ms.BaseGenerateURLResponse (docs/emulator.md).
        ((string?)response["type"]).Should().BeOneOf("ms.GenerateURLResponse", "ms.BaseGenerateURLResponse");
        var body = (JObject)response["body"]!;
        body.Properties().Select(p => p.Name).Should().Equal("relativePath", "queryParams");
        ((string?)body["relativePath"]).Should().MatchRegex($"^/v1/AUTH_async-images/{emulator.Account}/[^/]+\\.JPG$");
        var query = (JObject)body["queryParams"]!;
        query.Properties().Select(p => p.Name).Should().BeEquivalentTo("temp_url_sig", "temp_url_expires");
        query["temp_url_sig"]!.Type.Should().Be(JTokenType.String);
        query["temp_url_expires"]!.Type.Should().Be(JTokenType.String, "the schema types the expiry as a string");
    }

    [Theory]
    [InlineData("JPG")]
    [InlineData("PNG")]
    [InlineData("GIF")]
    [InlineData("JPEG")]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.UploadBody + " (fileType enum)")]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.FileSharing + " §Step 3 (\"JPG, JPEG, PNG, and GIF\")")]
    public async Task Should_take_every_documented_file_type(string fileType)
    {
        await using var client = await emulator.NewConsumerAsync();
        var frame = new DocumentedFrame(MessagingSources.UploadUrl + " §Request", Sample.Replace("\"JPG\"", $"\"{fileType}\"", StringComparison.Ordinal));

        var response = await client.SendDocumentedAsync(frame);

        ((int)response["code"]!).Should().Be(200);
        ((string?)response["body"]!["relativePath"]).Should().EndWith("." + fileType);
    }

    [Theory]
    [InlineData("\"1024\"", "PDF")]
    [InlineData("\"1024\"", "TXT")]
    [InlineData("\"1024\"", "IMG")]
    [InlineData("\"3145729\"", "JPG")]
    [InlineData("4000000", "PNG")]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.FileSharing + " §Step 3 (\"Each file can be up to 3MB\")")]
    public async Task Should_refuse_types_and_sizes_the_documentation_excludes(string fileSize, string fileType)
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.RequestAsync("ms.GenerateURLForUploadFile", JObject.Parse($"{{\"fileSize\":{fileSize},\"fileType\":\"{fileType}\"}}"));

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["type"]).Should().Be("ms.BaseGenerateURLResponse");
        ((string?)response["body"]).Should().Be(fileType is "JPG" or "PNG"
            ? $"body.fileSize: {fileSize} is above the maximum, 3145728" + (fileSize.StartsWith('"') ? " (3 MB)" : "")
            : $"body.fileType: \"{fileType}\" is not one of JPG, PNG, GIF, JPEG");
    }

    [Fact]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.FileSharing + " §Step 3 (up to 3MB)")]
    public async Task Should_take_a_file_of_exactly_3_MB()
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.RequestAsync("ms.GenerateURLForUploadFile", new { fileSize = "3145728", fileType = "PNG" });

        ((int)response["code"]!).Should().Be(200);
    }

    [Fact]
    [Documented("ms.GenerateURLResponse", MessagingSources.FileSharing + " §Step 4 (\"file expiration is set to 1 minute by default\")")]
    public async Task Should_sign_urls_for_one_minute()
    {
        await using var client = await emulator.NewConsumerAsync();

        var response = await client.SendDocumentedAsync(new DocumentedFrame(MessagingSources.UploadUrl + " §Request", Sample));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var expires = long.Parse((string)response["body"]!["queryParams"]!["temp_url_expires"]!, CultureInfo.InvariantCulture);
        expires.Should().BeInRange(now + 50, now + 60);
    }
}
