using System.Globalization;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Model;

namespace Pei.Site.Edit;

/// <summary>
/// The text edits of a new cut-off: a draft item at the end of plan.yaml's <c>cortes</c> list, and an empty measurement
/// at the end of an indicator's <c>vigencias: &lt;año&gt;: cortes:</c>. Each edit inserts whole lines, indented like
/// their siblings, and leaves every other character of the file as it was. Files written in flow style
/// (<c>[…]</c>, <c>{…}</c>) where a line must go are refused with a diagnostic.
/// </summary>
public static class CutOffInsertion
{
    private const int DefaultIndent = 2;

    /// <param name="title">The cut-off's titulo, written as a double-quoted YAML string; none when null or blank.</param>
    public static SourceText? AddToPlan(SourceText plan, DateOnly date, string display, DiagnosticBag diagnostics, string? title = null)
    {
        var root = YamlLayout.Read(plan.Text);
        if (!IsBlockMapping(root, plan, "el plan", "un mapa de claves", display, diagnostics, out var mapping))
        {
            return null;
        }
        if (mapping.Entry("cortes")?.Value is not LayoutSequence { IsFlow: false, Items.Count: > 0 } cutOffs)
        {
            var cortes = mapping.Entry("cortes")?.Value;
            Refuse(plan, cortes?.Start ?? mapping.Start, display, diagnostics, "cortes",
                "una lista escrita en bloque, un corte por elemento ('- fecha: AAAA-MM-DD'), para que nuevo-corte pueda agregar el corte al final",
                Found(cortes));
            return null;
        }
        var dash = plan.ColumnOf(cutOffs.Start);
        var key = cutOffs.Items[^1] is LayoutMapping { IsFlow: false, Entries.Count: > 0 } last
            ? plan.ColumnOf(last.Entries[0].Key.Start)
            : dash + DefaultIndent;
        return plan.InsertLinesAfter(cutOffs.End,
        [
            Spaces(dash) + "-" + Spaces(key - dash - 1) + "fecha: " + ContentWords.Of(date),
            .. string.IsNullOrWhiteSpace(title) ? Array.Empty<string>() : [Spaces(key) + "titulo: " + YamlText.DoubleQuoted(title.Trim())],
            Spaces(key) + "borrador: true",
        ]);
    }

    public static SourceText? AddToIndicator(SourceText indicator, DateOnly date, string display, DiagnosticBag diagnostics)
    {
        var root = YamlLayout.Read(indicator.Text);
        if (!IsBlockMapping(root, indicator, "el indicador", "un mapa de claves", display, diagnostics, out var mapping))
        {
            return null;
        }
        var fiscalYearsEntry = mapping.Entry("vigencias");
        if (!IsBlockMapping(fiscalYearsEntry?.Value, indicator, "vigencias", "un mapa de años escrito en bloque", display, diagnostics, out var fiscalYears))
        {
            return null;
        }
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        var yearEntry = fiscalYears.Entry(year);
        if (!IsBlockMapping(yearEntry?.Value, indicator, year, "un mapa escrito en bloque ('meta:', 'ponderacion:', 'cortes:')", display, diagnostics, out var fiscalYear))
        {
            return null;
        }
        var step = indicator.ColumnOf(yearEntry!.Key.Start) - indicator.ColumnOf(fiscalYearsEntry!.Key.Start);
        step = step > 0 ? step : DefaultIndent;
        switch (fiscalYear.Entry("cortes"))
        {
            case null:
                {
                    var keys = indicator.ColumnOf(fiscalYear.Entries[0].Key.Start);
                    return indicator.InsertLinesAfter(fiscalYear.End, [Spaces(keys) + "cortes:", .. Measurement(date, keys + step, step)]);
                }
            case { Value: LayoutScalar { IsEmpty: true } } empty:
                return indicator.InsertLinesAfter(empty.Value.End, Measurement(date, indicator.ColumnOf(empty.Key.Start) + step, step));
            case { Value: LayoutMapping { IsFlow: false, Entries.Count: > 0 } cutOffs }:
                {
                    var dates = indicator.ColumnOf(cutOffs.Entries[0].Key.Start);
                    var values = cutOffs.Entries[^1].Value is LayoutMapping { IsFlow: false, Entries.Count: > 0 } previous
                        ? indicator.ColumnOf(previous.Entries[0].Key.Start) - dates
                        : step;
                    return indicator.InsertLinesAfter(cutOffs.End, Measurement(date, dates, values));
                }
            case { } other:
                Refuse(indicator, other.Value.Start, display, diagnostics, "cortes",
                    "un mapa escrito en bloque, una fecha por línea ('AAAA-MM-DD:'), para que nuevo-corte pueda agregar la medición al final",
                    Found(other.Value));
                return null;
        }
    }

    /// <summary>The measurement block: the date and every measurement key, left empty for the planner to fill in.</summary>
    private static string[] Measurement(DateOnly date, int indent, int step) =>
        [Spaces(indent) + ContentWords.Of(date) + ":", .. IndicatorFileReader.FigureKeys.Select(k => Spaces(indent + step) + k + ":")];

    private static bool IsBlockMapping(LayoutNode? node, SourceText text, string name, string expected, string display, DiagnosticBag diagnostics, out LayoutMapping mapping)
    {
        if (node is LayoutMapping { IsFlow: false, Entries.Count: > 0 } block)
        {
            mapping = block;
            return true;
        }
        mapping = null!;
        Refuse(text, node?.Start ?? 0, display, diagnostics, name, expected, Found(node));
        return false;
    }

    private static void Refuse(SourceText text, int offset, string display, DiagnosticBag diagnostics, string name, string expected, string found)
    {
        var (line, column) = text.Position(offset);
        diagnostics.Error(Codes.WrongType, new SourceSpan(display, line, column), name, expected, found);
    }

    private static string Found(LayoutNode? node) => node switch
    {
        null => "nada",
        LayoutMapping { IsFlow: true } => "un mapa entre llaves ({…})",
        LayoutSequence { IsFlow: true } => "una lista entre corchetes ([…])",
        LayoutMapping => "un mapa vacío",
        LayoutSequence => "una lista",
        LayoutScalar { IsEmpty: true } => "un valor vacío",
        LayoutScalar scalar => $"el valor '{scalar.Value}'",
        _ => "otra cosa",
    };

    private static string Spaces(int count) => new(' ', count);
}
