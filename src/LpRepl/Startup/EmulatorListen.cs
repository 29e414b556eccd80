namespace LpRepl.App.Startup;

/// <summary>Where <c>lprepl emulator</c> listens and what it tells clients, checked by the command line.</summary>
/// <param name="Host">The IP address to listen on.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="Advertise">HOST[:PORT] clients reach it by, or null for the listening address.</param>
public sealed record EmulatorListen(string Host, int Port, string? Advertise);
