namespace LpRepl.Transport;

/// <summary>Why a connection ended, with the server's close code and reason when it sent one.</summary>
public sealed record Disconnection(DisconnectReason Reason, int? CloseCode, string? Description)
{
    public override string ToString() => Reason switch
    {
        DisconnectReason.ByUser => "connection closed",
        DisconnectReason.ByServer => $"connection closed by the server (code {CloseCode}{(string.IsNullOrEmpty(Description) ? "" : ": " + Description)})",
        _ => $"connection lost ({Description ?? "no reason given"})",
    };
}
