using LpRepl.Session;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    private IdentityOrigin _identity = IdentityOrigin.Manual;

    /// <summary>
    /// How LP_JWT was obtained, set by the identity commands where they store it. Read back as
    /// <see cref="IdentityOrigin.Manual"/> once LP_JWT no longer holds that token (set by hand, loaded),
    /// so a renewal never replaces a token the user chose.
    /// </summary>
    public IdentityOrigin Identity
    {
        get
        {
            var origin = Volatile.Read(ref _identity);
            return origin.Issued(Variables["LP_JWT"]) ? origin : IdentityOrigin.Manual;
        }
        set => Volatile.Write(ref _identity, value);
    }
}
