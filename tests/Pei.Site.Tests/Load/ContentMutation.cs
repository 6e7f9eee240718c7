using System.Text;
using System.Text.RegularExpressions;

namespace Pei.Site.Tests.Load;

/// <summary>The ways a planner's editor can damage a content file.</summary>
internal enum EditKind
{
    DeleteLine,
    DuplicateLine,
    SwapLines,
    ReplaceCharacter,
    NumberToText,
    Truncate,
}

/// <summary>
/// One random edit. The numbers are raw draws, taken modulo the size of the file when applied, so every draw fits every file
/// and CsCheck can shrink them freely.
/// </summary>
internal sealed partial record ContentEdit(EditKind Kind, int A, int B, int Choice)
{
    /// <summary>What a replaced character becomes: the characters YAML gives meaning to, a tab, and bytes that are not UTF-8.</summary>
    private static readonly byte[][] Replacements =
    [
        [(byte)'\t'], [(byte)'"'], [(byte)'\''], [(byte)':'], [(byte)'&'], [(byte)'*'], [(byte)'-'], [(byte)'['], [(byte)'{'],
        [(byte)'#'], [(byte)'|'], [(byte)'>'], [(byte)'!'], [(byte)'%'], [(byte)'@'], [(byte)' '], [(byte)'\n'], [(byte)'x'],
        [(byte)'0'], [(byte)','], [0xFF], [0xE9], [0xC3], [0x00], "ñ"u8.ToArray(), "---\n"u8.ToArray(),
    ];

    /// <summary>What a number becomes: text, a list, a map, and the near-numbers planners write.</summary>
    private static readonly string[] NumberReplacements =
        ["cuarenta", "[1, 2]", "{a: 1}", "- 3", "45%", "31,92", "\"12\"", "1e40", "-5", "", "1.000", "~", "&a 1", "*a", "2025-13-45"];

    [GeneratedRegex(@"(?<=:\s+)-?\d+(\.\d+)?(?=\s*(#.*)?$)", RegexOptions.Multiline)]
    private static partial Regex NumberValue();

    public byte[] ApplyTo(byte[] bytes) => Kind switch
    {
        EditKind.DeleteLine => EditLines(bytes, lines => lines.RemoveAt(A % lines.Count)),
        EditKind.DuplicateLine => EditLines(bytes, lines => lines.Insert(A % lines.Count, lines[A % lines.Count])),
        EditKind.SwapLines => EditLines(bytes, lines => (lines[A % lines.Count], lines[B % lines.Count]) = (lines[B % lines.Count], lines[A % lines.Count])),
        EditKind.ReplaceCharacter => bytes.Length == 0 ? bytes : [.. bytes[..(A % bytes.Length)], .. Replacements[Choice % Replacements.Length], .. bytes[(A % bytes.Length + 1)..]],
        EditKind.NumberToText => NumberToText(bytes),
        EditKind.Truncate => bytes[..(A % (bytes.Length + 1))],
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    private static byte[] EditLines(byte[] bytes, Action<List<byte[]>> edit)
    {
        var lines = Split(bytes);
        if (lines.Count > 0)
        {
            edit(lines);
        }
        return [.. lines.SelectMany(line => line.Append((byte)'\n'))];
    }

    /// <summary>Lines as raw bytes, so an edit never repairs bytes that are not UTF-8.</summary>
    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }
        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }
        return lines;
    }

    private byte[] NumberToText(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var numbers = NumberValue().Matches(text);
        if (numbers.Count == 0)
        {
            return bytes;
        }
        var number = numbers[A % numbers.Count];
        return Encoding.UTF8.GetBytes(text[..number.Index] + NumberReplacements[Choice % NumberReplacements.Length] + text[(number.Index + number.Length)..]);
    }
}

/// <summary>One to three edits to one content file, named by its path relative to the content folder.</summary>
internal sealed record ContentMutation(string File, IReadOnlyList<ContentEdit> Edits)
{
    public byte[] ApplyTo(byte[] bytes) => Edits.Aggregate(bytes, (current, edit) => edit.ApplyTo(current));

    public override string ToString() => $"{File}: {string.Join("; ", Edits)}";
}
