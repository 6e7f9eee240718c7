using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;

namespace Pei.Site.Render.OpenData;

/// <summary>datos/plan.json: the plan and every published cut-off's figures, numbers by <see cref="OpenNumbers"/>, null where there is none.</summary>
public static class PlanJson
{
    public const string Path = "datos/plan.json";

    public static IReadOnlyList<DataColumn> Fields { get; } =
    [
        new("entidad", "texto", "Entidad que publica el plan."),
        new("nombre", "texto", "Nombre del plan estratégico."),
        new("periodo.desde, periodo.hasta", "entero", "Años de inicio y fin del plan."),
        new("fuente", "texto", "Fuente de las cifras."),
        new("cortes[].fecha", "fecha AAAA-MM-DD", "Fecha de corte del seguimiento."),
        new("cortes[].titulo", "texto o null", "Nombre del corte, p. ej. «Segundo trimestre 2025»."),
        new("cortes[].publicado", "fecha AAAA-MM-DD o null", "Día en que se publicó el corte; null en la vista previa de un corte en borrador."),
        new("cortes[].correcciones[].fecha", "fecha AAAA-MM-DD", "Día de la corrección (fe de erratas): cada corrección de una cifra ya publicada queda registrada."),
        new("cortes[].correcciones[].motivo", "texto", "Razón de la corrección."),
        new("cortes[].correcciones[].objetivo", "entero", "Número del objetivo de la cifra corregida."),
        new("cortes[].correcciones[].indicador", "texto o null", "Identificador del indicador de la cifra corregida; null si es el cumplimiento del objetivo."),
        new("cortes[].correcciones[].cifra", "texto", "Cifra corregida: cumplimiento, ponderacion, meta_vigencia, programado, ejecutado, avance_corte o avance_vigencia."),
        new("cortes[].correcciones[].publicado", "número o null", "Valor vigente antes de la corrección (las cifras calculadas, redondeadas a dos decimales como se publicaron)."),
        new("cortes[].correcciones[].corregido", "número o null", "Valor corregido."),
        new("cortes[].objetivos[].numero", "entero", "Número del objetivo estratégico."),
        new("cortes[].objetivos[].titulo", "texto", "Nombre corto del objetivo."),
        new("cortes[].objetivos[].descripcion", "texto", "Enunciado completo del objetivo."),
        new("cortes[].objetivos[].cumplimiento", "número o null", "Cumplimiento del objetivo al corte, en %: promedio de los avances al corte ponderado por las ponderaciones de los indicadores programados; null si ninguno está programado."),
        new("cortes[].objetivos[].estado", "texto", "Estado del objetivo: «En cumplimiento», «Con rezago» o «Sin indicadores programados»."),
        new("cortes[].objetivos[].indicadores[].id", "texto", "Identificador del indicador (nombre de su archivo)."),
        new("cortes[].objetivos[].indicadores[].codigo", "texto o null", "Código del indicador en el plan de acción."),
        new("cortes[].objetivos[].indicadores[].nombre", "texto", "Nombre del indicador."),
        new("cortes[].objetivos[].indicadores[].tipo", "texto", "sectorial, proyecto o gestion."),
        new("cortes[].objetivos[].indicadores[].unidad", "texto", "porcentaje o numero."),
        new("cortes[].objetivos[].indicadores[].anualizacion", "texto", "suma, constante, creciente o decreciente."),
        new("cortes[].objetivos[].indicadores[].linea_base", "número o null", "Línea base (solo creciente y decreciente)."),
        new("cortes[].objetivos[].indicadores[].meta_codigo", "texto o null", "Código de la meta."),
        new("cortes[].objetivos[].indicadores[].meta_descripcion", "texto", "Enunciado de la meta."),
        new("cortes[].objetivos[].indicadores[].vigencia", "entero", "Año de la vigencia."),
        new("cortes[].objetivos[].indicadores[].ponderacion", "número", "Peso del indicador en su objetivo para la vigencia, en %."),
        new("cortes[].objetivos[].indicadores[].meta_vigencia", "número", "Programación del año (meta de la vigencia)."),
        new("cortes[].objetivos[].indicadores[].programado", "número o null", "Programación al corte."),
        new("cortes[].objetivos[].indicadores[].ejecutado", "número o null", "Magnitud ejecutada al corte."),
        new("cortes[].objetivos[].indicadores[].avance_corte", "número o null", "% de avance al corte; null si no estaba programado."),
        new("cortes[].objetivos[].indicadores[].avance_vigencia", "número o null", "Avance de la vigencia, en %; null si la meta de la vigencia es cero."),
        new("cortes[].objetivos[].indicadores[].estado", "texto", "«En cumplimiento», «Con rezago» o «No programado al corte»."),
        new("cortes[].objetivos[].indicadores[].observaciones", "texto o null", "Observaciones del corte, en Markdown."),
        new("cortes[].objetivos[].correccion", "objeto o null", "Si el cumplimiento del objetivo se corrigió después de publicado: corregido_el (fecha de la corrección más reciente) y publicado.cumplimiento (la cifra tal como se publicó por primera vez); null si no se corrigió. La cifra vigente, ya corregida, está en cumplimiento."),
        new("cortes[].objetivos[].indicadores[].responsable", "texto o null", "Área responsable del indicador; null si el plan no la nombra."),
        new("cortes[].objetivos[].indicadores[].explicacion", "objeto o null", "Explicación estructurada del rezago al corte: causa, accion, responsable (área) y fecha_compromiso (AAAA-MM-DD); null si no tiene. El seguimiento de cada compromiso está en compromisos.csv."),
        new("cortes[].objetivos[].indicadores[].correccion", "objeto o null", "Si alguna cifra del indicador se corrigió después de publicada: corregido_el (fecha de la corrección más reciente) y publicado, con cada cifra corregida (ponderacion, meta_vigencia, programado, ejecutado, avance_corte o avance_vigencia) tal como se publicó por primera vez; null si ninguna se corrigió. Las cifras vigentes, ya corregidas, están en sus campos."),
    ];

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Streams the file into <paramref name="output"/>, flushing as it goes: it is never held in memory.</summary>
    public static void Write(PlanReport report, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            var plan = report.Plan;
            json.WriteStartObject();
            json.WriteString("entidad", plan.Entity);
            json.WriteString("nombre", plan.Name);
            json.WriteStartObject("periodo");
            json.WriteNumber("desde", plan.Period.From);
            json.WriteNumber("hasta", plan.Period.To);
            json.WriteEndObject();
            WriteText(json, "fuente", plan.Source);
            json.WriteStartArray("cortes");
            foreach (var cutOff in report.CutOffs)
            {
                WriteCutOff(json, cutOff);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>What the writer holds is handed to the stream once it passes this size.</summary>
    private const int FlushAt = 16 * 1024;

    private static void WriteCutOff(Utf8JsonWriter json, CutOffReport cutOff)
    {
        json.WriteStartObject();
        json.WriteString("fecha", ContentWords.Of(cutOff.CutOff.Date));
        WriteText(json, "titulo", cutOff.CutOff.Title);
        WriteText(json, "publicado", cutOff.Publication is { } publication ? ContentWords.Of(publication.Published) : null);
        WriteCorrections(json, cutOff.Publication);
        json.WriteStartArray("objetivos");
        foreach (var objective in cutOff.Objectives)
        {
            json.WriteStartObject();
            json.WriteNumber("numero", objective.Objective.Number);
            json.WriteString("titulo", objective.Objective.Title);
            json.WriteString("descripcion", objective.Objective.Description);
            WriteNumber(json, "cumplimiento", Computed(objective.Compliance));
            json.WriteString("estado", Vocabulary.ObjectiveStatus(objective.Status));
            json.WriteStartArray("indicadores");
            foreach (var indicator in objective.Indicators)
            {
                WriteIndicator(json, indicator, cutOff.Publication);
                if (json.BytesPending >= FlushAt)
                {
                    json.Flush();
                }
            }
            json.WriteEndArray();
            WriteCorrection(json, cutOff.Publication, objective.Objective.Number, null, ObjectiveFigures);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The cut-off's fe de erratas: one entry per corrected figure, oldest first; empty when none.</summary>
    private static void WriteCorrections(Utf8JsonWriter json, Publication? publication)
    {
        json.WriteStartArray("correcciones");
        foreach (var erratum in publication?.Errata ?? [])
        {
            json.WriteStartObject();
            json.WriteString("fecha", ContentWords.Of(erratum.Correction.Date));
            json.WriteString("motivo", erratum.Correction.Reason);
            json.WriteNumber("objetivo", erratum.Key.Objective);
            WriteText(json, "indicador", erratum.Key.Indicator);
            json.WriteString("cifra", erratum.Key.Name);
            WriteNumber(json, "publicado", erratum.Before);
            WriteNumber(json, "corregido", erratum.After);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static readonly string[] ObjectiveFigures = [FigureNames.Compliance];

    /// <summary>
    /// "correccion" of an objective or an indicator: null when none of its figures was corrected, else the date of the
    /// latest correction of any of them and each corrected figure as first published (the published report's).
    /// </summary>
    private static void WriteCorrection(Utf8JsonWriter json, Publication? publication, int objective, string? indicator, IReadOnlyList<string> names)
    {
        var corrected = publication is null || publication.LastCorrection.Count == 0
            ? []
            : names.Select(n => new FigureKey(objective, indicator, n)).Where(publication.LastCorrection.ContainsKey).ToList();
        if (corrected.Count == 0)
        {
            json.WriteNull("correccion");
            return;
        }
        json.WriteStartObject("correccion");
        json.WriteString("corregido_el", ContentWords.Of(corrected.Max(k => publication!.LastCorrection[k].Correction.Date)));
        json.WriteStartObject("publicado");
        foreach (var key in corrected)
        {
            var first = publication!.FirstPublished.GetValueOrDefault(key)?.Value;
            WriteNumber(json, key.Name, first is { } value ? OpenNumbers.Recorded(key.Name, value) : null);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter json, IndicatorProgress progress, Publication? publication)
    {
        var indicator = progress.Indicator;
        json.WriteStartObject();
        json.WriteString("id", indicator.Id);
        WriteText(json, "codigo", indicator.Code);
        json.WriteString("nombre", indicator.Name);
        json.WriteString("tipo", ContentWords.Of(indicator.Type));
        json.WriteString("unidad", ContentWords.Of(indicator.Unit));
        json.WriteString("anualizacion", ContentWords.Of(indicator.Accumulation));
        WriteNumber(json, "linea_base", Input(indicator.Baseline));
        WriteText(json, "meta_codigo", indicator.Target.Code);
        json.WriteString("meta_descripcion", indicator.Target.Description);
        json.WriteNumber("vigencia", progress.FiscalYear.Year);
        json.WriteNumber("ponderacion", OpenNumbers.Input(progress.FiscalYear.Weight));
        json.WriteNumber("meta_vigencia", OpenNumbers.Input(progress.FiscalYear.Target));
        WriteNumber(json, "programado", Input(progress.Measurement.Planned));
        WriteNumber(json, "ejecutado", Input(progress.Measurement.Executed));
        WriteNumber(json, "avance_corte", Computed(progress.CutOffProgress));
        WriteNumber(json, "avance_vigencia", Computed(progress.YearProgress));
        json.WriteString("estado", Vocabulary.Status(progress.Status));
        WriteText(json, "observaciones", progress.Measurement.Observations);
        WriteText(json, "responsable", indicator.Responsible?.Trim());
        WriteExplanation(json, progress.Status == Status.Lagging ? progress.Measurement.Explanation : null);
        WriteCorrection(json, publication, indicator.ObjectiveNumber, indicator.Id, FigureNames.Indicator);
        json.WriteEndObject();
    }

    /// <summary>A measurement's structured explanation, only when it is complete (as the site publishes it).</summary>
    private static void WriteExplanation(Utf8JsonWriter json, LagExplanation? explanation)
    {
        if (explanation is not { IsComplete: true })
        {
            json.WriteNull("explicacion");
            return;
        }
        json.WriteStartObject("explicacion");
        json.WriteString("causa", explanation.Cause);
        json.WriteString("accion", explanation.Action);
        json.WriteString("responsable", explanation.Responsible!.Trim());
        json.WriteString("fecha_compromiso", ContentWords.Of(explanation.Due!.Value));
        json.WriteEndObject();
    }

    private static decimal? Input(decimal? value) => value is { } v ? OpenNumbers.Input(v) : null;

    private static decimal? Computed(decimal? value) => value is { } v ? OpenNumbers.Computed(v) : null;

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

}
