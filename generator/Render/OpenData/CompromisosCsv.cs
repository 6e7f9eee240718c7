using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Pages;
using Pei.Site.Text;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/compromisos.csv: one row per commitment and published cut-off from the one it was made at, with its state at
/// that cut-off (the state the cut-off's pages show), so the follow-up of each promise can be read over time. Same
/// format as seguimiento.csv (UTF-8, RFC 4180, CRLF, empty = no value); also a sheet of the workbook.
/// </summary>
public static class CompromisosCsv
{
    public const string Path = SitePaths.CommitmentsCsv;

    public const string SheetName = "Compromisos";

    public static IReadOnlyList<DataColumn> Columns { get; } =
    [
        new("corte", "fecha AAAA-MM-DD", "Corte publicado al que se calcula el estado del compromiso."),
        new("compromiso_id", "texto", "Identificador del compromiso: el del indicador y la fecha del corte en que se adquirió."),
        new("objetivo_numero", "entero", "Número del objetivo estratégico del indicador."),
        new("indicador_id", "texto", "Identificador del indicador (único en el plan)."),
        new("indicador_codigo", "texto", "Código del indicador en el plan de acción (vacío si no tiene)."),
        new("indicador_nombre", "texto", "Nombre del indicador."),
        new("indicador_responsable", "texto", "Área responsable del indicador (vacío si el plan no la nombra)."),
        new("corte_rezago", "fecha AAAA-MM-DD", "Corte en que el indicador estaba en rezago y se adquirió el compromiso."),
        new("avance_corte_rezago", "número", "% de avance al corte en que se adquirió el compromiso.") { Unit = "%" },
        new("causa", "texto", "Causa del rezago."),
        new("accion", "texto", "Acción para superar el rezago."),
        new("responsable", "texto", "Área responsable del compromiso."),
        new("fecha_compromiso", "fecha AAAA-MM-DD", "Fecha en la que el rezago debe quedar superado."),
        new("estado", "texto", "cumplido, vencido, vigente o reprogramado, calculado al corte de la columna corte."),
        new("corte_cierre", "fecha AAAA-MM-DD", "Primer corte posterior en que el indicador ya no estaba en rezago (vacío si sigue en rezago)."),
        new("corte_reprogramacion", "fecha AAAA-MM-DD", "Corte en que se comprometió una nueva fecha (solo si está reprogramado)."),
        new("nueva_fecha_compromiso", "fecha AAAA-MM-DD", "La nueva fecha comprometida (solo si está reprogramado); el nuevo compromiso tiene su propia fila."),
        new("fecha_compromiso_anterior", "fecha AAAA-MM-DD", "Fecha del compromiso anterior que este reprograma (vacío si no reprograma otro)."),
    ];

    /// <summary>Every commitment at every published cut-off from the one it was made at, by cut-off and then as the pages order them.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(PlanReport report)
    {
        for (var index = 0; index < report.CutOffs.Count; index++)
        {
            foreach (var c in CommitmentWords.Sorted(CommitmentFollowUp.At(report, index)).OrderBy(c => c.ObjectiveNumber).ThenBy(c => c.Indicator.Id, StringComparer.Ordinal).ThenBy(c => c.MadeAt))
            {
                yield return
                [
                    c.EvaluatedAt,
                    c.Key,
                    c.ObjectiveNumber,
                    c.Indicator.Id,
                    c.Indicator.Code ?? "",
                    c.Indicator.Name,
                    c.Indicator.Responsible?.Trim() ?? "",
                    c.MadeAt,
                    c.ProgressWhenMade is { } progress ? OpenNumbers.Computed(progress) : null,
                    c.Explanation.Cause,
                    c.Explanation.Action,
                    c.Responsible,
                    c.Due,
                    CommitmentWords.StateValue(c.State),
                    c.ClosedAt,
                    c.RescheduledAt,
                    c.NewDue,
                    c.PreviousDue,
                ];
            }
        }
    }

    public static void Write(PlanReport report, Stream output) => SeguimientoCsv.Write(Columns, Rows(report), output);
}
