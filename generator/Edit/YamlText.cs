using System.Globalization;
using System.Text;

namespace Pei.Site.Edit;

/// <summary>How the commands that edit content write a value into YAML text.</summary>
public static class YamlText
{
    /// <summary>A YAML double-quoted scalar on one line: any text reads back exactly as written (quotes, backslashes, '#', ': ', control characters).</summary>
    public static string DoubleQuoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
