using System.Reflection;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Protocol;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The conformance suite covers every consumer request type the protocol model knows, and every notification.</summary>
public sealed class CoverageTests
{
    private static readonly string[] Notifications = ["ms.MessagingEventNotification", "cqm.ExConversationChangeNotification"];

    private const string Window = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/";

    // Every page of the Messaging Window API: the folder pages/Documents/ClientSideConfiguration/MessagingWindowAPI
    // of LivePersonInc/developer-center (33 pages: overview, getting started, protocol overview, APIReference/,
    // Samples/, Tutorials/), the earlier pages of the API still published under their own permalinks
    // ("level3: Messaging Window API" in their front matter), and the domain API, retry policy and IdP pages
    // the overview sends a consumer to. A page is cited by its path or by one of its permalinks.
    private static readonly (string Page, string[] Permalinks)[] Pages =
    [
        (Window + "overview.md", ["messaging-window-api-overview.html"]),
        (Window + "getting-started.md", ["messaging-window-api-getting-started.html"]),
        (Window + "protocol-overview.md", ["consumer-int-protocol-overview.html"]),
        (Window + "APIReference/overview.md", ["messaging-window-api-api-reference-overview.html"]),
        (Window + "APIReference/request-builder.md", []),
        (Window + "APIReference/response-builder.md", []),
        (Window + "APIReference/notification-builder.md", []),
        (Window + "APIReference/new-conversation.md", []),
        (Window + "APIReference/close-conversation.md", []),
        (Window + "APIReference/close-conversationttr.md", []),
        (Window + "APIReference/send-consumer-satisfaction-csat.md", []),
        (Window + "APIReference/subscribe-to-conversation-metadata.md", []),
        (Window + "APIReference/unsubscribe-from-conversation-metadata.md", []),
        (Window + "APIReference/publishing-text-content.md", ["messaging-window-api-api-reference-publishing-text-content.html"]),
        (Window + "APIReference/subscribe-to-messaging-events.md", ["messaging-window-api-api-reference-subscribe-to-messaging-events.html"]),
        (Window + "APIReference/init-connection.md", []),
        (Window + "APIReference/generate-upload-url.md", ["messaging-window-api-api-reference-generate-upload-url.html"]),
        (Window + "APIReference/generate-download-url.md", ["messaging-window-api-api-reference-generate-download-url.html"]),
        (Window + "APIReference/unauthenticated-messaging.md", []),
        (Window + "APIReference (get-agent-public-profile)", ["messaging-window-api-api-reference-get-agent-public-profile.html"]),
        (Window + "Tutorials/get-messages.md", ["messaging-window-api-tutorials-get-messages.html"]),
        (Window + "Tutorials/conversation-metadata.md", []),
        (Window + "Tutorials/read-and-accept-events.md", ["messaging-window-api-tutorials-read-and-accept-events.html"]),
        (Window + "Tutorials/authentication.md", []),
        (Window + "Tutorials/client-properties.md", []),
        (Window + "Tutorials/avoid-websocket-headers.md", []),
        (Window + "Tutorials/publish-images.md", ["messaging-window-api-tutorials-publish-images.html"]),
        (Window + "Tutorials/file-sharing.md", ["messaging-window-api-tutorials-file-sharing.html"]),
        (Window + "Tutorials/legacy-post-conversation-survey-csat.md", []),
        (Window + "Tutorials/legacy-post-conversation-survey-pcs.md", []),
        (Window + "Tutorials/post-conversation-survey-pcs.md", []),
        (Window + "Tutorials/cobrowse.md", []),
        (Window + "Tutorials/voice-and-video-calls.md", []),
        ("pages/… (Agent Profile tutorial)", ["consumer-int-agent-profile.html"]),
        ("pages/… (Unauthenticated Messaging tutorial, earlier version)", ["consumer-int-unauth-authentication.html"]),
        ("pages/… (Consumer Token Creation)", ["common-consumer-token-creation.html"]),
        ("pages/Documents/APIGuidelines/domain-api.md", []),
        ("pages/Documents/APIGuidelines/retry-policy-recommendations.md", []),
    ];

    // Pages with no frame to send, and why.
    private static readonly (string Page, string Why)[] WithoutFrames =
    [
        (Window + "Samples/javascript-sample.md", "its code lives on CodePen; the page itself has prose only"),
    ];

    [Fact]
    public void Should_have_a_documented_test_for_every_request_type_and_notification()
    {
        var covered = typeof(CoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<DocumentedAttribute>())
            .Select(a => a.Item.Split('/')[0])
            .ToHashSet(StringComparer.Ordinal);

        ProtocolModel.Default.RequestTypes.Concat(Notifications).Where(type => !covered.Contains(type))
            .Should().BeEmpty("each needs a test that sends the documentation's frame and names its source");
    }

    [Fact]
    public void Should_have_a_documented_test_citing_every_page_of_the_Messaging_Window_API()
    {
        var sources = typeof(CoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<DocumentedAttribute>())
            .Select(a => a.Source)
            .ToList();

        Pages.Where(p => !sources.Any(s => s.Contains(p.Page, StringComparison.Ordinal) || p.Permalinks.Any(l => s.Contains(l, StringComparison.Ordinal))))
            .Select(p => p.Page)
            .Should().BeEmpty("each page needs a test that sends its frames and names it as the source");
        WithoutFrames.Select(p => p.Page).Should().NotIntersectWith(Pages.Select(p => p.Page));
    }

    [Fact]
    public void Should_name_a_developer_center_source_on_every_documented_test()
    {
        var sources = typeof(CoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().SelectMany(m => m.GetCustomAttributes<DocumentedAttribute>().Select(a => (Method: $"{t.Name}.{m.Name}", a.Source))));

        sources.Where(s => !(s.Source.StartsWith("pages/", StringComparison.Ordinal) || s.Source.StartsWith("assets/schema/", StringComparison.Ordinal)))
            .Should().BeEmpty("a source is a developer-center path");
    }
}
