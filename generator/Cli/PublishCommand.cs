using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// publicar &lt;AAAA-MM-DD&gt;: publishes a cut-off. The content is loaded with the cut-off as if it were no longer a draft,
/// so every missing value or measurement is an error; every other published cut-off must still match its record. Then
/// 'borrador: true' goes from the cut-off in plan.yaml (comments and layout kept) and the record
/// publicaciones/AAAA-MM-DD.yaml is written with the publication date and the figures as published: both files or
/// neither. The publication is dated today in Bogotá, or on --fecha (an earlier report being migrated, or the day the
/// change is merged): never before the cut-off nor after today. A figure the loader could not read back (beyond its
/// bounds) refuses the publication at the line it comes from.
/// </summary>
public static class PublishCommand
{
    private const string ArgumentPlace = "publicar";

    /// <param name="dated">--fecha as given; null for today.</param>
    /// <param name="clock">Where today comes from (<see cref="Clock"/>).</param>
    public static Pipeline.Result Run(string content, string date, string? dated, Clock clock)
    {
        var diagnostics = new DiagnosticBag();
        if (ContentWords.DateOf(date) is not { } day)
        {
            diagnostics.Error(Codes.InvalidDate, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (PublicationDate.Of(dated, ArgumentPlace, clock, diagnostics) is not (var published, var today, var place) ||
            !RecordRules.PublicationDate(day, published, today, place, diagnostics) ||
            Pipeline.Compute(content, diagnostics, new Pipeline.Options { Publishing = day, Today = today }) is not { } report)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var plan = report.Plan;
        if (report.CutOffs.FirstOrDefault(c => c.CutOff.Date == day) is not { } computed)
        {
            diagnostics.Error(Codes.CutOffNotInPlan, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (plan.PublicationOf(day) is { } existing)
        {
            diagnostics.Error(Codes.AlreadyPublished, existing.Where, date, existing.Where.File);
            return Pipeline.Result.Refused(diagnostics);
        }
        var planPath = ContentLayout.PlanPath(content);
        var planText = DraftMark.Remove(Read(planPath), day, computed.CutOff.Where.File, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }

        var figures = PublishedFigures.Of(computed.Objectives);
        var recordPath = ContentLayout.RecordPath(content, day);
        var files = new ContentFolder(content, content);
        if (PublicationRecord.New(day, published, figures, diagnostics) is not { } record)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        List<(string Path, string Display, byte[] Bytes)> written =
            [(planPath, computed.CutOff.Where.File, planText!.Encode()), (recordPath, recordPath, record.Encode())];
        var after = EditedContent.Check(content, written.Select(e => (e.Path, e.Bytes)).ToList(), compute: false);
        if (after.HasErrors)
        {
            return Pipeline.Result.Refused(after);
        }
        if (!EditedFiles.Write(files, written, diagnostics))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var objectives = figures.Count(f => f.Key.Indicator is null);
        var indicators = figures.Where(f => f.Key.Indicator is not null).Select(f => f.Key.Indicator).Distinct().Count();
        var summary =
            $"Corte {date} publicado el {ContentWords.Of(published)}: {Plural.Of(objectives, "objetivo", "objetivos")} y " +
            $"{Plural.Of(indicators, "indicador", "indicadores")}. " +
            $"Sus cifras quedan registradas en {ContentLayout.RecordPath(content, day)}; desde ahora solo cambian con " +
            $"`corregir {date} --motivo \"…\"`, que las publica en la fe de erratas." +
            Environment.NewLine + "Archivos modificados:" +
            Environment.NewLine + "  " + computed.CutOff.Where.File +
            Environment.NewLine + "  " + ContentLayout.RecordPath(content, day);
        return new Pipeline.Result(diagnostics.Sorted(), summary);
    }

    internal static SourceText Read(string path) => SourceText.Decode(File.ReadAllBytes(path));
}
