using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.SwiftCalls;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The Publish Images tutorial: upload URL, PUT, a second connection to publish the image, download URL, GET.</summary>
public sealed class PublishImagesTutorialTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Publish = """{"kind":"req","id":"22","body":{"dialogId":"__CONVERSATION_ID__","event":{"type":"ContentEvent","message":{"caption":"LivePerson logo","relativePath":"__relative_path__","fileType":"PNG","preview":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGQAAAAQCAIAAABvM03UAAAHGElEQVRYheVYaWxU1xU+5963jj0zHmN7iBdssCGExcQYUoNLkqKkbYLTklWpqFTUVI3UJf1XBdFEpq2KUkVJ1UWqqixN2zRVSAIK4CBWCUgJYOwaF+M4YAPxPjizz7z13v54w/BmxrbcRmmr9vwYvXPf/c499zv3nHveIOccADjniAgAec8zqdlfAMiqc8dmRwqNzG7qP4tFN1luPNfi1lg/KS5Nn92FSrGyqo1rcSG4BEUlz3rWqIOdZo2Z6ZtFPg32MxLBrWRo4twOD2t/25s68ZJ6x+Na7wFSXGpHRvWLR32bfyzWrCK+IBTwMq2aNTjTnmd5NTt2poDNZfK/jEXGWB4yffbN5IlXpMWf1zp3AaHAbAAERBQVuXGTOXja27ZdWvQ5KAjyHCP/aQ7ITEQXHsNCIBQE+J/FkrxJdmIKqMgS17XOXRwAmA1IAAA440ZK69zFTY0zm+nJPFvZ9dylYVopTN6Z1Nmxec831emMYO4+M64ym3OWg51hUWcCbW9vd4Ojr3/fGDzD0xHgTCiv923e4XvgGU/rN2ig2vz4PJhpEGTjo5MsHZbqW7JARIx3PKf3HZaWbHBs25GxyGvfJiWVNFDNwiPh320RyupoaY0dD0VefQIEWQguYcmpyMtbkydfTZ1+A6kkVi0HADs8HHntSX3guHGlU6y5HUWFm3rsne1a9x7twiFz5O9S3RpAYk9eivzpO/rASWvykljdiFQEACs0GNv9jNbbYVztkhbe4QwyPZX64PXUiZe1Cwe18/uBUFq20GGAxUPJo78Ra5udmQAQP/A8DVSh6p82YXNqFtdixB80h3vBtogv6P/ai8K8WidWSvPDpKQy+ueneCoMqh+JCMx21nAMsXSUG6mbAec2i4fA0gGA+OfTebXprt1ifYt+8QiLh+TFrYgIjNnxSU/LFnFBEw1UZ7DMohX1/gd/mjrzF61nn2fdFgAOwL1t24n/lpu5Y5tidWPx/dsSB35uDJ2Vb70TALSefcrtDygrvmSOfQiEOtOSR39NAzX+x18AIoCpJQ6+wNMxde2jnHMAbgycYKmIt+1HKBchIk9HgVnuugmuG5PcOLkcAKzQEHCOosIB5FvvzjB1Q6Ta1WLVCg5APCV2ZIQlP4E5Jg6h6trHzKvnrLF+rWef3LgJPSVZoB0ZtSY+cojOOGOm7fAIi46j6s1c1qam9x3SevYal09xxjKDRtqOjHAtjoo342HdGu3CQe3iURqoQkECABYdtyOj6tpHkYqIiJJatPG7Wt8hbmqZzAoulhrWx/f+hKfChc7nVRjifsdiE3rfYa7FgQPx+Av2LKBSjJzb4WG97wjXU1nWp13AjRXrVhNfMHnkV3Z4RG36qrtWWhOXjKEzLHE9i7VDQ6lTfyS+oLLs3sw0RJSKiFyMoupcNgBgXuuOvfW0tGidWL3SMSXWtxTf85QdGoztedaOjgMA02LEU+KcsowzooKCwo10dkRZeZ+8/Ivx/Tvt2GSh5+7t5KSh1LDe+5Vnkwd/wZJTxtUuj2U48XEwLBW2xgcAUZi/tOjOb9FAlZv1HFpzhXOOUpHStDmx/2fyyi/T3APr2fBN5baNbqxQucy7aZubehRkqWE9Lal0A8W6NSipgAiEcs6BM/v6EC1b6NnwROr93xuXTylNm6n/FhadYIkp6i3LxGbyMiCix+9mQb7tCyjK8Y6dcOPimvbKJuAqY8Aheey3LPUJAJjXulMnX+Gm7jQ7XE8mOp5jsQkAsEb70l3vwI0+KGvLGrkQe+tprfe9wvggorz0blpWpzY/gjQnQum//iH65g/1/mN5/Lrp47ZpjvQZ17rN8Q85Y5lXglR015Na73vWeD8AAGepD97QunZbo33mlXPC/KWIiJ6Auvax+Ls79IHjVmhI69mXOPRi8b0/yGsDEInU0Opp2WKFBgHw5rq5WULb29uzZQwEmSheuaHVuNIJlmFc6dQHjtuTg3r/scSB583h8wAgBhd7WrfKy+4RSmvchRAFUSitob4KWraIllQCIlH8QnUjqr5MwktFNFAt1a52k0UUn1BaTX3lQkUD8VY4fhPFK5TVutsfRGTRMRab4EZaqGhAQhAJUX20okGsWs4io3TeAiSCWLvaGuu3xi6qzQ8LlcscoFC+UKxZZQ6fN691o+It2vg96gtmiEBC5GJatihzogNV4oIm6i1HyZNtrd3XYqYpdfMXe3eH1rWHllTZ4Y8BgDtUAwARiC/IYuPe+7epax7JNqVzbIX/B9Scb0PngSfD6a63AUny8C+F4BJr6iqKKlF9dnzS27adp2NK80NE8sD/n+ST5Qjn3Lj0vnbubXnFfYmOncRbrq77ujl42tO6VahogIIPq9nls4v5v1mmJwucIWYDcK4lAAkqRQAIrrro/osCC/7xyM6ZfeeQ+72Wp/730OTIPwCVPJB1HXaMawAAAABJRU5ErkJggg=="},"contentType":"hosted/file"}},"type":"ms.PublishEvent"}""";

    [Fact]
    [Documented("ms.GenerateURLForUploadFile", MessagingSources.PublishImages + " §Step 3")]
    [Documented("ms.PublishEvent/HostedFile", MessagingSources.PublishImages + " §Step 4")]
    [Documented("ms.GenerateURLForDownloadFile", MessagingSources.PublishImages + " §Step 5")]
    public async Task Should_publish_the_tutorial_image_from_a_second_connection_and_download_it()
    {
        var jwt = await emulator.SignupAsync();
        string conversationId, relativePath;
        JObject upload;
        await using (var first = await emulator.ConnectAsync(jwt))
        {
            conversationId = await DocumentedConversation.OpenAsync(first, MessagingSources.PublishImages + " §Step 2");
            upload = await first.SendDocumentedAsync(new DocumentedFrame(MessagingSources.PublishImages + " §Step 3",
                """{"kind":"req","id":"3","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"    }"""));
            relativePath = (string)upload["body"]!["relativePath"]!;
        }

        var image = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var put = await emulator.Http.PutFileAsync(PathAndQuery((JObject)upload["body"]!), image).StatusAsync();
        await using var second = await emulator.ConnectAsync(jwt);
        var published = await second.SendDocumentedAsync(new DocumentedFrame(MessagingSources.PublishImages + " §Step 4", Publish)
            .With("__CONVERSATION_ID__", conversationId).With("__relative_path__", relativePath));
        var download = await second.SendDocumentedAsync(new DocumentedFrame(MessagingSources.PublishImages + " §Step 5",
            """{"kind":"req","id":"33","body":{"relativePath":"__relative_path__"},"type":"ms.GenerateURLForDownloadFile"}""").With("__relative_path__", relativePath));
        using var got = await emulator.Http.GetAsync(PathAndQuery((JObject)download["body"]!));

        ((string?)upload["type"]).Should().Be("ms.BaseGenerateURLResponse");
        put.Status.Should().Be(HttpStatusCode.Created);
        ((int)published["code"]!).Should().Be(200, published["body"]!.ToString());
        ((string?)published["type"]).Should().Be("ms.PublishEventResponse");
        published["body"]!["sequence"]!.Type.Should().Be(JTokenType.Integer);
        ((string?)download["type"]).Should().Be("ms.BaseGenerateURLResponse");
        ((string?)download["body"]!["relativePath"]).Should().Be(relativePath);
        got.StatusCode.Should().Be(HttpStatusCode.OK);
        got.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await got.Content.ReadAsByteArrayAsync()).Should().Equal(image);
    }
}
