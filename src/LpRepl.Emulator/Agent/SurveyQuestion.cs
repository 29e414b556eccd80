namespace LpRepl.Emulator.Agent;

/// <summary>One question of the post-conversation survey and the quick replies offered for it.</summary>
internal sealed record SurveyQuestion(string Text, IReadOnlyList<string> Replies);
