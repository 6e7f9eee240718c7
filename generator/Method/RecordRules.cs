using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>
/// What every publication record holds because publicar and corregir write it so: a publication dated on or after its
/// cut-off and not after today, and corrections each dated on or after the publication and the correction before it,
/// not after today, changing only figures the cut-off published, each to a value other than the one in force. Validate
/// applies them to every record; publicar and corregir check the date they are about to write with the same methods.
/// Today is given (by the orchestration, from the command line); when it is not, dates are not checked against it.
/// </summary>
public static class RecordRules
{
    public static void Check(Plan plan, DateOnly? today, DiagnosticBag diagnostics)
    {
        foreach (var publication in plan.Publications)
        {
            Check(publication, today, diagnostics);
        }
    }

    private static void Check(Publication publication, DateOnly? today, DiagnosticBag diagnostics)
    {
        PublicationDate(publication.CutOff, publication.Published, today, publication.PublishedWhere ?? publication.Where, diagnostics);
        Dictionary<FigureKey, RecordedFigure>? inForce = null;
        DateOnly? previous = null;
        foreach (var correction in publication.Corrections)
        {
            CorrectionDate(publication, previous, correction.Date, today, correction.DateWhere ?? correction.Where, diagnostics);
            previous = correction.Date;
            var date = ContentWords.Of(correction.Date);
            if (correction.Figures.Count == 0)
            {
                diagnostics.Error(Codes.EmptyValue, correction.Where, $"cifras de la corrección del {date}");
            }
            var added = new HashSet<(int, string?)>();
            // The figures in force, copied from the first ones only for a record that has corrections.
            inForce ??= new Dictionary<FigureKey, RecordedFigure>(publication.FirstPublished);
            foreach (var figure in correction.Figures)
            {
                if (!publication.FirstPublished.ContainsKey(figure.Key))
                {
                    // One error per objective or indicator the cut-off did not publish, not one per figure of it.
                    if (added.Add((figure.Key.Objective, figure.Key.Indicator)))
                    {
                        diagnostics.Error(Codes.CorrectionAddsFigure, figure.Where, date, Subject(figure.Key), ContentWords.Of(publication.CutOff));
                    }
                    continue;
                }
                if (inForce[figure.Key].Value == figure.Value)
                {
                    diagnostics.Error(Codes.CorrectionRepeatsFigure, figure.Where, date, PublicationCheck.Describe(figure.Key), PublicationCheck.Value(figure.Key, figure.Value));
                }
                inForce[figure.Key] = figure;
            }
        }
    }

    /// <summary>A publication is dated on or after its cut-off, and not after today.</summary>
    public static bool PublicationDate(DateOnly cutOff, DateOnly published, DateOnly? today, SourceSpan where, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        if (published < cutOff)
        {
            diagnostics.Error(Codes.PublishedBeforeCutOff, where, ContentWords.Of(cutOff), ContentWords.Of(published));
        }
        NotAfterToday(published, today, where, diagnostics);
        return diagnostics.ErrorCount == errors;
    }

    /// <summary>
    /// A correction is dated on or after the publication and the correction before it (<paramref name="previous"/>;
    /// for a new correction, the record's last), and not after today.
    /// </summary>
    public static bool CorrectionDate(Publication publication, DateOnly? previous, DateOnly date, DateOnly? today, SourceSpan where, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        var cutOff = ContentWords.Of(publication.CutOff);
        if (date < publication.Published)
        {
            diagnostics.Error(Codes.CorrectionBeforePublication, where, ContentWords.Of(date), cutOff, ContentWords.Of(publication.Published));
        }
        else if (previous is { } earlier && date < earlier)
        {
            diagnostics.Error(Codes.CorrectionBeforeEarlier, where, ContentWords.Of(date), cutOff, ContentWords.Of(earlier));
        }
        NotAfterToday(date, today, where, diagnostics);
        return diagnostics.ErrorCount == errors;
    }

    private static void NotAfterToday(DateOnly date, DateOnly? today, SourceSpan where, DiagnosticBag diagnostics)
    {
        if (today is { } now && date > now)
        {
            diagnostics.Error(Codes.DateAfterToday, where, ContentWords.Of(date), ContentWords.Of(now));
        }
    }

    /// <summary>"el indicador 8116-3 (objetivo 3)", or "el objetivo 3" for an objective's figure.</summary>
    private static string Subject(FigureKey key) =>
        key.Indicator is { } id ? $"el indicador {id} (objetivo {key.Objective})" : $"el objetivo {key.Objective}";
}
