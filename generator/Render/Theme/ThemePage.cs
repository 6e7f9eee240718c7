using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Pei.Site.Method;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.Markdown;
using Pei.Site.Text;
using RazorLight;

namespace Pei.Site.Render.Theme;

/// <summary>
/// The base class of every theme template (<c>@inherits Pei.Site.Render.Theme.ThemePage&lt;TModel&gt;</c>):
/// the model plus the few HTML pieces templates need, so they format through <see cref="EsCo"/> and never compute.
/// </summary>
public abstract class ThemePage<TModel> : TemplatePage<TModel>, IThemePage
{
    /// <summary>The theme rendering this page; set by <see cref="ThemeTemplates"/> on every page it renders or includes.</summary>
    ThemeTemplates? IThemePage.Templates { get; set; }

    /// <summary>The Markdown of the site being rendered, each text rendered once; set with <see cref="IThemePage.Templates"/>.</summary>
    RenderedMarkdown? IThemePage.Markdown { get; set; }

    /// <summary>
    /// Renders the template <paramref name="key"/> with <paramref name="model"/> here. RazorLight's own include calls the
    /// template through a dynamic call site, whose binder costs about a tenth of a second to start in every process;
    /// this one goes through the theme, typed, with the same output.
    /// </summary>
    public new async Task IncludeAsync(string key, object? model = null)
    {
        if (((IThemePage)this).Templates is { } templates)
        {
            WriteLiteral(templates.RenderPartial(key, model, ((IThemePage)this).Markdown));
            return;
        }
        await base.IncludeAsync(key, model);
    }

    /// <summary>Encodes markup characters only: Spanish letters stay readable in the output.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly HtmlString NoValue =
        new("<span class=\"sin-dato\"><span aria-hidden=\"true\">—</span><span class=\"visualmente-oculto\">sin dato</span></span>");

    protected ThemePage()
    {
        HtmlEncoder = Encoder;
    }

    /// <summary>Author Markdown rendered safely; its highest heading becomes &lt;h<paramref name="topHeadingLevel"/>&gt;.</summary>
    public IHtmlContent Markdown(string? markdown, int topHeadingLevel = 2) =>
        new HtmlString(((IThemePage)this).Markdown is { } rendered ? rendered.ToHtml(markdown, topHeadingLevel) : SafeMarkdown.ToHtml(markdown, topHeadingLevel));

    /// <summary>The text, or a dash that screen readers read as "sin dato".</summary>
    public IHtmlContent OrNone(string? text) =>
        string.IsNullOrWhiteSpace(text) ? NoValue : new HtmlString(Encoder.Encode(text));

    public IHtmlContent Percent(decimal? value) => OrNone(value is { } v ? EsCo.Percent(v) : null);

    public IHtmlContent Magnitude(decimal? value, Model.Unit unit) => OrNone(value is { } v ? EsCo.Magnitude(v, unit) : null);

    public IHtmlContent Number(decimal? value) => OrNone(value is { } v ? EsCo.Number(v) : null);

    /// <summary>
    /// " (corregido; publicado 87,20 %)" after a figure a correction changed, "corregido" linking to its cut-off's fe de
    /// erratas: words, not colour, so screen readers read it and print keeps it; nothing when the figure was never corrected.
    /// </summary>
    public static IHtmlContent Corrected(Pages.Page page, CorrectedFigure? figure) => figure is null
        ? HtmlString.Empty
        : new HtmlString($" <span class=\"corregido\">(<a href=\"{Encoder.Encode(page.ErrataHref(figure))}\">corregido</a>; {Encoder.Encode(figure.PublishedWords)})</span>");

    /// <summary>The value a &lt;meter&gt; shows: the figure capped to 0–100 (the text beside it prints the real number).</summary>
    public static string MeterValue(decimal value) => EsCo.Attribute(Math.Clamp(value, 0m, 100m));

    /// <summary>A chart's SVG markup, built and escaped by <see cref="Charts.SvgChart"/>: a drawing per range of screen widths.</summary>
    public static IHtmlContent Svg(Charts.RenderedChart chart) => new ChartMarkup(chart, null);

    /// <summary>A chart's drawing for print only (<see cref="Charts.SvgChart.Printed"/>), for the PDF report.</summary>
    public static IHtmlContent PrintedSvg(Charts.RenderedChart chart) => new ChartMarkup(chart, Charts.SvgChart.Printed);

    /// <summary>A chart written straight into the page when RazorLight writes its buffers out.</summary>
    private sealed class ChartMarkup(Charts.RenderedChart chart, Charts.ChartFrame? only) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => chart.WriteSvg(writer, only);
    }

    public static string Date(DateOnly date) => EsCo.Date(date);

    public static string IsoDate(DateOnly date) => EsCo.IsoDate(date);

    public static string Status(Status status) => Vocabulary.Status(status);

    public static string ObjectiveStatus(Status status) => Vocabulary.ObjectiveStatus(status);

    public static string StatusClass(Status status) => Vocabulary.StatusClass(status);
}

/// <summary>What every theme page is, whatever its model: a page <see cref="ThemeTemplates"/> can hand itself to.</summary>
internal interface IThemePage
{
    ThemeTemplates? Templates { get; set; }

    RenderedMarkdown? Markdown { get; set; }
}
