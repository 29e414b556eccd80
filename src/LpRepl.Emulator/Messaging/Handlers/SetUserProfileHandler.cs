using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>userprofile.SetUserProfile</c>: keeps the consumer's profile (e.g. authenticatedData.lp_sdes) as sent.</summary>
internal sealed class SetUserProfileHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["userprofile.SetUserProfile"];

    // Undocumented on the socket; named like the other v3 responses, with the Send API's body.
    public string ResponseType => ResponseTypes.SetUserProfile;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        // The protocol model has checked the body: an object if given, authenticatedData an object.
        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            consumer.Profile = (JObject?)context.Body?.DeepClone() ?? [];
        }

        context.Ok(new JObject { ["msg"] = "OK User Profile set successfully" });
        return Task.CompletedTask;
    }
}
