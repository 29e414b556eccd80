using System.Net;
using System.Security.Cryptography.X509Certificates;
using LpRepl.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LpRepl.Emulator.Hosting;

/// <summary>Builds a quiet Kestrel host: HTTPS on one loopback port, no config files, logs only to the given factory.</summary>
internal static class WebHostFactory
{
    public const int ListenBacklog = 4096;

    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(60);

    public static WebApplication Create(IPAddress address, int port, X509Certificate2 certificate, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(WebHostFactory).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // No appsettings.json or environment variables may change how the emulator listens.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        builder.WebHost.UseKestrelHttpsConfiguration();
        // A burst of clients connecting at once (a load check of a bot) must queue, not be refused: the
        // default backlog of 512 overflows at 1,000 at once (the kernel's somaxconn still caps it).
        builder.WebHost.UseSockets(sockets => sockets.Backlog = ListenBacklog);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,
                // Kestrel's 10 s cut off handshakes still queued behind a burst's; a client that never
                // speaks is still dropped.
                HandshakeTimeout = HandshakeTimeout,
            }));
        });

        var app = builder.Build();
        // Before UseWebSockets, which takes the upgrade feature when a request passes through it.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            {
                var activity = new ConnectionActivity();
                var gate = new FreezeGate();
                context.Features.Set(activity);
                context.Features.Set(gate);
                context.Features.Set<IHttpUpgradeFeature>(new ObservedUpgradeFeature(upgrade, activity, gate));
            }

            return next(context);
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return app;
    }
}
