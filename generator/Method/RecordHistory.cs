using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>The publication records at a base (a git ref, for validate --base and diff --base).</summary>
/// <param name="Ref">The base as given ("origin/main"), as diagnostics name it.</param>
public sealed record RecordBase(string Ref, IReadOnlyList<Publication> Publications);

/// <summary>
/// One change to the publication records between a base and the content: what changed, before and after, and the
/// refusal when it is not an append that corregir or publicar would make.
/// </summary>
/// <param name="Record">The record's file as diagnostics name it.</param>
/// <param name="Subject">What changed, in Spanish ("el ejecutado del indicador 4199 (objetivo 3), publicado").</param>
/// <param name="Refusal">The error validate --base gives; null for an admitted change (a new record or correction).</param>
public sealed record RecordChange(DateOnly CutOff, string Record, string Subject, string Before, string After, Diagnostic? Refusal);

/// <summary>
/// Published records are append-only: against the records at a base, the content may add a record (publicar) and
/// append corrections at the end of a record (corregir); anything else is refused, each change at its line in the
/// record: a figure as first published changed, added or removed; the publication date changed; a correction removed,
/// altered (its date, reason or figures) or moved; a record deleted or renamed; a published cut-off put back to
/// borrador or removed from plan.yaml. Records are compared as loaded, not as text, so layout and comments may change.
/// Whether an appended correction is dated and shaped as corregir writes it is <see cref="RecordRules"/>' concern.
/// </summary>
public static class RecordHistory
{
    /// <summary>Adds to <paramref name="diagnostics"/> every refused change.</summary>
    /// <param name="content">How the content folder is named in diagnostics (for a record that is gone).</param>
    public static void Check(RecordBase before, Plan plan, string content, DiagnosticBag diagnostics)
    {
        var unreadable = before.Publications.Select(p => ContentLayout.RecordPath(content, p.CutOff)).Where(diagnostics.HasErrorsIn).ToHashSet();
        foreach (var change in Compare(before, plan, content, unreadable))
        {
            if (change.Refusal is { } refusal)
            {
                diagnostics.Add(refusal);
            }
        }
    }

    /// <param name="unreadable">Records that are there but did not load (their errors already said why): not reported as gone.</param>
    public static IReadOnlyList<RecordChange> Compare(RecordBase before, Plan plan, string content, IReadOnlySet<string>? unreadable = null)
    {
        unreadable ??= new HashSet<string>();
        var changes = new List<RecordChange>();
        var baseRef = before.Ref;
        foreach (var old in before.Publications.OrderBy(p => p.CutOff))
        {
            var date = ContentWords.Of(old.CutOff);
            var record = ContentLayout.RecordPath(content, old.CutOff);
            if (plan.PublicationOf(old.CutOff) is not { } now)
            {
                if (unreadable.Contains(record))
                {
                    continue; // there, but it did not load: its own diagnostics say why
                }
                changes.Add(Refused(old.CutOff, record, "el registro", "publicado", "no está", new SourceSpan(record, 1, 1), Codes.RecordDeleted, date, baseRef));
                switch (plan.CutOffs.FirstOrDefault(c => c.Date == old.CutOff))
                {
                    case null:
                        changes.Add(Refused(old.CutOff, ContentLayout.PlanPath(content), "el corte en plan.yaml", "publicado", "no está",
                            new SourceSpan(ContentLayout.PlanPath(content), 1, 1), Codes.PublishedCutOffWithdrawn, date, baseRef, "ya no está en la lista 'cortes' de plan.yaml"));
                        break;
                    case { Draft: true } draft:
                        changes.Add(Refused(old.CutOff, draft.Where.File, "el corte en plan.yaml", "publicado", "borrador",
                            draft.Where, Codes.PublishedCutOffWithdrawn, date, baseRef, "volvió a 'borrador: true'"));
                        break;
                }
                continue;
            }
            record = now.Where.File;
            if (now.Published != old.Published)
            {
                var (a, b) = (ContentWords.Of(old.Published), ContentWords.Of(now.Published));
                changes.Add(Refused(old.CutOff, record, "la fecha de publicación", a, b, now.PublishedWhere ?? now.Where, Codes.PublicationDateChanged, date, baseRef, a, b));
            }
            foreach (var (key, was, @is, where) in Figures(old.FirstPublished, now.FirstPublished, now.FiguresWhere ?? now.Where))
            {
                changes.Add(Refused(old.CutOff, record, "cifra publicada: " + PublicationCheck.Describe(key), was, @is, where, Codes.RecordFigureChanged, date, PublicationCheck.Describe(key), baseRef, was, @is));
            }
            Corrections(old, now, baseRef, record, changes);
        }
        foreach (var added in plan.Publications.Where(p => before.Publications.All(b => b.CutOff != p.CutOff)).OrderBy(p => p.CutOff))
        {
            changes.Add(new RecordChange(added.CutOff, added.Where.File, "el registro (publicación nueva)", "no existía", $"publicado el {ContentWords.Of(added.Published)}", null));
        }
        return changes;
    }

