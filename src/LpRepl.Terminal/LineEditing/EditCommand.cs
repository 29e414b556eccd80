namespace LpRepl.Terminal.LineEditing;

/// <summary>One editing action bound to a key; each lives in its own file under <c>Commands/</c>.</summary>
public abstract class EditCommand
{
    public abstract void Execute(EditorContext context);

    /// <summary>Kill commands keep the kill ring chaining; every other command ends the chain.</summary>
    public virtual bool IsKill => false;
}
