using System.Globalization;
using System.Text;
using Pei.Site.Text;

namespace Pei.Site.Render.Charts;

/// <summary>
/// Writes a <see cref="LineChart"/> as inline SVG: deterministic, culture-invariant coordinates, every text escaped,
/// no style attribute (colours come from the stylesheet's classes, with currentColor as the fallback, so forced-colors
/// and print read it), role="img" named by its &lt;title&gt; and described by the summary beside it.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 300;
    private const int Left = 72;
    private const int Right = 16;
    private const int Top = 56;
    private const int Bottom = 44;
    private const int PlotWidth = Width - Left - Right;
    private const int PlotHeight = Height - Top - Bottom;
    private const int Steps = 4;
    private const decimal MarkerSize = 5m;

    /// <summary>The chart's SVG; its title and the summary element (rendered by the page) carry the ids in the result.</summary>
    public static RenderedChart Render(LineChart chart) => new(chart, TitleId(chart), SummaryId(chart), chart.Summary);

    private static string TitleId(LineChart chart) => chart.Id + "-titulo";

    private static string SummaryId(LineChart chart) => chart.Id + "-resumen";

    /// <summary>The chart's SVG markup as a string.</summary>
    public static string Markup(LineChart chart)
    {
        var svg = new StringBuilder(8 * 1024);
        Build(svg, chart);
        return svg.ToString();
    }

    /// <summary>
    /// The chart's SVG markup written into <paramref name="writer"/> (a page being rendered) through a builder of this
    /// thread: as a string per chart, the charts were the largest allocation of a build.
    /// </summary>
    public static void Write(LineChart chart, TextWriter writer)
    {
        var svg = _idle ?? new StringBuilder(8 * 1024);
        _idle = null;
        svg.Clear();
        Build(svg, chart);
        foreach (var chunk in svg.GetChunks())
        {
            writer.Write(chunk.Span);
        }
        _idle = svg;
    }

    [ThreadStatic]
    private static StringBuilder? _idle;

    private static void Build(StringBuilder svg, LineChart chart)
    {
        var titleId = TitleId(chart);
        var summaryId = SummaryId(chart);
        var max = NiceMaximum(chart.Series.SelectMany(s => s.Points).Select(p => p.Value ?? 0m)
            .Append(chart.Reference?.Value ?? 0m).Max());
        var step = max / Steps;
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"grafica\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{titleId}\" aria-describedby=\"{summaryId}\" focusable=\"false\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Escape(chart.Title)}</title>\n");

        // Grid and value axis.
        svg.Append("<g class=\"grafica-ejes\" font-size=\"12\" fill=\"currentColor\">\n");
        for (var i = 0; i <= Steps; i++)
        {
            var value = step * i;
            var y = Y(value, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grafica-guia\" x1=\"{Left}\" y1=\"{N(y)}\" x2=\"{Width - Right}\" y2=\"{N(y)}\" stroke=\"currentColor\" stroke-width=\"{(i == 0 ? "1.5" : "0.5")}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{Escape(chart.AxisText(value))}</text>\n");
        }
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var x = X(i, chart.Categories.Count);
            var category = chart.Categories[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Escape(category.Line)}</text>\n");
            if (category.SecondLine is { } second)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{Height - Bottom + 34}\" text-anchor=\"middle\">{Escape(second)}</text>\n");
            }
        }
        svg.Append("</g>\n");

        if (chart.Reference is { } reference)
        {
            var y = Y(reference.Value, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grafica-referencia\" x1=\"{Left}\" y1=\"{N(y)}\" x2=\"{Width - Right}\" y2=\"{N(y)}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>\n");
        }

        foreach (var series in chart.Series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"grafica-serie grafica-serie-{series.Style}\" stroke=\"currentColor\" fill=\"currentColor\">\n");
            foreach (var run in Runs(series.Points))
            {
                if (run.Count > 1)
                {
                    svg.Append("<polyline class=\"grafica-linea\" points=\"");
                    for (var k = 0; k < run.Count; k++)
                    {
                        var i = run[k];
                        svg.Append(CultureInfo.InvariantCulture, $"{(k == 0 ? "" : " ")}{N(X(i, chart.Categories.Count))},{N(Y(series.Points[i].Value!.Value, max))}");
                    }
                    svg.Append("\" fill=\"none\" stroke-width=\"2.5\"/>\n");
                }
            }
            for (var i = 0; i < series.Points.Count; i++)
            {
                if (series.Points[i] is not { Value: { } value } point)
                {
                    continue;
                }
                var x = X(i, chart.Categories.Count);
                var y = Y(value, max);
                Marker(svg, point.Shape, x, y).Append('\n');
                if (point.Corrected)
                {
                    Frame(svg, x, y).Append('\n');
                }
                if (chart.LabelPoints)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"grafica-valor\" x=\"{N(x)}\" y=\"{N(y - 10)}\" text-anchor=\"middle\" font-size=\"11\" stroke=\"none\">{Escape(point.Text)}</text>\n");
                }
            }
            svg.Append("</g>\n");
        }

        Legend(svg, chart);
        svg.Append("</svg>");
    }

    /// <summary>The legend along the top: a sample of each series, the reference line and any extra marker meanings.</summary>
    private static void Legend(StringBuilder legend, LineChart chart)
    {
        var entries = chart.Series.Select(s => (Kind: "serie", Style: s.Style, Shape: (MarkerShape?)s.Shape, Text: s.Name))
            .Concat(chart.Reference is { } r ? [("referencia", "", null, r.Label)] : [])
            .Concat(chart.Legend.Select(l => (l.Framed ? "corregido" : "marca", l.Style, (MarkerShape?)l.Shape, l.Text)))
            .ToList();
        legend.Append("<g class=\"grafica-leyenda\" font-size=\"12\" fill=\"currentColor\" stroke=\"currentColor\">\n");
        decimal x = Left, y = 16;
        foreach (var (kind, style, shape, text) in entries)
        {
            var width = 34m + 7m * text.Length;
            if (x + width > Width - Right && x > Left)
            {
                x = Left;
                y += 20;
            }
            var group = kind is "serie" or "marca" or "corregido" ? $"grafica-serie grafica-serie-{style}" : "grafica-referencia";
            legend.Append(CultureInfo.InvariantCulture, $"<g class=\"{group}\">");
            if (kind == "serie")
            {
                legend.Append(CultureInfo.InvariantCulture, $"<line class=\"grafica-linea\" x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 24)}\" y2=\"{N(y)}\" stroke-width=\"2.5\"/>");
            }
            else if (kind == "referencia")
            {
                legend.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 24)}\" y2=\"{N(y)}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>");
            }
            if (shape is { } s)
            {
                Marker(legend, s, x + 12, y);
                if (kind == "corregido")
                {
                    Frame(legend, x + 12, y);
                }
            }
            legend.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 30)}\" y=\"{N(y + 4)}\" stroke=\"none\" fill=\"currentColor\">{Escape(text)}</text></g>\n");
            x += width;
        }
        legend.Append("</g>\n");
    }

    private static StringBuilder Marker(StringBuilder svg, MarkerShape shape, decimal x, decimal y) => shape switch
    {
        MarkerShape.Square => svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"grafica-marca\" x=\"{N(x - MarkerSize)}\" y=\"{N(y - MarkerSize)}\" width=\"{N(2 * MarkerSize)}\" height=\"{N(2 * MarkerSize)}\" stroke-width=\"2\"/>"),
        MarkerShape.TriangleDown => svg.Append(CultureInfo.InvariantCulture, $"<path class=\"grafica-marca\" d=\"M{N(x - 6)} {N(y - 5)}H{N(x + 6)}L{N(x)} {N(y + 6)}Z\" stroke-width=\"1.5\"/>"),
        MarkerShape.Diamond => svg.Append(CultureInfo.InvariantCulture, $"<path class=\"grafica-marca\" d=\"M{N(x)} {N(y - 7)}L{N(x + 7)} {N(y)}L{N(x)} {N(y + 7)}L{N(x - 7)} {N(y)}Z\" stroke-width=\"1.5\"/>"),
        _ => svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"grafica-marca\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(MarkerSize)}\" stroke-width=\"1.5\"/>"),
    };

    /// <summary>The square drawn around a corrected point's marker, hollow, so the marker's own shape still shows.</summary>
    private static StringBuilder Frame(StringBuilder svg, decimal x, decimal y) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"grafica-corregido\" x=\"{N(x - 10)}\" y=\"{N(y - 10)}\" width=\"20\" height=\"20\" fill=\"none\" stroke-width=\"1.5\"/>");

    /// <summary>Consecutive indices with a value: a missing value breaks the line.</summary>
    private static List<List<int>> Runs(IReadOnlyList<ChartPoint> points)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is null)
            {
                current = null;
                continue;
            }
            if (current is null)
            {
                current = [];
                runs.Add(current);
            }
            current.Add(i);
        }
        return runs;
    }

    private static decimal X(int index, int count) => Left + PlotWidth * (2m * index + 1m) / (2m * count);

    private static decimal Y(decimal value, decimal max) => Top + PlotHeight - PlotHeight * Math.Clamp(value, 0m, max) / max;

    /// <summary>The smallest round step (1, 1.5, 2, 2.5, 3 or 5 × 10ⁿ) times <see cref="Steps"/> at or above the largest value.</summary>
    public static decimal NiceMaximum(decimal largest)
    {
        if (largest <= 0m)
        {
            return Steps;
        }
        var magnitude = 1m;
        while (magnitude * Steps * 10m <= largest)
        {
            magnitude *= 10m;
        }
        while (magnitude > largest && magnitude > 0.0001m)
        {
            magnitude /= 10m;
        }
        foreach (var factor in new[] { 1m, 1.5m, 2m, 2.5m, 3m, 5m, 10m })
        {
            if (magnitude * factor * Steps >= largest)
            {
                return magnitude * factor * Steps;
            }
        }
        return magnitude * 10m * Steps;
    }

    /// <summary>A coordinate with at most two decimals and a dot, whatever the culture.</summary>
    private static Coordinate N(decimal value) => new(value);

    /// <summary>
    /// A coordinate as the interpolations write it: formatted straight into the chart's builder. As a string per
    /// coordinate, the charts allocated more than every other part of the pages together.
    /// </summary>
    private readonly struct Coordinate(decimal value) : ISpanFormattable
    {
        private readonly decimal _rounded = Precision.Round(value);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            _rounded.TryFormat(destination, out charsWritten, "0.##", CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) => _rounded.ToString("0.##", CultureInfo.InvariantCulture);

        public override string ToString() => ToString(null, null);
    }

    /// <summary>Text for SVG content inside HTML: markup characters escaped.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