    /// <summary>The base's corrections must be the first ones of the record, unchanged and in order; the rest are appended.</summary>
    private static void Corrections(Publication old, Publication now, string baseRef, string record, List<RecordChange> changes)
    {
        var date = ContentWords.Of(old.CutOff);
        for (var i = 0; i < old.Corrections.Count; i++)
        {
            var was = old.Corrections[i];
            var day = ContentWords.Of(was.Date);
            if (i < now.Corrections.Count && Same(was, now.Corrections[i]))
            {
                continue;
            }
            var moved = Enumerable.Range(0, now.Corrections.Count).FirstOrDefault(j => j != i && Same(was, now.Corrections[j]), -1);
            if (moved >= 0)
            {
                changes.Add(Refused(old.CutOff, record, $"la corrección del {day}", $"{i + 1}.ª", $"{moved + 1}.ª", now.Corrections[moved].Where,
                    Codes.CorrectionMoved, date, day, baseRef, i + 1, moved + 1));
            }
            else if (i < now.Corrections.Count && !old.Corrections.Any(c => Same(c, now.Corrections[i])))
            {
                Altered(old.CutOff, was, now.Corrections[i], baseRef, record, changes);
            }
            else
            {
                changes.Add(Refused(old.CutOff, record, $"la corrección del {day}", "registrada", "no está", now.CorrectionsWhere ?? now.Where,
                    Codes.CorrectionRemoved, date, day, was.Reason, baseRef));
            }
        }
        foreach (var appended in now.Corrections.Skip(old.Corrections.Count).Where(c => !old.Corrections.Any(o => Same(o, c))))
        {
            var figures = appended.Figures.Count;
            changes.Add(new RecordChange(old.CutOff, record, $"la corrección del {ContentWords.Of(appended.Date)} (nueva)", "no existía",
                figures == 1 ? "1 cifra" : $"{figures} cifras", null));
        }
    }

    /// <summary>One refusal per difference between a correction at the base and the one in its place now.</summary>
    private static void Altered(DateOnly cutOff, Correction was, Correction now, string baseRef, string record, List<RecordChange> changes)
    {
        var date = ContentWords.Of(cutOff);
        var day = ContentWords.Of(was.Date);
        void Add(string what, string before, string after, SourceSpan where) =>
            changes.Add(Refused(cutOff, record, $"{what} de la corrección del {day}", before, after, where, Codes.CorrectionChanged, date, day, what, baseRef, before, after));
        if (was.Date != now.Date)
        {
            Add("la fecha", day, ContentWords.Of(now.Date), now.DateWhere ?? now.Where);
        }
        if (was.Reason != now.Reason)
        {
            Add("el motivo", $"«{was.Reason}»", $"«{now.Reason}»", now.ReasonWhere ?? now.Where);
        }
        var figuresWhere = now.Figures.Count > 0 ? now.Figures[0].Where : now.Where;
        foreach (var (key, before, after, where) in Figures(ByKey(was.Figures), ByKey(now.Figures), figuresWhere))
        {
            Add(PublicationCheck.Describe(key), before, after, where);
        }
    }

    /// <summary>Every figure that differs between two sets, with its value before and after ("no está" where it is missing), at its line now.</summary>
    private static IEnumerable<(FigureKey Key, string Before, string After, SourceSpan Where)> Figures(
        IReadOnlyDictionary<FigureKey, RecordedFigure> before, IReadOnlyDictionary<FigureKey, RecordedFigure> after, SourceSpan gone)
    {
        foreach (var (key, was) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                yield return (key, PublicationCheck.Value(key, was.Value), "no está", gone);
            }
            else if (now.Value != was.Value)
            {
                yield return (key, PublicationCheck.Value(key, was.Value), PublicationCheck.Value(key, now.Value), now.Where);
            }
        }
        foreach (var (key, now) in after.Where(a => !before.ContainsKey(a.Key)).OrderBy(a => a.Value.Where.Line))
        {
            yield return (key, "no está", PublicationCheck.Value(key, now.Value), now.Where);
        }
    }

    private static Dictionary<FigureKey, RecordedFigure> ByKey(IReadOnlyList<RecordedFigure> figures)
    {
        var result = new Dictionary<FigureKey, RecordedFigure>();
        foreach (var figure in figures)
        {
            result[figure.Key] = figure;
        }
        return result;
    }

    /// <summary>The same correction: date, reason and figures (in any order and layout).</summary>
    private static bool Same(Correction a, Correction b) =>
        a.Date == b.Date && a.Reason == b.Reason && a.Figures.Count == b.Figures.Count &&
        a.Figures.All(f => b.Figures.Any(g => g.Key == f.Key && g.Value == f.Value));

    private static RecordChange Refused(DateOnly cutOff, string record, string subject, string before, string after, SourceSpan where, DiagnosticCode code, params object[] args) =>
        new(cutOff, record, subject, before, after, new Diagnostic(code.Code, Severity.Error, where, code.Format(args)));
}
