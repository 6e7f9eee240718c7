using System.Globalization;
using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Edit;

/// <summary>
/// The text edits of <c>descartar</c>, the reverse of <see cref="CutOffInsertion"/>: the cut-off's item goes from
/// plan.yaml's <c>cortes</c> list, and its measurement from an indicator's <c>vigencias: &lt;año&gt;: cortes:</c>, each as
/// whole lines (with a comment on them); every other character of the file stays as it was. A list or map written in
/// flow style (<c>[…]</c>, <c>{…}</c>) where lines must go is refused with a diagnostic.
/// </summary>
public static class CutOffRemoval
{
    public static SourceText? RemoveFromPlan(SourceText plan, DateOnly date, string display, DiagnosticBag diagnostics)
    {
        var fecha = ContentWords.Of(date);
        var cortes = (YamlLayout.Read(plan.Text) as LayoutMapping)?.Entry("cortes")?.Value;
        if (cortes is not LayoutSequence { IsFlow: false } cutOffs)
        {
            Refuse(plan, cortes?.Start ?? 0, display, diagnostics, "cortes", "una lista escrita en bloque, un corte por elemento ('- fecha: AAAA-MM-DD'), para que descartar pueda quitar el corte");
            return null;
        }
        var item = cutOffs.Items.OfType<LayoutMapping>().FirstOrDefault(i => (i.Entry("fecha")?.Value as LayoutScalar)?.Value == fecha);
        return item is null ? plan : plan.RemoveLines(item.Start, item.End);
    }

    public static SourceText? RemoveFromIndicator(SourceText indicator, DateOnly date, string display, DiagnosticBag diagnostics)
    {
        var year = (YamlLayout.Read(indicator.Text) as LayoutMapping)?.Entry("vigencias")?.Value is LayoutMapping years
            ? years.Entry(date.Year.ToString(CultureInfo.InvariantCulture))?.Value as LayoutMapping
            : null;
        var cortes = year?.Entry("cortes")?.Value;
        if (cortes is not LayoutMapping { IsFlow: false } measurements)
        {
            Refuse(indicator, cortes?.Start ?? 0, display, diagnostics, "cortes", "un mapa escrito en bloque, una fecha por línea ('AAAA-MM-DD:'), para que descartar pueda quitar la medición");
            return null;
        }
        var entry = measurements.Entries.FirstOrDefault(e => e.Key.Value == ContentWords.Of(date));
        return entry is null ? indicator : indicator.RemoveLines(entry.Key.Start, Math.Max(entry.Key.End, entry.Value.End));
    }

    private static void Refuse(SourceText text, int offset, string display, DiagnosticBag diagnostics, string name, string expected)
    {
        var (line, column) = text.Position(offset);
        diagnostics.Error(Codes.WrongType, new SourceSpan(display, line, column), name, expected, "otra cosa");
    }
}
