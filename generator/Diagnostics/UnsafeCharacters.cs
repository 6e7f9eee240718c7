using System.Globalization;
using System.Text;

namespace Pei.Site.Diagnostics;

/// <summary>
/// The invisible characters content may not hold, and the escaping that keeps any character from content from acting on
/// a terminal or a log: control characters (C0 except tab, line feed and carriage return; DEL; C1), the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the Unicode line and paragraph separators.
/// </summary>
public static class UnsafeCharacters
{
    /// <summary>Whether the loader refuses <paramref name="c"/> anywhere in a content file.</summary>
    public static bool IsRefused(char c) =>
        (c < '\u0020' && c is not ('\t' or '\n' or '\r')) ||
        c is >= '\u007F' and <= '\u009F' ||
        c is >= '\u202A' and <= '\u202E' ||
        c is >= '\u2066' and <= '\u2069' ||
        c is '\u2028' or '\u2029';

    /// <summary>The character's code point, as the guide and the diagnostics write it: "U+001B".</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>What kind of refused character <paramref name="c"/> is, in Spanish.</summary>
    public static string KindInSpanish(char c) => c switch
    {
        '\0' => "NUL, carácter de control",
        '\u0007' => "BEL, carácter de control",
        '\u0008' => "retroceso, carácter de control",
        '\u001B' => "ESC, carácter de control de la terminal",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "control de la dirección del texto",
        '\u2028' or '\u2029' => "separador de línea Unicode",
        _ => "carácter de control",
    };

    /// <summary>
    /// <paramref name="text"/> with every control, format and separator character written as <c>\u001B</c>, so a
    /// diagnostic stays one line and content can neither move the cursor, colour the terminal nor reorder what is shown.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }
        var printable = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                printable.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                printable.Append(c);
            }
        }
        return printable.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
