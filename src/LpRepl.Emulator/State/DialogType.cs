namespace LpRepl.Emulator.State;

/// <summary>The dialogType values of a multi-dialog conversation (protocol.md §8.2).</summary>
internal static class DialogType
{
    public const string Main = "MAIN";
    public const string PostSurvey = "POST_SURVEY";
}
