using System.Globalization;
using System.Text;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;
using Pei.Site.Text;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/seguimiento.csv: one row per indicator and published cut-off. UTF-8 without BOM, RFC 4180 (comma separator,
/// CRLF line ends, fields quoted when they hold a comma, quote or line break), numbers by <see cref="OpenNumbers"/>, empty = no value.
/// Besides the whole history, each published cut-off has its own file at a stable address (datos/cortes/AAAA-MM-DD.csv).
/// A corrected figure keeps its value in force in its column, and its value as first published in the column of the same
/// name ending in "_publicado" (after the columns other tools already read), with the latest correction's date in
/// "corregido_el"; the whole history of each correction is in plan.json ("correcciones").
/// </summary>
public static class SeguimientoCsv
{
    public const string Path = "datos/seguimiento.csv";

    /// <summary>How a text that a spreadsheet program would run as a formula is written (<see cref="Text.CsvText"/>), in Spanish, as the data dictionary and the descriptors state it.</summary>
    public const string TextRule =
        "En los CSV, un texto que empieza por =, +, -, @, un tabulador o un retorno de carro y no es un número se escribe precedido de un apóstrofo (') " +
        "para que las hojas de cálculo no lo ejecuten como fórmula (por ejemplo, '=HIPERVINCULO(…)); el texto original es el que sigue a ese apóstrofo. " +
        "Un texto que ya empezaba por apóstrofos seguidos de uno de esos caracteres lleva uno más. El libro de Excel y los JSON guardan los textos tal como son.";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file of one published cut-off: datos/cortes/2025-06-30.csv.</summary>
    public static string CutOffPath(DateOnly cutOff) => $"datos/cortes/{ContentWords.Of(cutOff)}.csv";

    private const string PublishedSuffix = "_publicado";

    /// <summary>The figures a correction can change (declared before <see cref="Columns"/>, which lists them): their
    /// column and the figure's name in the record (<see cref="Figure"/> says what it is called and its unit).</summary>
    private static readonly (string Column, string Figure)[] CorrectedFigures =
    [
        ("objetivo_cumplimiento", FigureNames.Compliance),
        ("ponderacion", FigureNames.Weight),
        ("meta_vigencia", FigureNames.YearTarget),
        ("programado", FigureNames.Planned),
        ("ejecutado", FigureNames.Executed),
        ("avance_corte", FigureNames.CutOffProgress),
        ("avance_vigencia", FigureNames.YearProgress),
    ];

    public static IReadOnlyList<DataColumn> Columns { get; } =
    [
        new("corte", "fecha AAAA-MM-DD", "Fecha de corte del seguimiento."),
        new("vigencia", "entero", "Año de la vigencia a la que pertenece el corte."),
        new("objetivo_numero", "entero", "Número del objetivo estratégico."),
        new("objetivo_titulo", "texto", "Nombre corto del objetivo estratégico."),
        new("objetivo_cumplimiento", "número", "Cumplimiento del objetivo al corte, en % (vacío si ningún indicador estaba programado).") { Unit = "%" },
        new("indicador_id", "texto", "Identificador del indicador (único en el plan)."),
        new("indicador_codigo", "texto", "Código del indicador en el plan de acción (vacío si no tiene)."),
        new("indicador_nombre", "texto", "Nombre del indicador."),
        new("tipo", "texto", "sectorial, proyecto o gestion."),
        new("unidad", "texto", "porcentaje o numero: unidad de las magnitudes programadas y ejecutadas."),
        new("anualizacion", "texto", "suma, constante, creciente o decreciente."),
        new("linea_base", "número", "Línea base (solo creciente y decreciente).") { Unit = "la de la columna unidad" },
        new("meta_codigo", "texto", "Código de la meta a la que aporta el indicador."),
        new("meta_descripcion", "texto", "Enunciado de la meta."),
        new("ponderacion", "número", "Peso del indicador en su objetivo para la vigencia, en %.") { Unit = "%" },
        new("meta_vigencia", "número", "Programación del año (meta de la vigencia).") { Unit = "la de la columna unidad" },
        new("programado", "número", "Programación al corte.") { Unit = "la de la columna unidad" },
        new("ejecutado", "número", "Magnitud ejecutada al corte.") { Unit = "la de la columna unidad" },
        new("avance_corte", "número", "% de avance al corte (vacío si no estaba programado).") { Unit = "%" },
        new("avance_vigencia", "número", "Avance de la vigencia, en % (vacío si la meta de la vigencia es cero).") { Unit = "%" },
        new("estado", "texto", "En cumplimiento, Con rezago o No programado al corte."),
        new("observaciones", "texto", "Observaciones del corte (Markdown)."),
        .. CorrectedFigures.Select(f => new DataColumn(f.Column + PublishedSuffix, "número",
            $"{Figure.Of(f.Figure).Label} tal como se publicó por primera vez, solo cuando después se corrigió (fe de erratas); vacío si no se corrigió. La cifra vigente, ya corregida, está en {f.Column}.")
        {
            Unit = Figure.Of(f.Figure).IsPercent ? "%" : "la de la columna unidad",
        }),
        new("corregido_el", "fecha AAAA-MM-DD", "Fecha de la corrección más reciente de alguna cifra de la fila (fe de erratas del corte); vacío si ninguna se corrigió."),
        new("indicador_responsable", "texto", "Área responsable del indicador (vacío si el plan no la nombra); sus compromisos están en compromisos.csv."),
    ];

    /// <summary>The whole history: every published cut-off, streamed into <paramref name="output"/>.</summary>
    public static void Write(PlanReport report, Stream output) => Write(report.CutOffs, output);

    /// <summary>One cut-off's rows, streamed into <paramref name="output"/>.</summary>
    public static void Write(CutOffReport cutOff, Stream output) => Write([cutOff], output);

    /// <summary>Every row of the cut-offs, as the values written in each column (numbers by <see cref="OpenNumbers"/>).</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<CutOffReport> cutOffs)
    {
        foreach (var cutOff in cutOffs)
        {
            foreach (var objective in cutOff.Objectives)
            {
                foreach (var progress in objective.Indicators)
                {
                    var indicator = progress.Indicator;
                    // The row is an array of its width filled in place: a collection expression with a spread was built as a
                    // list grown four times and copied (70 MB of arrays at 10,000 indicators).
                    ReadOnlySpan<object?> described =
                    [
                        cutOff.CutOff.Date,
                        progress.FiscalYear.Year,
                        objective.Objective.Number,
                        objective.Objective.Title,
                        Computed(objective.Compliance),
                        indicator.Id,
                        indicator.Code ?? "",
                        indicator.Name,
                        ContentWords.Of(indicator.Type),
                        ContentWords.Of(indicator.Unit),
                        ContentWords.Of(indicator.Accumulation),
                        Input(indicator.Baseline),
                        indicator.Target.Code ?? "",
                        indicator.Target.Description,
                        Input(progress.FiscalYear.Weight),
                        Input(progress.FiscalYear.Target),
                        Input(progress.Measurement.Planned),
                        Input(progress.Measurement.Executed),
                        Computed(progress.CutOffProgress),
                        Computed(progress.YearProgress),
                        Vocabulary.Status(progress.Status),
                        progress.Measurement.Observations ?? "",
                    ];
                    var row = new object?[Columns.Count];
                    described.CopyTo(row);
                    AsFirstPublished(row.AsSpan(described.Length, CorrectedFigures.Length + 1), cutOff.Publication, objective.Objective.Number, indicator.Id);
                    row[^1] = indicator.Responsible?.Trim() ?? "";
                    yield return row;
                }
            }
        }
    }

    /// <summary>
    /// The columns "…_publicado" and "corregido_el" of an indicator's row, written into <paramref name="values"/> (empty
    /// when nothing was corrected): each corrected figure as first published (the objective's cumplimiento and the
    /// indicator's own), and the date of the latest correction of any of them.
    /// </summary>
    private static void AsFirstPublished(Span<object?> values, Publication? publication, int objective, string indicator)
    {
        if (publication is null || publication.LastCorrection.Count == 0)
        {
            return;
        }
        DateOnly? corrected = null;
        for (var i = 0; i < CorrectedFigures.Length; i++)
        {
            var name = CorrectedFigures[i].Figure;
            var key = new FigureKey(objective, name == FigureNames.Compliance ? null : indicator, name);
            if (publication.LastCorrection.TryGetValue(key, out var erratum))
            {
                values[i] = publication.FirstPublished.GetValueOrDefault(key)?.Value is { } first ? OpenNumbers.Recorded(name, first) : null;
                corrected = corrected is { } d && d > erratum.Correction.Date ? d : erratum.Correction.Date;
            }
        }
        values[^1] = corrected;
    }

    /// <summary>Row by row through a small buffer: the file is never held in memory.</summary>
    private static void Write(IEnumerable<CutOffReport> cutOffs, Stream output) => Write(Columns, Rows(cutOffs), output);

    /// <summary>A table of the open data (this one, or compromisos.csv): the header, then each row as it comes.</summary>
    internal static void Write(IReadOnlyList<DataColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, Stream output)
    {
        using var file = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvText(file);
        WriteRow(csv, [.. columns.Select(c => c.Name)]);
        foreach (var row in rows)
        {
            WriteRow(csv, row);
        }
    }

    private static decimal? Input(decimal? value) => value is { } v ? OpenNumbers.Input(v) : null;

    private static decimal? Computed(decimal? value) => value is { } v ? OpenNumbers.Computed(v) : null;

    /// <summary>A row, each value written straight into the file: numbers and dates need no quotes, a text only when it
    /// has a comma, a quote or a line break; line breaks inside a text are written CRLF, as RFC 4180 writes them.</summary>
    private static void WriteRow(CsvText csv, IReadOnlyList<object?> values)
    {
        Span<char> number = stackalloc char[64];
        foreach (var value in values)
        {
            var written = 0;
            var formatted = value switch
            {
                null => true,
                decimal v => OpenNumbers.TryFormat(v, number, out written),
                int v => v.TryFormat(number, out written, default, CultureInfo.InvariantCulture),
                DateOnly date => date.TryFormat(number, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => false,
            };
            if (formatted)
            {
                csv.Plain(number[..written]);
            }
            else
            {
                var text = value!.ToString() ?? "";
                csv.Field(text.AsSpan().ContainsAny(LineBreaks) ? text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n") : text);
            }
        }
        csv.EndRow();
    }

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n");
}
