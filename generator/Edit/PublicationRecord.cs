using System.Text;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Edit;

/// <summary>
/// The text of a publication record (publicaciones/AAAA-MM-DD.yaml): written whole by <c>publicar</c>, and extended by
/// <c>corregir</c> with one more item at the end of <c>correcciones</c>, every earlier character kept (comments included).
/// Figures are grouped by objective and indicator in the order given; inputs are written exactly, computed figures with
/// two decimals, and <c>~</c> where there is no figure. Every figure is checked first with the loader's own bounds
/// (<see cref="Scalars.Figure"/>), at the line it comes from: a record is never written with a figure validate would refuse.
/// </summary>
public static class PublicationRecord
{
    public const string SchemaComment = "# yaml-language-server: $schema=../schemas/publicacion.schema.json";
    public const string HandsOffComment = "# Registro del corte publicado: lo escriben `publicar` y `corregir`; no lo edite a mano.";
    private const int Step = 2;

    /// <returns>Null, with a diagnostic per figure out of bounds, when a figure could not be read back.</returns>
    public static SourceText? New(DateOnly cutOff, DateOnly published, IReadOnlyList<RecordedFigure> figures, DiagnosticBag diagnostics)
    {
        if (!Readable(figures, diagnostics))
        {
            return null;
        }
        var lines = new List<string>
        {
            SchemaComment,
            HandsOffComment,
            "corte: " + ContentWords.Of(cutOff),
            "publicado: " + ContentWords.Of(published),
            "cifras:",
        };
        lines.AddRange(Figures(figures, Step));
        return SourceText.Decode(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
    }

    /// <summary>The record with one more correction at the end of <c>correcciones</c> (the key is added when missing).</summary>
    public static SourceText? AddCorrection(SourceText record, DateOnly date, string reason, IReadOnlyList<RecordedFigure> figures, string display, DiagnosticBag diagnostics)
    {
        if (!Readable(figures, diagnostics))
        {
            return null;
        }
        if (YamlLayout.Read(record.Text) is not LayoutMapping { IsFlow: false } root)
        {
            diagnostics.Error(Codes.WrongType, new SourceSpan(display, 1, 1), "el registro de publicación", "un mapa de claves escrito en bloque", "otra cosa");
            return null;
        }
        switch (root.Entry("correcciones"))
        {
            case null:
                return record.InsertLinesAfter(root.End, ["correcciones:", .. Correction(date, reason, figures, Step)]);
            case { Value: LayoutScalar { IsEmpty: true } } empty:
                return record.InsertLinesAfter(empty.Key.End, Correction(date, reason, figures, record.ColumnOf(empty.Key.Start) + Step));
            case { Value: LayoutSequence { IsFlow: true, Items.Count: 0 } none } entry:
                // "correcciones: []" (no correction yet) becomes a block list with this one.
                var colon = record.Text.IndexOf(':', entry.Key.End);
                return record.Replace(colon + 1, none.End, "")
                    .InsertLinesAfter(colon, Correction(date, reason, figures, record.ColumnOf(entry.Key.Start) + Step));
            case { Value: LayoutSequence { IsFlow: false, Items.Count: > 0 } list }:
                return record.InsertLinesAfter(list.End, Correction(date, reason, figures, record.ColumnOf(list.Start)));
            case { } other:
                var (line, column) = record.Position(other.Value.Start);
                diagnostics.Error(Codes.WrongType, new SourceSpan(display, line, column), "correcciones",
                    "una lista escrita en bloque ('- fecha: AAAA-MM-DD'), para que corregir pueda agregar la corrección al final", "otra cosa");
                return null;
        }
    }

    private static IEnumerable<string> Correction(DateOnly date, string reason, IReadOnlyList<RecordedFigure> figures, int dash)
    {
        var keys = dash + Step;
        yield return Spaces(dash) + "- fecha: " + ContentWords.Of(date);
        yield return Spaces(keys) + "motivo: " + YamlText.DoubleQuoted(reason);
        yield return Spaces(keys) + "cifras:";
        foreach (var line in Figures(figures, keys + Step))
        {
            yield return line;
        }
    }

    /// <summary>The lines under a <c>cifras:</c> key, starting at <paramref name="indent"/>.</summary>
    private static IEnumerable<string> Figures(IReadOnlyList<RecordedFigure> figures, int indent)
    {
        yield return Spaces(indent) + "objetivos:";
        foreach (var objective in figures.GroupBy(f => f.Key.Objective))
        {
            var at = indent + Step;
            yield return Spaces(at) + objective.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
            if (objective.FirstOrDefault(f => f.Key.Indicator is null && f.Key.Name == FigureNames.Compliance) is { } compliance)
            {
                yield return Spaces(at + Step) + Line(compliance);
            }
            var indicators = objective.Where(f => f.Key.Indicator is not null).GroupBy(f => f.Key.Indicator!).ToList();
            if (indicators.Count == 0)
            {
                continue;
            }
            yield return Spaces(at + Step) + "indicadores:";
            foreach (var indicator in indicators)
            {
                yield return Spaces(at + 2 * Step) + YamlText.DoubleQuoted(indicator.Key) + ":";
                foreach (var name in FigureNames.Indicator)
                {
                    if (indicator.FirstOrDefault(f => f.Key.Name == name) is { } figure)
                    {
                        yield return Spaces(at + 3 * Step) + Line(figure);
                    }
                }
            }
        }
    }

    /// <summary>Whether the loader reads back every figure as the record would write it; a diagnostic at the figure's source for each one it would not.</summary>
    private static bool Readable(IReadOnlyList<RecordedFigure> figures, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        foreach (var figure in figures)
        {
            if (figure.Value is { } value)
            {
                Scalars.Figure(PublishedFigures.Format(figure.Key.Name, value), figure.Where, figure.Key.Name, diagnostics);
            }
        }
        return diagnostics.ErrorCount == errors;
    }

    private static string Line(RecordedFigure figure) =>
        figure.Key.Name + ": " + (figure.Value is { } value ? PublishedFigures.Format(figure.Key.Name, value) : "~");

    private static string Spaces(int count) => new(' ', count);
}
