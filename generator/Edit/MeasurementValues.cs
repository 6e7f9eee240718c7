using System.Globalization;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Model;

namespace Pei.Site.Edit;

/// <summary>The values importar writes into one measurement: null leaves the key empty.</summary>
public sealed record MeasurementFigures(decimal? Planned, decimal? Executed, string? Observations)
{
    /// <summary>The structured explanation (causa, accion, responsable, fecha_compromiso) to write; null when the sheet
    /// has no such columns, and then those keys are left as they are.</summary>
    public ExplanationText? Explanation { get; init; }
}

/// <summary>The structured explanation of a lag as a sheet gives it: null leaves a key empty.</summary>
public sealed record ExplanationText(string? Cause, string? Action, string? Responsible, DateOnly? Due);

/// <summary>
/// Writes <c>programado</c>, <c>ejecutado</c> and <c>observaciones</c> into an indicator's measurement at a cut-off,
/// in place: each value replaces the text after its key's colon (a comment after it stays), a missing key is added
/// under its siblings, and a missing measurement is first added the way nuevo-corte adds it. Observations are written
/// as a literal block scalar (<c>|</c>), so several lines and any character read back as written.
/// </summary>
public static class MeasurementValues
{
    private const int DefaultIndent = 2;

    public static SourceText? Set(SourceText indicator, DateOnly date, MeasurementFigures figures, string display, DiagnosticBag diagnostics)
    {
        var text = indicator;
        if (Measurement(text, date) is null)
        {
            if (CutOffInsertion.AddToIndicator(text, date, display, diagnostics) is not { } added)
            {
                return null;
            }
            text = added;
        }
        foreach (var key in IndicatorFileReader.MeasurementKeys)
        {
            var explanation = figures.Explanation;
            if (explanation is null && LagExplanation.Keys.Contains(key))
            {
                continue;
            }
            var value = key switch
            {
                "programado" => Number(figures.Planned),
                "ejecutado" => Number(figures.Executed),
                "causa" => Observations(explanation!.Cause),
                "accion" => Observations(explanation!.Action),
                "responsable" => Line(explanation!.Responsible),
                "fecha_compromiso" => explanation!.Due is { } due ? new Plain(ContentWords.Of(due)) : null,
                _ => Observations(figures.Observations),
            };
            if (Measurement(text, date) is not { } entry)
            {
                return null;
            }
            switch (entry.Value)
            {
                case LayoutMapping { IsFlow: false, Entries.Count: > 0 } measurement when measurement.Entry(key) is { } existing:
                    text = Replace(text, existing, value);
                    break;
                case LayoutMapping { IsFlow: false, Entries.Count: > 0 } measurement when value is not null:
                    {
                        var column = text.ColumnOf(measurement.Entries[0].Key.Start);
                        text = text.InsertLinesAfter(measurement.End, [Spaces(column) + key + ":" + Rendered(value, column + DefaultIndent, "")]);
                        break;
                    }
                case LayoutMapping { IsFlow: false, Entries.Count: > 0 }:
                    break;
                case LayoutScalar { IsEmpty: true } when value is not null:
                    {
                        var column = text.ColumnOf(entry.Key.Start) + DefaultIndent;
                        text = text.InsertLinesAfter(entry.Key.End, [Spaces(column) + key + ":" + Rendered(value, column + DefaultIndent, "")]);
                        break;
                    }
                case LayoutScalar { IsEmpty: true }:
                    break;
                default:
                    {
                        var (line, column) = text.Position(entry.Value.Start);
                        diagnostics.Error(Codes.WrongType, new SourceSpan(display, line, column), ContentWords.Of(date),
                            "un mapa escrito en bloque ('programado:', 'ejecutado:', 'observaciones:' en líneas propias), para que importar pueda escribir las cifras",
                            "otra cosa");
                        return null;
                    }
            }
        }
        return text;
    }

    /// <summary>A value to write: a plain scalar, or the lines of a block scalar.</summary>
    private abstract record Value;

    private sealed record Plain(string Text) : Value;

    private sealed record Block(IReadOnlyList<string> Lines) : Value;

    private static Value? Number(decimal? value) =>
        value is { } v ? new Plain(v.ToString("0.############################", CultureInfo.InvariantCulture)) : null;

    private static Value? Observations(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var lines = text.ReplaceLineEndings("\n").Trim('\n').TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        return new Block(lines);
    }

    /// <summary>A one-line text as a double-quoted YAML scalar (any character reads back as written); several lines as a block.</summary>
    private static Value? Line(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        return trimmed.Contains('\n') || trimmed.Contains('\r')
            ? Observations(trimmed)
            : new Plain("\"" + trimmed.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
    }

    /// <summary>The text after a key's colon: " value", or " |" (with the comment that followed the old value) and the indented lines.</summary>
    private static string Rendered(Value? value, int indent, string comment) => value switch
    {
        null => comment,
        Plain plain => " " + plain.Text + comment,
        Block block => " |" + (block.Lines[0].StartsWith(' ') ? DefaultIndent.ToString(CultureInfo.InvariantCulture) : "") + comment +
            string.Concat(block.Lines.Select(l => "\n" + (l.Length == 0 ? "" : Spaces(indent) + l))),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>Replaces what follows the key's colon up to the end of its value; a comment after the value stays after the new one.</summary>
    private static SourceText Replace(SourceText text, LayoutEntry entry, Value? value)
    {
        var colon = text.Text.IndexOf(':', entry.Key.End);
        var start = colon + 1;
        var end = entry.Value is LayoutScalar { IsEmpty: true } ? start : entry.Value.End;
        var lineEnd = text.LineEnd(end);
        var rest = text.Text[end..lineEnd];
        var comment = "";
        if (rest.TrimStart().StartsWith('#'))
        {
            comment = rest.TrimEnd();
            end = lineEnd;
        }
        var indent = text.ColumnOf(entry.Key.Start) + DefaultIndent;
        return text.Replace(start, end, Rendered(value, indent, comment));
    }

    /// <summary>The entry of <paramref name="date"/> under vigencias → year → cortes, or null.</summary>
    private static LayoutEntry? Measurement(SourceText text, DateOnly date) =>
        YamlLayout.Read(text.Text) is LayoutMapping root
        && root.Entry("vigencias")?.Value is LayoutMapping years
        && years.Entry(date.Year.ToString(CultureInfo.InvariantCulture))?.Value is LayoutMapping year
        && year.Entry("cortes")?.Value is LayoutMapping cutOffs
            ? cutOffs.Entry(ContentWords.Of(date))
            : null;

    private static string Spaces(int count) => new(' ', count);
}
