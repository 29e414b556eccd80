namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>One text frame a <see cref="HostileServer"/> received: on which connection (1, 2, …) and upgrade path.</summary>
public sealed record ReceivedFrame(int Connection, string Path, string Text);
