namespace Pei.Site.Tests;

/// <summary>A strict RFC 4180 reader for asserting on the generated CSV (CRLF records, quoted fields).</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("unterminated quoted field");
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
                i += 2;
            }
            else if (text[i] is '\n' or '\r')
            {
                throw new FormatException($"bare line break at {i}: records must end with CRLF");
            }
            else
            {
                field.Append(text[i++]);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            throw new FormatException("last record does not end with CRLF");
        }
        return records;
    }
}
