using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>
/// A cut-off among the published ones: the one before and after (null at the ends), whether it is the latest,
/// and its dashboard's permanent address.
/// </summary>
public sealed record CutOffTimeline(CutOffLink Current, CutOffLink? Previous, CutOffLink? Next, bool IsLatest);

/// <summary>A cut-off as a link: its date, title and permanent dashboard address.</summary>
public sealed record CutOffLink(DateOnly Date, string? Title, string Path);

/// <summary>One line of a fe de erratas, ready to print: which figure, as published, as corrected, when and why.</summary>
public sealed record ErratumLine(int Objective, string What, string Figure, string Published, string Corrected, DateOnly Date, string Reason);

/// <summary>The model of the _Timeline partial: the page linking, its cut-off's neighbours and where each leads on that page.</summary>
public sealed record TimelineLinks(Page Page, CutOffTimeline Timeline, string? PreviousPath, string? NextPath);
