namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>Names the documented item a conformance test checks, and where LivePerson documents it.</summary>
/// <param name="item">A request, response or notification type (<c>ms.PublishEvent</c>), an event (<c>ms.PublishEvent/AcceptStatusEvent</c>), a close code (<c>close/4401</c>) or an HTTP call (<c>GET /api/account/{id}/service/baseURI.json</c>).</param>
/// <param name="source">The developer-center path (<c>pages/…</c> or <c>assets/schema/…</c>), and the section where it helps.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DocumentedAttribute(string item, string source) : Attribute
{
    public string Item { get; } = item;

    public string Source { get; } = source;
}
