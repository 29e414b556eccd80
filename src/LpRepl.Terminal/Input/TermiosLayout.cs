using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LpRepl.Terminal.Input;

/// <summary>
/// Where the flags of <c>struct termios</c> sit and what they are called on each Unix, so raw
/// mode can be set without a C shim: Linux (32-bit tcflag_t) and macOS (64-bit tcflag_t).
/// </summary>
internal sealed record TermiosLayout(int FlagSize, int InputFlags, int LocalFlags, int ControlChars, int VMin, int VTime,
    ulong Icanon, ulong Echo, ulong Isig, ulong Iexten, ulong Ixon)
{
    public static TermiosLayout? ForCurrentPlatform()
    {
        if (OperatingSystem.IsLinux())
        {
            return new(4, 0, 12, 17, 6, 5, Icanon: 0x2, Echo: 0x8, Isig: 0x1, Iexten: 0x8000, Ixon: 0x400);
        }
        if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            var size = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64 && OperatingSystem.IsMacOS() ? 8 : 4;
            return new(size, 0, 3 * size, 4 * size, 16, 17, Icanon: 0x100, Echo: 0x8, Isig: 0x80, Iexten: 0x400, Ixon: 0x200);
        }
        return null;
    }

    /// <summary>Key by key: no canonical mode, echo, signal keys, extended input or flow control; reads return after one byte.</summary>
    public void MakeRaw(byte[] termios)
    {
        Clear(termios, LocalFlags, Icanon | Echo | Isig | Iexten);
        Clear(termios, InputFlags, Ixon);
        termios[ControlChars + VMin] = 1;
        termios[ControlChars + VTime] = 0;
    }

    private void Clear(byte[] termios, int offset, ulong flags)
    {
        var span = termios.AsSpan(offset, FlagSize);
        if (FlagSize == 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span, BinaryPrimitives.ReadUInt64LittleEndian(span) & ~flags);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, BinaryPrimitives.ReadUInt32LittleEndian(span) & ~(uint)flags);
        }
    }
}
