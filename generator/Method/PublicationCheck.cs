using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Method;

/// <summary>
/// The rule that keeps published cut-offs as they were published: every cut-off without <c>borrador</c> has a record
/// (publicaciones/AAAA-MM-DD.yaml), and what the content computes for it today is the record's figures in force. A
/// difference is an error until the planner undoes the change or records it with <c>corregir</c>. Run by validate, build
/// and serve after the method, and by publicar and corregir.
/// </summary>
public static class PublicationCheck
{
    /// <summary>
    /// Compares every published cut-off of the report (but <paramref name="except"/>) with its record, each on one of the
    /// cores with its own diagnostics, gathered afterwards in cut-off order.
    /// </summary>
    /// <param name="contentDisplay">How the content folder is named in diagnostics, for a record that is missing.</param>
    /// <param name="memo">What an earlier check of the same content found for each objective, used again for objectives
    /// whose figures did not change (serve).</param>
    public static void Check(PlanReport report, string contentDisplay, DiagnosticBag diagnostics, DateOnly? except = null, MethodMemo? memo = null)
    {
        var plan = report.Plan;
        var checks = InParallel.Select(plan.CutOffs.Where(c => !c.Draft && c.Date != except).ToList(), cutOff =>
        {
            var own = new DiagnosticBag();
            if (plan.PublicationOf(cutOff.Date) is not { } publication)
            {
                own.Error(Codes.PublicationMissing, cutOff.Where, ContentWords.Of(cutOff.Date), ContentLayout.RecordPath(contentDisplay, cutOff.Date));
            }
            else
            {
                try
                {
                    Compare(plan, cutOff, publication, own, report.CutOffs.FirstOrDefault(c => c.CutOff.Date == cutOff.Date), memo);
                }
                catch (FigureOverflowException e)
                {
                    e.Report(own);
                }
            }
            return own;
        });
        foreach (var own in checks)
        {
            diagnostics.AddRange(own);
        }
    }

    /// <summary>Reports every difference between a published cut-off's record and what the content computes for it; true when there is none.</summary>
    /// <param name="computed">The cut-off as the method computed it (counting only what the record counts), when at hand.</param>
    /// <param name="memo">What an earlier check found for each objective (<see cref="Check"/>).</param>
    public static bool Compare(Plan plan, CutOff cutOff, Publication publication, DiagnosticBag diagnostics, CutOffReport? computed = null,
        MethodMemo? memo = null)
    {
        var date = ContentWords.Of(cutOff.Date);
        var recorded = publication.Current;
        var counted = publication.IndicatorIds;
        // What the cut-off would publish today counts every measured indicator; when the record counts them all, that is
        // what the method already computed, and it is not computed again.
        var now = computed is not null && CountsEveryMeasured(plan, cutOff, counted)
            ? computed.Objectives
            : PublishedFigures.Objectives(plan, cutOff);
        var (changed, gone) = PublishedFigures.Compare(recorded, now, memo);
        foreach (var figure in changed)
        {
            if (figure.Key.Indicator is { } id && !counted.Contains(id))
            {
                if (figure.Key.Name == FigureNames.CutOffProgress)
                {
                    diagnostics.Error(Codes.IndicatorNotInPublication, figure.Where, date, id);
                }
                continue;
            }
            var before = recorded.GetValueOrDefault(figure.Key);
            var where = PublishedFigures.IsInput(figure.Key.Name) || before is null ? figure.Where : before.Where;
            diagnostics.Error(Codes.PublishedFigureChanged, where, date, Describe(figure.Key), Value(figure.Key, before?.Value), Value(figure.Key, figure.Value));
        }
        ReportMissing(plan, cutOff, gone, diagnostics);
        return changed.Count == 0 && gone.Count == 0;
    }

    private static bool CountsEveryMeasured(Plan plan, CutOff cutOff, IReadOnlySet<string> counted) =>
        plan.Indicators.All(i => counted.Contains(i.Id) || i.FiscalYear(cutOff.Year)?.Measurement(cutOff.Date) is null);

    /// <summary>One error per indicator the record counts and the content no longer measures at the cut-off.</summary>
    public static void ReportMissing(Plan plan, CutOff cutOff, IReadOnlyList<RecordedFigure> gone, DiagnosticBag diagnostics)
    {
        foreach (var figure in gone.Where(f => f.Key.Name == FigureNames.Weight))
        {
            diagnostics.Error(Codes.PublishedIndicatorMissing, IndicatorWhere(plan, figure), ContentWords.Of(cutOff.Date), figure.Key.Indicator!, figure.Key.Objective);
        }
    }

    /// <summary>The figure in words: "el cumplimiento del objetivo 3", "la ponderación del indicador 4199 (objetivo 3)".</summary>
    public static string Describe(FigureKey key)
    {
        var what = Figure.Of(key.Name).Phrase;
        return key.Indicator is null
            ? $"{what} del objetivo {key.Objective}"
            : $"{what} del indicador {key.Indicator} (objetivo {key.Objective})";
    }

    /// <summary>
    /// A figure in a message, as the site writes it (es-CO): a computed percentage with two decimals ("87,20 %"), a
    /// weight with its sign ("25 %"), an input with every digit written ("0,36456"); "vacío" where there is none.
    /// </summary>
    public static string Value(FigureKey key, decimal? value) => value switch
    {
        null => "vacío",
        { } number when !PublishedFigures.IsInput(key.Name) => EsCo.PercentInMessage(number),
        { } number when key.Name == FigureNames.Weight => EsCo.Exact(number) + " %",
        { } number => EsCo.Exact(number),
    };

    /// <summary>The indicator's file when it is still in the plan, else the record's line.</summary>
    private static SourceSpan IndicatorWhere(Plan plan, RecordedFigure figure) =>
        plan.Indicators.FirstOrDefault(i => i.Id == figure.Key.Indicator)?.Where ?? figure.Where;
}
