using System.Net;
using LpRepl.Emulator.Tests.Support;
using static LpRepl.Emulator.Tests.Support.SwiftCalls;

namespace LpRepl.Emulator.Tests;

public sealed class SwiftExpiryTests : IClassFixture<ExpiredTokenTests.ManualClockEmulator>
{
    private readonly ExpiredTokenTests.ManualClockEmulator _emulator;

    public SwiftExpiryTests(ExpiredTokenTests.ManualClockEmulator emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_refuse_a_temp_url_after_its_minute()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var upload = await client.UploadUrlAsync();
        var before = await _emulator.Http.PutFileAsync(PathAndQuery(upload), [1, 2, 3]).StatusAsync();
        _emulator.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2));

        var after = await _emulator.Http.PutFileAsync(PathAndQuery(upload), [4, 5, 6]).StatusAsync();

        before.Status.Should().Be(HttpStatusCode.Created);
        after.Should().Be((HttpStatusCode.Unauthorized, "Temp URL expired"));
    }
}
