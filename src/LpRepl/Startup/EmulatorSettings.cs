using LpRepl.Emulator;

namespace LpRepl.App.Startup;

/// <summary>The emulator's options from the command line, the same for the embedded and the standalone one.</summary>
public static class EmulatorSettings
{
    /// <summary>What is wrong with the options the emulator takes from files (--brand-key), or null.</summary>
    public static string? Check(AppOptions options)
    {
        if (options.BrandKeyFile is not { } file)
        {
            return null;
        }
        try
        {
            using var key = System.Security.Cryptography.RSA.Create();
            key.ImportFromPem(File.ReadAllText(file));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return $"--brand-key {file}: not a readable PEM RSA public key ({e.Message})";
        }
    }

    /// <summary>The options; call <see cref="Check"/> first, so the key file is known to be good.</summary>
    public static EmulatorOptions From(AppOptions options, string? account, EmulatorListen? listen = null) => new()
    {
        Host = listen?.Host ?? new EmulatorOptions().Host,
        Advertise = listen?.Advertise,
        BrandPublicKeyPem = options.BrandKeyFile is { } file ? File.ReadAllText(file) : null,
        Port = listen?.Port ?? 0,
        Agent = options.Agent,
        AgentDelay = TimeSpan.FromMilliseconds(options.AgentDelayMs),
        AgentAcceptDelay = TimeSpan.FromMilliseconds(Math.Max(0, options.AgentAcceptDelayMs)),
        AgentTyping = options.AgentTyping,
        IdleTimeout = options.IdleTimeoutSeconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(options.IdleTimeoutSeconds),
        DefaultAccount = account ?? new EmulatorOptions().DefaultAccount,
        RequestsPerSecond = options.RequestsPerSecond,
        RequestBurst = options.RequestBurst,
        MaxQueuedFrames = options.MaxQueuedFrames,
        MaxQueuedCharacters = options.MaxQueuedCharacters,
    };
}
