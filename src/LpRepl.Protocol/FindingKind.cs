namespace LpRepl.Protocol;

/// <summary>What the protocol model found wrong with a frame.</summary>
public enum FindingKind
{
    /// <summary>The frame's <c>type</c> names no consumer request.</summary>
    UnknownType,

    /// <summary>A required field is missing.</summary>
    MissingField,

    /// <summary>A field the model does not know here (often a misspelt one).</summary>
    UnknownField,

    /// <summary>A value of the wrong JSON type (an object where a string belongs).</summary>
    WrongType,

    /// <summary>A value outside the documented enumeration.</summary>
    NotInEnum,

    /// <summary>A value outside its documented range: a number below its minimum, a string too long, an empty list.</summary>
    OutOfRange,
}
