using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>layouts/CutOffs.cshtml: every cut-off shown, newest first, with its title and publication date.</summary>
public sealed class CutOffsPage : Page
{
    public override string Template => "CutOffs";
    public required IReadOnlyList<CutOffEntry> CutOffs { get; init; }
}

/// <summary>A cut-off in the archive: its link, the day it was published (null when no record says) and whether it was corrected.</summary>
public sealed record CutOffEntry(CutOffLink Link, DateOnly? Published, bool Corrected, bool Draft);
