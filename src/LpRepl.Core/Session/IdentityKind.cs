namespace LpRepl.Session;

/// <summary>How LP_JWT was obtained, which decides whether it can be renewed for the same consumer.</summary>
public enum IdentityKind
{
    /// <summary>Set by hand, loaded from a file, or changed since a command stored it: LpRepl cannot renew it.</summary>
    Manual,

    /// <summary><c>signup</c>: a new consumer each time, so it cannot be renewed without losing the conversation.</summary>
    Signup,

    /// <summary><c>authenticate</c>: renewable while the brand's external token is valid.</summary>
    Authenticated,

    /// <summary><c>anonymous</c>: the connector flow, renewable by its refresh.</summary>
    Anonymous,
}
