namespace LpRepl.Services;

/// <summary>A REST call to a LivePerson service failed; the message is meant for the user.</summary>
public sealed class ServiceException(string message, Exception? inner = null) : Exception(message, inner);
