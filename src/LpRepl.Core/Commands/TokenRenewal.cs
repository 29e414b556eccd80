using System.Globalization;
using LpRepl.Repl;
using LpRepl.Services;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary>
/// Renews LP_JWT after an auth refusal (<see cref="AuthRefusal"/>) where that keeps the consumer,
/// and so the conversation: an anonymous identity by its refresh (as <c>anonymous --refresh</c>),
/// an authenticated one by trading its external token again while that is valid (as
/// <c>authenticate</c>). A signup or hand-set token is left alone, with advice. A renewal that
/// yields a different consumer is not stored.
/// </summary>
public static class TokenRenewal
{
    private const string ThenConnect = ", then 'connect'";

    /// <summary>Renews LP_JWT if it can; the outcome's message is one line for the user either way.</summary>
    /// <param name="session">The session whose LP_JWT (and <see cref="ReplSession.Identity"/>) is renewed.</param>
    /// <param name="code">The close code (4401, 4407), or <see cref="AuthRefusal.HttpUnauthorized"/> for a refused upgrade.</param>
    /// <param name="ct">Cancels the calls to the identity service.</param>
    public static async Task<RenewalOutcome> TryRenewAsync(ReplSession session, int code, CancellationToken ct)
    {
        var what = AuthRefusal.WhatHappened(code);
        if (!AuthRefusal.IsAuthRefusal(code))
        {
            return new RenewalOutcome(false, $"{what}: not a token problem, so there is nothing to renew", null);
        }
        var origin = session.Identity;
        switch (origin.Kind)
        {
            case IdentityKind.Signup:
                return new RenewalOutcome(false, $"{what}; a signup token cannot be renewed: 'signup' makes a new consumer (this conversation is lost){ThenConnect}", "signup");
            case IdentityKind.Manual:
                return code == AuthRefusal.IdentityMustBeExtended
                    ? new RenewalOutcome(false, $"{what}: 'anonymous --refresh' (it renews UNAUTH_JWT){ThenConnect}; LP_JWT was not set by 'anonymous', so LpRepl did not renew it", "anonymous --refresh")
                    : new RenewalOutcome(false, $"{what}; LP_JWT was set by hand, so LpRepl cannot renew it: set LP_JWT to a fresh token of the same consumer{ThenConnect}", null);
        }
        if (IdentityCall.Missing(session, "renewing LP_JWT") is { } missing)
        {
            return new RenewalOutcome(false, $"{what}; {missing}", null);
        }
        if (origin.Kind == IdentityKind.Authenticated && origin.ExternalExpires is { } expires && expires <= session.Services.Time.GetUtcNow())
        {
            var at = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            return new RenewalOutcome(false, $"{what}; the external token expired at {at}: log in at the brand again for a new one, then 'authenticate NEW_TOKEN' and 'connect'", "authenticate");
        }
        try
        {
            return await RenewAsync(session, origin, what, ct);
        }
        catch (ServiceException e)
        {
            var retry = origin.Kind == IdentityKind.Anonymous ? "anonymous --refresh" : "authenticate";
            return new RenewalOutcome(false, $"{what}; renewing it failed ({e.Message}): '{retry}'{ThenConnect}", retry);
        }
    }

    private static async Task<RenewalOutcome> RenewAsync(ReplSession session, IdentityOrigin origin, string what, CancellationToken ct)
    {
        var (idp, account) = (session.Variables["LP_IDP"]!, session.Variables["LP_ACCOUNT"]!);
        var client = IdentityCall.Client(session);
        var anonymous = origin.Kind == IdentityKind.Anonymous;
        // Both calls happen before anything is stored: a failure or another consumer leaves the variables as they were.
        var external = anonymous ? await client.AuthorizeAnonymousAsync(idp, account, origin.ExternalToken, ct) : origin.ExternalToken!;
        var jwt = anonymous
            ? await client.AuthenticateAppAsync(idp, account, origin.ConnectorId!, external, ct)
            : await client.AuthenticateAsync(idp, account, external, ct);
        var consumer = IdentityOrigin.SubjectOf(jwt);
        if (origin.Consumer is not null && consumer != origin.Consumer)
        {
            var command = anonymous ? "anonymous" : "authenticate";
            return new RenewalOutcome(false, $"{what}; the renewed token is for consumer {consumer ?? "(none named)"}, not {origin.Consumer}, so LP_JWT was left as it was: '{command}' for a new identity (this conversation is lost){ThenConnect}", command);
        }
        if (anonymous)
        {
            IdentityCall.Store(session, external, "UNAUTH_JWT");
            IdentityCall.Store(session, jwt, "LP_JWT");
            session.Identity = IdentityOrigin.Anonymous(jwt, origin.ConnectorId!, external);
        }
        else
        {
            IdentityCall.Store(session, jwt, "LP_AUTH_JWT", "LP_JWT");
            session.Identity = IdentityOrigin.Authenticated(jwt, external);
        }
        session.Log.Information("Renewed LP_JWT ({Kind}) after an auth refusal", origin.Kind);
        var how = anonymous ? "refreshed the anonymous identity (as 'anonymous --refresh')" : "traded the external token again (as 'authenticate')";
        return new RenewalOutcome(true, $"{what}; {how}: same consumer {consumer ?? "(the token names none)"}", null);
    }
}
