namespace LpRepl.Tests.Support;

/// <summary>One recorded write: kind is "&lt;", "&gt;", "data", "info" or "error".</summary>
public sealed record OutputEntry(string Kind, string Text, string? Note);
