using System.Text.RegularExpressions;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>File sharing (IMG tutorial): upload and download URLs, and publishing the shared file.</summary>
public sealed class FileUrlTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public FileUrlTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_generate_signed_upload_and_download_urls_and_publish_the_file()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var dialogId = await client.OpenConversationAsync();

        var upload = await client.RequestAsync("ms.GenerateURLForUploadFile", new { fileSize = 1000, fileType = "PNG" });
        var relativePath = (string)upload["body"]!["relativePath"]!;
        var download = await client.RequestAsync("ms.GenerateURLForDownloadFile", new { relativePath });
        var file = new { caption = "LivePerson logo", relativePath, fileType = "PNG", preview = "data:image/png;base64,iVBORw0KGgo=" };
        var published = await client.RequestAsync("ms.PublishEvent", new { dialogId, @event = new { type = "ContentEvent", contentType = "hosted/file", message = file } });

        ((int)upload["code"]!).Should().Be(200);
        ((string?)upload["type"]).Should().Be("ms.BaseGenerateURLResponse");
        relativePath.Should().MatchRegex($"^/v1/AUTH_async-images/{_emulator.Account}/[0-9a-f-]{{36}}\\.PNG$");
        var query = (JObject)upload["body"]!["queryParams"]!;
        ((string?)query["temp_url_sig"]).Should().MatchRegex("^[0-9a-f]{40}$");
        var expires = long.Parse((string)query["temp_url_expires"]!, System.Globalization.CultureInfo.InvariantCulture);
        expires.Should().BeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        ((string?)download["type"]).Should().Be("ms.BaseGenerateURLResponse");
        ((string?)download["body"]!["relativePath"]).Should().Be(relativePath);
        // The signature covers the method: a GET URL is not the PUT URL.
        ((string?)download["body"]!["queryParams"]!["temp_url_sig"]).Should().NotBe((string?)query["temp_url_sig"]);
        ((int)published["code"]!).Should().Be(200);
    }

    [Theory]
    [InlineData("{\"fileType\":\"PNG\"}", "body.fileSize: missing (required)")]
    [InlineData("{\"fileSize\":0,\"fileType\":\"PNG\"}", "body.fileSize: 0 is below the minimum, 1")]
    [InlineData("{\"fileSize\":\"0\",\"fileType\":\"PNG\"}", "body.fileSize: must be a positive whole number of bytes, in digits (\"1024\")")]
    [InlineData("{\"fileSize\":\"1e3\",\"fileType\":\"PNG\"}", "body.fileSize: must be a positive whole number of bytes, in digits (\"1024\")")]
    [InlineData("{\"fileSize\":10,\"fileType\":\"EXE\"}", "body.fileType: \"EXE\" is not one of JPG, PNG, GIF, JPEG")]
    [InlineData("{\"fileSize\":10,\"fileType\":\"png\"}", "body.fileType: \"png\" is not one of JPG, PNG, GIF, JPEG; did you mean 'PNG'?")]
    public async Task Should_answer_400_to_a_bad_upload_request(string bodyJson, string expected)
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.RequestAsync("ms.GenerateURLForUploadFile", JToken.Parse(bodyJson));

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/v1/AUTH_async-images/87654321/a.PNG")]
    [InlineData("/v1/AUTH_async-images/{0}/../secret")]
    public async Task Should_answer_400_to_a_download_path_outside_the_account(string? path)
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.RequestAsync("ms.GenerateURLForDownloadFile", new { relativePath = path is null ? null : string.Format(path, _emulator.Account) });

        ((int)response["code"]!).Should().Be(400);
        // No path at all is the protocol model's refusal; a path outside the account is the emulator's.
        Regex.IsMatch((string)response["body"]!, path is null ? "^body.relativePath: expected a string, found null$" : "^relativePath must be").Should().BeTrue((string?)response["body"]);
    }
}
