using System.Net;
using System.Security.Cryptography;
using LpRepl.Emulator.Tests.Support;
using static LpRepl.Emulator.Tests.Support.SwiftCalls;

namespace LpRepl.Emulator.Tests;

/// <summary>The Swift stand-in: files PUT and GET on the temp URLs the socket hands out.</summary>
public sealed class SwiftTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public SwiftTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [InlineData("PNG", "image/png")]
    [InlineData("JPG", "image/jpeg")]
    [InlineData("JPEG", "image/jpeg")]
    [InlineData("GIF", "image/gif")]
    public async Task Should_store_an_uploaded_file_and_serve_it_back(string fileType, string contentType)
    {
        await using var client = await _emulator.NewConsumerAsync();
        var content = RandomNumberGenerator.GetBytes(5000);
        var upload = await client.UploadUrlAsync(fileType, content.Length);

        using var put = await _emulator.Http.PutFileAsync(PathAndQuery(upload), content);
        var download = await client.DownloadUrlAsync((string)upload["relativePath"]!);
        using var get = await _emulator.Http.GetAsync(PathAndQuery(download));

        put.StatusCode.Should().Be(HttpStatusCode.Created);
        put.Headers.ETag!.Tag.Should().Be('"' + Convert.ToHexStringLower(MD5.HashData(content)) + '"');
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        get.Content.Headers.ContentType?.MediaType.Should().Be(contentType);
        (await get.Content.ReadAsByteArrayAsync()).Should().Equal(content);
    }

    [Fact]
    public async Task Should_refuse_urls_whose_signature_does_not_fit()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var upload = await client.UploadUrlAsync();
        var relativePath = (string)upload["relativePath"]!;
        var signature = (string)upload["queryParams"]!["temp_url_sig"]!;
        var tampered = (signature[0] == '0' ? "1" : "0") + signature[1..];

        var forged = await _emulator.Http.PutFileAsync(PathAndQuery(upload, tampered), [1, 2, 3]).StatusAsync();
        var unsigned = await _emulator.Http.PutFileAsync(relativePath, [1, 2, 3]).StatusAsync();
        var putUrlForGet = await _emulator.Http.GetAsync(PathAndQuery(upload)).StatusAsync();
        var download = await client.DownloadUrlAsync(relativePath);
        var getUrlForPut = await _emulator.Http.PutFileAsync(PathAndQuery(download), [1, 2, 3]).StatusAsync();
        var notUploaded = await _emulator.Http.GetAsync(PathAndQuery(download)).StatusAsync();

        forged.Should().Be((HttpStatusCode.Unauthorized, "Temp URL invalid"));
        unsigned.Should().Be((HttpStatusCode.Unauthorized, "Temp URL invalid"));
        putUrlForGet.Should().Be((HttpStatusCode.Unauthorized, "Temp URL invalid"));
        getUrlForPut.Should().Be((HttpStatusCode.Unauthorized, "Temp URL invalid"));
        notUploaded.Should().Be((HttpStatusCode.NotFound, "File not found"), "none of the refused PUTs stored anything");
    }

    [Fact]
    public async Task Should_answer_413_to_a_file_over_25_MiB()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var upload = await client.UploadUrlAsync();

        var tooBig = await _emulator.Http.PutFileAsync(PathAndQuery(upload), new byte[(25 * 1024 * 1024) + 1]).StatusAsync();
        var download = await client.DownloadUrlAsync((string)upload["relativePath"]!);
        var stored = await _emulator.Http.GetAsync(PathAndQuery(download)).StatusAsync();

        tooBig.Should().Be((HttpStatusCode.RequestEntityTooLarge, "File is larger than 25 MiB"));
        stored.Status.Should().Be(HttpStatusCode.NotFound);
    }
}
