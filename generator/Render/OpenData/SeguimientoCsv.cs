using Pei.Site.Model;
using System.Globalization;
using System.Text;
using Pei.Site.Method;
using Pei.Site.Render.Formatting;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/seguimiento.csv: one row per indicator and published cut-off. UTF-8 without BOM, RFC 4180 (comma separator,
/// CRLF line ends, fields quoted when they hold a comma, quote or line break), dot decimals at full precision, empty = no value.
/// </summary>
public static class SeguimientoCsv
{
    public const string Path = "datos/seguimiento.csv";

    public static IReadOnlyList<DataColumn> Columns { get; } =
    [
        new("corte", "fecha AAAA-MM-DD", "Fecha de corte del seguimiento."),
        new("vigencia", "entero", "Año de la vigencia a la que pertenece el corte."),
        new("objetivo_numero", "entero", "Número del objetivo estratégico."),
        new("objetivo_titulo", "texto", "Nombre corto del objetivo estratégico."),
        new("objetivo_cumplimiento", "número", "Cumplimiento del objetivo al corte, en % (vacío si ningún indicador estaba programado)."),
        new("indicador_id", "texto", "Identificador del indicador (único en el plan)."),
        new("indicador_codigo", "texto", "Código del indicador en el plan de acción (vacío si no tiene)."),
        new("indicador_nombre", "texto", "Nombre del indicador."),
        new("tipo", "texto", "sectorial, proyecto o gestion."),
        new("unidad", "texto", "porcentaje o numero: unidad de las magnitudes programadas y ejecutadas."),
        new("anualizacion", "texto", "suma, constante, creciente o decreciente."),
        new("linea_base", "número", "Línea base (solo creciente y decreciente)."),
        new("meta_codigo", "texto", "Código de la meta a la que aporta el indicador."),
        new("meta_descripcion", "texto", "Enunciado de la meta."),
        new("ponderacion", "número", "Peso del indicador en su objetivo para la vigencia, en %."),
        new("meta_vigencia", "número", "Programación del año (meta de la vigencia)."),
        new("programado", "número", "Programación al corte."),
        new("ejecutado", "número", "Magnitud ejecutada al corte."),
        new("avance_corte", "número", "% de avance al corte (vacío si no estaba programado)."),
        new("avance_vigencia", "número", "Avance de la vigencia, en % (vacío si la meta de la vigencia es cero)."),
        new("estado", "texto", "En cumplimiento, Con rezago o No programado al corte."),
        new("observaciones", "texto", "Observaciones del corte (Markdown)."),
    ];

    public static byte[] Write(PlanReport report)
    {
        var csv = new StringBuilder();
        WriteRow(csv, Columns.Select(c => c.Name));
        foreach (var cutOff in report.CutOffs)
        {
            foreach (var objective in cutOff.Objectives)
            {
                foreach (var progress in objective.Indicators)
                {
                    var indicator = progress.Indicator;
                    WriteRow(csv,
                    [
                        ContentWords.Of(cutOff.CutOff.Date),
                        Number(progress.FiscalYear.Year),
                        Number(objective.Objective.Number),
                        objective.Objective.Title,
                        Number(objective.Compliance),
                        indicator.Id,
                        indicator.Code ?? "",
                        indicator.Name,
                        ContentWords.Of(indicator.Type),
                        ContentWords.Of(indicator.Unit),
                        ContentWords.Of(indicator.Accumulation),
                        Number(indicator.Baseline),
                        indicator.Target.Code ?? "",
                        indicator.Target.Description,
                        Number(progress.FiscalYear.Weight),
                        Number(progress.FiscalYear.Target),
                        Number(progress.Measurement.Planned),
                        Number(progress.Measurement.Executed),
                        Number(progress.CutOffProgress),
                        Number(progress.YearProgress),
                        Vocabulary.Status(progress.Status),
                        progress.Measurement.Observations ?? "",
                    ]);
                }
            }
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Escape));
        csv.Append("\r\n");
    }

    private static string Escape(string field)
    {
        var text = field.Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", "\r\n");
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
