using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;
using Pei.Site.Load;
using Pei.Site.Model;
using Pei.Site.Spreadsheet;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// plantilla &lt;AAAA-MM-DD&gt; --out &lt;archivo.xlsx|.csv&gt;: writes the measurement sheet of a cut-off, one row per
/// indicator with a vigencia in its year, holding what the YAML already has, for planners to fill in with a spreadsheet
/// program and bring back with importar.
/// </summary>
public static class TemplateCommand
{
    private const string ArgumentPlace = "plantilla";

    public static Pipeline.Result Run(string content, string date, string output)
    {
        var diagnostics = new DiagnosticBag();
        if (ContentWords.DateOf(date) is not { } cutOff)
        {
            diagnostics.Error(Codes.InvalidDate, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (Pipeline.Load(content, diagnostics) is not { } plan || diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        if (plan.CutOffs.FirstOrDefault(c => c.Date == cutOff) is not { } listed)
        {
            diagnostics.Error(Codes.SheetCutOffNotInPlan, new SourceSpan(ArgumentPlace, 1, 1), "", ContentWords.Of(cutOff));
            return Pipeline.Result.Refused(diagnostics);
        }
        var rows = MeasurementSheet.Rows(plan, cutOff);
        var bytes = SheetFormat.Write(output, cutOff, rows);
        try
        {
            WholeFile.Write(output, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.OutputNotWritten, new SourceSpan(output, 1, 1), UnsafeCharacters.Printable(e.Message));
            return Pipeline.Result.Refused(diagnostics);
        }
        var next = listed.Draft
            ? $"Llene programado, ejecutado y observaciones (no cambie las demás columnas) y luego ejecute: importar {output}"
            : "El corte ya está publicado: importar no lo cambia (use corregir).";
        return new Pipeline.Result([],
            $"Plantilla del corte {ContentWords.Of(cutOff)} escrita en {output}: {Plural.Of(rows.Count, "indicador", "indicadores")}. {next}");
    }
}
