using System.Globalization;
using System.Text;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>
/// layouts/Commitments.cshtml (compromisos/, and cortes/AAAA-MM-DD/compromisos/ as each published cut-off left them):
/// every commitment made in a lag explanation, overdue first, by objective; then one section per responsible area with
/// links to its commitments, the filter that needs no JavaScript; then the lags explained only in free text.
/// </summary>
public sealed class CommitmentsPage : Page
{
    public override string Template => "Commitments";

    /// <summary>The cut-off the states are computed at; null when the plan has none.</summary>
    public CutOff? EvaluatedAt { get; init; }

    /// <summary>compromisos_desde of the plan, when it names one.</summary>
    public DateOnly? RequiredFrom { get; init; }

    /// <summary>The commitments by objective (objective order), each group overdue first.</summary>
    public required IReadOnlyList<CommitmentGroup> ByObjective { get; init; }

    /// <summary>One group per responsible area (the commitment's area, and the indicator's when it names another), by name.</summary>
    public required IReadOnlyList<CommitmentGroup> ByArea { get; init; }

    /// <summary>Lags explained only with observaciones (before structured explanations, or without them), newest first.</summary>
    public required IReadOnlyList<FreeTextLag> FreeText { get; init; }

    public required IReadOnlyList<CommitmentStateCount> Counts { get; init; }

    public int Total => ByObjective.Sum(g => g.Commitments.Count);

    /// <summary>The indicator pages are the latest; an archived page links the latest ones too, as the other archived pages do.</summary>
    public bool Archived => Path.StartsWith("cortes/", StringComparison.Ordinal);

    public override string Description => EvaluatedAt is { } cut
        ? $"Compromisos de los indicadores con rezago del {Site.PlanName}{AsPublished}: causa, acción, área responsable, fecha comprometida y su estado al corte del {EsCo.Date(cut.Date)} (cumplido, vencido, vigente o reprogramado)."
        : $"Compromisos de los indicadores con rezago del {Site.PlanName}: aún no hay cortes publicados.";

    public override string SiteMapLabel => Archived && EvaluatedAt is { } cut ? $"Compromisos al {EsCo.Date(cut.Date)}" : "Compromisos de los rezagos";
}

/// <summary>A heading, its anchor and the commitments under it, overdue first.</summary>
public sealed record CommitmentGroup(string Heading, string Id, IReadOnlyList<CommitmentLine> Commitments, string? Objective = null)
{
    public int Overdue => Commitments.Count(c => c.Commitment.State == CommitmentState.Overdue);
}

/// <summary>A commitment as a page lists it; <paramref name="ViaIndicator"/> when it is in an area's group because the
/// indicator (not the commitment) names that area.</summary>
public sealed record CommitmentLine(Commitment Commitment, bool ViaIndicator = false)
{
    /// <summary>The anchor of the commitment's row on compromisos/.</summary>
    public string Anchor => CommitmentWords.Anchor(Commitment);
}

public sealed record CommitmentStateCount(CommitmentState State, int Count);

/// <summary>A lag explained only with observaciones: no commitment to follow up.</summary>
public sealed record FreeTextLag(Indicator Indicator, DateOnly CutOff, string Observations);

/// <summary>What a dashboard or an objective page says about commitments: how many are overdue at its cut-off, and where the list is.</summary>
public sealed record CommitmentSummary(int Overdue, int Total, string Path);

/// <summary>A commitment whose state a correction changed, in words (fe de erratas).</summary>
public sealed record CommitmentChangeLine(int Objective, string What, string Before, string After, DateOnly Date);

/// <summary>The Spanish words of commitments, and how pages group and order them.</summary>
public static class CommitmentWords
{
    /// <summary>The order pages list states in: overdue first.</summary>
    public static IReadOnlyList<CommitmentState> Order { get; } =
        [CommitmentState.Overdue, CommitmentState.Open, CommitmentState.Rescheduled, CommitmentState.Met];

