namespace LpRepl.Protocol.Model;

/// <summary>
/// The branches of an <c>anyOf</c> a value can still be: narrowed by JSON type and by the fields
/// that tell the branches apart; <see cref="Stop"/> says why none can be, when that is certain.
/// </summary>
internal sealed record BranchChoice(IReadOnlyList<SchemaNode> Candidates, ProtocolFinding? Stop);
