using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Load;

/// <summary>
/// The rules of the plan as a whole, over what the files gave: unique ids, weights adding up to 100, a measurement with
/// both values at every published cut-off. The rules over computed figures (a lag must be explained, a published cut-off
/// keeps its record's figures) belong to Method and run over its report.
/// </summary>
public static class PlanRules
{
    public static void Check(Plan plan, DiagnosticBag diagnostics)
    {
        UniqueIds(plan, diagnostics);
        RecordsOfPublishedCutOffs(plan, diagnostics);
        foreach (var objective in plan.Objectives)
        {
            // A file that failed to load would make the sum wrong for the wrong reason: report weights only over clean files.
            var folder = objective.Where.File[..(objective.Where.File.LastIndexOf('/') + 1)];
            if (!diagnostics.Items.Any(d => d.Severity == Severity.Error && d.Where.File.StartsWith(folder, StringComparison.Ordinal)))
            {
                WeightsAddUp(plan, objective, diagnostics);
            }
        }
        // Likewise a measurement the file failed to read (a misspelt cut-off date) is not also reported as missing.
        foreach (var indicator in plan.Indicators.Where(i => !diagnostics.HasErrorsIn(i.Where.File)))
        {
            ValuesWritten(plan, indicator, diagnostics);
            MeasuredAtEveryCutOff(plan, indicator, diagnostics);
        }
    }

    /// <summary>A record belongs to a cut-off of the plan that is not a draft: a published cut-off is never withdrawn.</summary>
    private static void RecordsOfPublishedCutOffs(Plan plan, DiagnosticBag diagnostics)
    {
        foreach (var publication in plan.Publications)
        {
            switch (plan.CutOffs.FirstOrDefault(c => c.Date == publication.CutOff))
            {
                case null:
                    diagnostics.Error(Codes.PublicationNotInPlan, publication.CutOffWhere ?? publication.Where, ContentWords.Of(publication.CutOff));
                    break;
                case { Draft: true } draft:
                    diagnostics.Error(Codes.PublicationOfDraft, draft.Where, ContentWords.Of(publication.CutOff));
                    break;
            }
        }
    }

    private static void UniqueIds(Plan plan, DiagnosticBag diagnostics)
    {
        foreach (var group in plan.Indicators.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                diagnostics.Error(Codes.DuplicateId, duplicate.Where, duplicate.Id, first.Where.File);
            }
        }
    }

    /// <summary>
    /// A year's weights must add up to 100 once the year has a cut-off in the plan; before that (an indicator added with
    /// targets for later years, the weights of next year being drafted) an unbalanced year is only a warning.
    /// </summary>
    private static void WeightsAddUp(Plan plan, Objective objective, DiagnosticBag diagnostics)
    {
        var byYear = objective.Indicators
            .SelectMany(i => i.FiscalYears.Select(y => (Indicator: i, Year: y)))
            .GroupBy(x => x.Year.Year)
            .OrderBy(g => g.Key);
        foreach (var year in byYear)
        {
            var total = year.Sum(x => x.Year.Weight);
            if (total == 100m)
            {
                continue;
            }
            // Figures as the site writes them (es-CO): 90,5, not 90.5.
            var parts = string.Join(", ", year.Select(x => $"{x.Indicator.Id}: {EsCo.Exact(x.Year.Weight)}"));
            var measured = plan.CutOffs.Any(c => c.Year == year.Key);
            foreach (var (_, fiscalYear) in year)
            {
                if (measured)
                {
                    diagnostics.Error(Codes.WeightsDoNotAddUp, fiscalYear.WeightWhere, year.Key, objective.Number, EsCo.Exact(total), parts);
                }
                else
                {
                    diagnostics.Warning(Codes.WeightsDoNotAddUp, fiscalYear.WeightWhere, year.Key, objective.Number, EsCo.Exact(total), parts);
                }
            }
        }
    }

    /// <summary>
    /// Every cut-off of a fiscal year measures the indicator, except a published cut-off with a record: the record says
    /// which indicators it counted (an indicator added later is not measured there), and the publication check compares.
    /// </summary>
    private static void MeasuredAtEveryCutOff(Plan plan, Indicator indicator, DiagnosticBag diagnostics)
    {
        foreach (var fiscalYear in indicator.FiscalYears)
        {
            foreach (var cutOff in plan.CutOffs.Where(c => c.Year == fiscalYear.Year && fiscalYear.Measurement(c.Date) is null && plan.PublicationOf(c.Date) is null))
            {
                var date = ContentWords.Of(cutOff.Date);
                if (cutOff.Draft)
                {
                    diagnostics.Warning(Codes.MissingMeasurement, fiscalYear.Where, date, fiscalYear.Year);
                }
                else
                {
                    diagnostics.Error(Codes.MissingMeasurement, fiscalYear.Where, date, fiscalYear.Year);
                }
            }
        }
    }

    /// <summary>A measurement has both its values once its cut-off is published; while it is a draft, a missing one is a warning.</summary>
    private static void ValuesWritten(Plan plan, Indicator indicator, DiagnosticBag diagnostics)
    {
        foreach (var measurement in indicator.FiscalYears.SelectMany(y => y.Measurements))
        {
            if (plan.CutOffs.FirstOrDefault(c => c.Date == measurement.CutOff) is not { } cutOff)
            {
                continue;
            }
            Written(measurement.Planned, "programado", measurement.PlannedWhere ?? measurement.Where);
            Written(measurement.Executed, "ejecutado", measurement.ExecutedWhere ?? measurement.Where);

            void Written(decimal? value, string key, SourceSpan where)
            {
                if (value is not null)
                {
                    return;
                }
                if (cutOff.Draft)
                {
                    diagnostics.Warning(Codes.DraftValueMissing, where, key, ContentWords.Of(cutOff.Date));
                }
                else
                {
                    diagnostics.Error(Codes.PublishedValueMissing, where, key, ContentWords.Of(cutOff.Date));
                }
            }
        }
    }
}