    public static string State(CommitmentState state) => state switch
    {
        CommitmentState.Met => "Cumplido",
        CommitmentState.Overdue => "Vencido",
        CommitmentState.Open => "Vigente",
        CommitmentState.Rescheduled => "Reprogramado",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>"3 vencidos", "1 vigente": a count of commitments in a state, in words.</summary>
    public static string Count(CommitmentState state, int count)
    {
        var word = StateValue(state);
        return count == 1 ? $"1 {word}" : $"{EsCo.Integer(count)} {word}s";
    }

    /// <summary>The lowercase word, as the open data writes it: cumplido, vencido, vigente, reprogramado.</summary>
    public static string StateValue(CommitmentState state) => State(state).ToLowerInvariant();

    public static string StateValue(CommitmentState? state) => state is { } s ? StateValue(s) : "sin compromiso";

    public static string StateClass(CommitmentState state) => state switch
    {
        CommitmentState.Met => "compromiso-cumplido",
        CommitmentState.Overdue => "compromiso-vencido",
        CommitmentState.Open => "compromiso-vigente",
        _ => "compromiso-reprogramado",
    };

    /// <summary>Why the commitment has its state, in one sentence.</summary>
    public static string Reason(Commitment c) => c.State switch
    {
        CommitmentState.Met => $"Al corte del {EsCo.Date(c.ClosedAt!.Value)}, en la fecha comprometida o antes, el indicador ya no estaba en rezago.",
        CommitmentState.Overdue when c.ClosedAt is { } closed =>
            $"El rezago se superó al corte del {EsCo.Date(closed)}, después de la fecha comprometida ({EsCo.Date(c.Due)}).",
        CommitmentState.Overdue => $"La fecha comprometida ({EsCo.Date(c.Due)}) pasó y al corte del {EsCo.Date(c.EvaluatedAt)} el indicador sigue en rezago.",
        CommitmentState.Open => $"La fecha comprometida ({EsCo.Date(c.Due)}) es posterior al corte del {EsCo.Date(c.EvaluatedAt)}; el indicador sigue en rezago.",
        _ => $"Al corte del {EsCo.Date(c.RescheduledAt!.Value)} se comprometió una nueva fecha, el {EsCo.Date(c.NewDue!.Value)}, en lugar del {EsCo.Date(c.Due)}.",
    };

    public static string Anchor(Commitment c) => "compromiso-" + c.Key;

    /// <summary>The name an area is compared by: spaces collapsed, case ignored.</summary>
    public static string AreaKey(string area) => string.Join(' ', area.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>An ASCII anchor for an area: "area-subsecretaria-corporativa".</summary>
    public static string AreaAnchor(string area)
    {
        var text = new StringBuilder("area-");
        foreach (var ch in AreaKey(area).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            text.Append(ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch : '-');
        }
        var anchor = text.ToString();
        while (anchor.Contains("--", StringComparison.Ordinal))
        {
            anchor = anchor.Replace("--", "-", StringComparison.Ordinal);
        }
        return anchor.TrimEnd('-');
    }

    /// <summary>Commitments overdue first, then by date due, objective and indicator.</summary>
    public static IEnumerable<Commitment> Sorted(IEnumerable<Commitment> commitments) =>
        commitments.OrderBy(c => Rank(c.State)).ThenBy(c => c.Due).ThenBy(c => c.ObjectiveNumber).ThenBy(c => c.Indicator.Id, StringComparer.Ordinal).ThenBy(c => c.MadeAt);

    private static int Rank(CommitmentState state)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == state)
            {
                return i;
            }
        }
        return Order.Count;
    }

    /// <summary>The compromisos/ page (or a cut-off's) with the commitments evaluated at that cut-off.</summary>
    internal static CommitmentsPage Page(Plan plan, CutOffReport? shown, IReadOnlyList<CutOffReport> upTo, IReadOnlyList<Commitment> commitments, SiteInfo site, string path, IReadOnlyList<Crumb> breadcrumbs)
    {
        var archived = path.StartsWith("cortes/", StringComparison.Ordinal);
        var byObjective = plan.Objectives
            .Select(o => new CommitmentGroup($"Objetivo {o.Number}. {o.Title}", $"objetivo-{o.Number.ToString(CultureInfo.InvariantCulture)}",
                Sorted(commitments.Where(c => c.ObjectiveNumber == o.Number)).Select(c => new CommitmentLine(c)).ToList()))
            .Where(g => g.Commitments.Count > 0)
            .ToList();
        // An area's group: the commitments it answers for, and those of the indicators it is responsible for.
        var areas = new Dictionary<string, (string Name, List<CommitmentLine> Lines)>(StringComparer.Ordinal);
        var listed = new HashSet<(string Area, string Commitment)>();
        void Add(string area, CommitmentLine line)
        {
            var key = AreaKey(area);
            if (!areas.TryGetValue(key, out var group))
            {
                areas[key] = group = (area.Trim(), []);
            }
            if (listed.Add((key, line.Commitment.Key)))
            {
                group.Lines.Add(line);
            }
        }
        // Every area an indicator names has its section, even without commitments: indicator pages link to it.
        foreach (var area in plan.Indicators.Select(i => i.Responsible).OfType<string>().Where(a => a.Trim().Length > 0))
        {
            areas.TryAdd(AreaKey(area), (area.Trim(), []));
        }
        foreach (var commitment in Sorted(commitments))
        {
            Add(commitment.Responsible, new CommitmentLine(commitment));
        }
        foreach (var commitment in Sorted(commitments))
        {
            if (commitment.Indicator.Responsible is { Length: > 0 } area && AreaKey(area) != AreaKey(commitment.Responsible))
            {
                Add(area, new CommitmentLine(commitment, ViaIndicator: true));
            }
        }
        var byArea = areas.Values
            .OrderBy(a => a.Name, StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), CompareOptions.IgnoreCase))
            .Select(a => new CommitmentGroup(a.Name, AreaAnchor(a.Name), a.Lines.OrderBy(l => l.ViaIndicator).ThenBy(l => Rank(l.Commitment.State)).ThenBy(l => l.Commitment.Due).ToList()))
            .ToList();
        var freeText = upTo
            .SelectMany(c => c.Objectives.SelectMany(o => o.Indicators).Select(i => (c.CutOff, Progress: i)))
            .Where(x => x.Progress.Status == Status.Lagging && x.Progress.Measurement.Explanation is not { IsComplete: true } &&
                !string.IsNullOrWhiteSpace(x.Progress.Measurement.Observations))
            .Select(x => new FreeTextLag(x.Progress.Indicator, x.CutOff.Date, x.Progress.Measurement.Observations!))
            .OrderByDescending(l => l.CutOff).ThenBy(l => l.Indicator.ObjectiveNumber).ThenBy(l => l.Indicator.Id, StringComparer.Ordinal)
            .ToList();
        return new CommitmentsPage
        {
            Path = path,
            Title = archived && shown is not null
                ? $"Compromisos al {EsCo.Date(shown.CutOff.Date)} — {plan.Name}"
                : $"Compromisos de los rezagos — {plan.Name}",
            Site = site,
            Section = archived ? Section.CutOffs : Section.Commitments,
            Breadcrumbs = breadcrumbs,
            EvaluatedAt = shown?.CutOff,
            RequiredFrom = plan.CommitmentsFrom,
            ByObjective = byObjective,
            ByArea = byArea,
            FreeText = freeText,
            Counts = Order.Select(s => new CommitmentStateCount(s, commitments.Count(c => c.State == s))).ToList(),
        };
    }

    /// <summary>Each correction's changes to commitments, in words, for the fe de erratas.</summary>
    internal static List<CommitmentChangeLine> Changes(IEnumerable<CommitmentChange> changes) =>
        changes.Select(c => new CommitmentChangeLine(
            c.Commitment.ObjectiveNumber,
            $"Objetivo {c.Commitment.ObjectiveNumber}, indicador {Formatting.IndicatorLabel.Short(c.Commitment.Indicator)}: compromiso del corte del {EsCo.Date(c.Commitment.MadeAt)} con fecha {EsCo.Date(c.Commitment.Due)}",
            c.Before is { } b ? State(b) : "Sin compromiso (el indicador no estaba en rezago)",
            c.After is { } a ? State(a) : "Sin compromiso (el indicador ya no está en rezago)",
            c.CorrectedOn)).ToList();
}

/// <summary>The model of the _Overdue partial: a page and what it says about its commitments.</summary>
public sealed record CommitmentNote(Page Page, CommitmentSummary Summary, string Scope);

/// <summary>The model of the _CommitmentErrata partial: the commitments a cut-off's corrections changed, on a page.</summary>
public sealed record CommitmentErrata(Page Page, IReadOnlyList<CommitmentChangeLine> Changes);
