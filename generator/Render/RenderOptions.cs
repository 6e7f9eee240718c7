namespace Pei.Site.Render;

/// <summary>How <see cref="SiteRenderer.Files"/> renders: what build publishes, or what serve previews.</summary>
public sealed record RenderOptions
{
    /// <summary>Preview (serve): a draft cut-off shown by the site carries a visible "BORRADOR" banner.</summary>
    public bool Preview { get; init; }

    /// <summary>Lines of diagnostics shown as a banner on every page (serve); empty in build.</summary>
    public IReadOnlyList<string> Banner { get; init; } = [];

    /// <summary>
    /// An extra same-origin script every page references (e.g. live reload); null in build.
    /// A path starting with "/" is used as is; any other is taken relative to the site root.
    /// </summary>
    public string? ExtraScript { get; init; }

    /// <summary>The site's public address (build --base-url, or 'url' in plan.yaml), ending with '/'; null when unknown.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The cut-offs whose PDF report the build prints (build --pdf); empty otherwise.</summary>
    public IReadOnlySet<DateOnly> Reports { get; init; } = new HashSet<DateOnly>();
}
