namespace LpRepl.Commands;

/// <summary>
/// The refusals that mean "your token": close 4401 (token missing or expired: a fresh one is needed),
/// close 4407 (an unauthenticated identity must be extended at the IDP), both as the protocol
/// overview documents them, and HTTP 401 at a reconnect's upgrade, which some servers send instead of 4401.
/// </summary>
public static class AuthRefusal
{
    public const int TokenExpired = 4401;

    public const int IdentityMustBeExtended = 4407;

    /// <summary>Not a close code (those are 1000-4999): the HTTP status of a refused upgrade.</summary>
    public const int HttpUnauthorized = 401;

    public static bool IsAuthRefusal(int code) => code is TokenExpired or IdentityMustBeExtended or HttpUnauthorized;

    /// <summary>What happened, in the words the rest of the line continues.</summary>
    public static string WhatHappened(int code) => code switch
    {
        TokenExpired => "the server closed the socket with 4401: LP_JWT expired (or is missing)",
        IdentityMustBeExtended => "the server closed the socket with 4407: the unauthenticated identity must be extended",
        HttpUnauthorized => "the server refused the connection with HTTP 401: LP_JWT expired (or is missing)",
        _ => $"the server closed the socket with {code}",
    };
}
