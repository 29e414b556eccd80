using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator;

/// <summary>Settings for one <see cref="EmulatorServer"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// The IP address to listen on: loopback by default; 0.0.0.0 or :: listens on every interface,
    /// which makes the emulator reachable from other machines.
    /// </summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>
    /// "HOST" or "HOST:PORT" clients reach the emulator by (see <see cref="Hosting.AdvertisedAddress"/>),
    /// when not the listening address: what the domain API answers and the certificate names.
    /// Null: the listening address, or 127.0.0.1 when listening on every interface.
    /// </summary>
    public string? Advertise { get; init; }

    /// <summary>The TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How the simulated agent behaves.</summary>
    public AgentMode Agent { get; init; } = AgentMode.Auto;

    /// <summary>How long the simulated agent "types" before answering.</summary>
    public TimeSpan AgentDelay { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>How long the Auto agent waits before accepting a new conversation; zero accepts at once (deterministic).</summary>
    public TimeSpan AgentAcceptDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Whether the Auto agent sends COMPOSING before each answer and ACTIVE after it.</summary>
    public bool AgentTyping { get; init; }

    /// <summary>Whether closing MAIN of a conversation asked for with the MULTI_DIALOG feature opens a post-conversation survey.</summary>
    public bool PostConversationSurvey { get; init; } = true;

    /// <summary>
    /// A connection on which nothing arrives — no frame, no ping — for this long is closed, as the
    /// real service closes idle connections. <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The account id lprepl uses as LP_ACCOUNT when none is given.</summary>
    public string DefaultAccount { get; init; } = "12345678";

    /// <summary>
    /// The brand's public key (PEM "PUBLIC KEY") that /authenticate checks external JWTs against.
    /// When null the emulator makes its own brand key pair, so it can sign sample external JWTs.
    /// </summary>
    public string? BrandPublicKeyPem { get; init; }

    /// <summary>The id of the unauthenticated (ACR0) connector, LP_CONN_ID in the tutorial; its default (2^32) looks like a real numeric id yet is easy to recognise as the emulator's.</summary>
    public string ConnectorId { get; init; } = "4294967296";

    /// <summary>The keys to sign with, kept from an earlier run (lprepl keeps them in its state folder); null makes new ones.</summary>
    public Persistence.EmulatorKeys? Keys { get; init; }

    /// <summary>Consumers kept from an earlier run, known again from the start (their conversations are not kept).</summary>
    public IReadOnlyList<Persistence.KnownConsumer> KnownConsumers { get; init; } = [];

    /// <summary>Where the emulator logs; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock for tokens, timestamps and the agent's delay.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether the Auto agent sends an AcceptStatusEvent ACCEPT, then READ, for each content event the consumer publishes in MAIN (after its answer, so the answer is still its first change).</summary>
    public bool AgentReceipts { get; init; } = true;

    /// <summary>How long a signed file URL (ms.GenerateURLForUploadFile / ForDownloadFile) stays valid; LivePerson documents one minute.</summary>
    public TimeSpan FileUrlLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per second a consumer connection may send on average before it is answered 429; 0 turns the limit off.</summary>
    public double RequestsPerSecond { get; init; } = 50;

    /// <summary>How many requests a consumer connection may send at once (the burst) before the per-second rate applies.</summary>
    public int RequestBurst { get; init; } = 100;

    /// <summary>Frames a connection may have queued and not yet sent; past this (a client that stops reading) it is closed with 1008.</summary>
    public int MaxQueuedFrames { get; init; } = 10_000;

    /// <summary>Characters of frame text a connection may have queued and not yet sent; past this it is closed with 1008.</summary>
    public long MaxQueuedCharacters { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many consumers with no open socket and no open conversation keep their closed conversations
    /// (across accounts); past it, the one that left first is forgotten (its token stays good).
    /// </summary>
    public int MaxIdleConsumers { get; init; } = 1000;

    /// <summary>
    /// How long the emulator waits, once its last consumer socket has closed, before it gives the memory
    /// a burst of connections left behind back to the system; <see cref="Timeout.InfiniteTimeSpan"/> never does.
    /// </summary>
    public TimeSpan IdleTrimDelay { get; init; } = TimeSpan.FromSeconds(5);
}
