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
    /// <summary>
    /// The chart is drawn once for each range of widths, and the stylesheet shows the one that fits the screen: each
    /// frame's text stays at least 12 CSS px across its range (frame width ÷ narrowest content width × font size), and
    /// its labels are placed for its own geometry, so none overlaps another. The page prints <see cref="Printed"/>.
    /// </summary>
    public static readonly IReadOnlyList<ChartFrame> Frames =
    [
        new("estrecha", 300, 14m, 180),
        new("media", 480, 14m, 200),
        new("ancha", 740, 13m, 220),
        new("completa", 1000, 13m, 240),
    ];

    /// <summary>The frame a printed page shows (A4 landscape holds about 1000 CSS px).</summary>
    public static ChartFrame Printed => Frames[2];

    private const decimal MarkerSize = 5m;
    private const decimal Right = 12m;

    /// <summary>The chart's SVG; its title and the summary element (rendered by the page) carry the ids in the result.</summary>
    public static RenderedChart Render(LineChart chart) => new(chart, TitleId(chart, Frames[0]), SummaryId(chart), chart.Summary);

    private static string TitleId(LineChart chart, ChartFrame frame) => $"{chart.Id}-titulo-{frame.Name}";

    private static string SummaryId(LineChart chart) => chart.Id + "-resumen";

    /// <summary>The chart's SVG markup as a string: one &lt;svg&gt; per frame, or only <paramref name="only"/>.</summary>
    public static string Markup(LineChart chart, ChartFrame? only = null)
    {
        var svg = new StringBuilder(16 * 1024);
        var scale = Scale.Of(chart);
        foreach (var frame in only is null ? Frames : [only])
        {
            Build(svg, chart, scale, frame);
        }
        return svg.ToString();
    }

    /// <summary>
    /// The chart's SVG markup written into <paramref name="writer"/> (a page being rendered) through a builder of this
    /// thread: as a string per chart, the charts were the largest allocation of a build.
    /// </summary>
    public static void Write(LineChart chart, TextWriter writer, ChartFrame? only = null)
    {
        var svg = _idle ?? new StringBuilder(16 * 1024);
        _idle = null;
        var scale = Scale.Of(chart);
        foreach (var frame in only is null ? Frames : [only])
        {
            svg.Clear();
            Build(svg, chart, scale, frame);
            foreach (var chunk in svg.GetChunks())
            {
                writer.Write(chunk.Span);
            }
        }
        _idle = svg;
    }

    [ThreadStatic]
    private static StringBuilder? _idle;

    /// <summary>A rectangle of the drawing, for keeping labels apart.</summary>
    private readonly record struct Box(decimal X1, decimal Y1, decimal X2, decimal Y2)
    {
        public bool Overlaps(Box other) => X1 < other.X2 && other.X1 < X2 && Y1 < other.Y2 && other.Y1 < Y2;

        public Box Grown(decimal by) => new(X1 - by, Y1 - by, X2 + by, Y2 + by);

        /// <summary>True when the segment from (x1, y1) to (x2, y2) crosses or touches the box.</summary>
        public bool Crossed(decimal x1, decimal y1, decimal x2, decimal y2)
        {
            // Sample the segment finely enough for boxes a few pixels tall.
            var length = Math.Abs(x2 - x1) + Math.Abs(y2 - y1);
            var samples = (int)Math.Min(2000m, Math.Max(2m, length / 2m));
            for (var k = 0; k <= samples; k++)
            {
                var t = (decimal)k / samples;
                var x = x1 + (x2 - x1) * t;
                var y = y1 + (y2 - y1) * t;
                if (x >= X1 && x <= X2 && y >= Y1 && y <= Y2)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>The box of a text whose baseline is at <paramref name="y"/>, centred on <paramref name="x"/> (DejaVu's ascent and descent).</summary>
    private static Box TextBox(decimal x, decimal y, decimal width, decimal size) => new(x - width / 2m, y - 0.95m * size, x + width / 2m, y + 0.26m * size);

    /// <summary>
    /// A text's width in px, estimated from the advance widths of DejaVu Sans (the widest of the usual sans-serif fonts)
    /// with a margin, so that a label placed apart at build time stays apart in the browser.
    /// </summary>
    public static decimal TextWidth(string text, decimal size)
    {
        var em = 0m;
        foreach (var c in text)
        {
            em += c switch
            {
                >= '0' and <= '9' => 0.64m,
                ',' or '.' or ':' or ';' or ' ' or '\u00A0' or 'i' or 'l' or 'j' or '\'' or '|' or 'í' => 0.32m,
                '%' => 0.96m,
                'm' or 'w' or 'M' or 'W' => 0.98m,
                'f' or 't' or 'r' or 'I' => 0.42m,
                >= 'A' and <= 'Z' => 0.78m,
                _ => 0.64m,
            };
        }
        return em * size * 1.04m;
    }

    /// <summary>What every frame of a chart draws alike: the value axis, its ticks' texts and the legend's entries.</summary>
    private sealed record Scale(ValueAxis Axis, IReadOnlyList<(decimal Value, string Text)> Ticks, IReadOnlyList<LegendEntry> Legend)
    {
        public static Scale Of(LineChart chart)
        {
            var axis = ValueAxis.For(chart.Series.SelectMany(s => s.Points).Select(p => p.Value ?? 0m)
                .Append(chart.Reference?.Value ?? 0m).Max());
            return new Scale(axis, axis.Ticks.Select(v => (v, TickText(chart, axis, v))).ToList(), LegendEntries(chart, axis));
        }
    }

    private static void Build(StringBuilder svg, LineChart chart, Scale scale, ChartFrame frame)
    {
        var titleId = TitleId(chart, frame);
        var summaryId = SummaryId(chart);
        var size = frame.FontSize;
        var width = (decimal)frame.Width;
        var axis = scale.Axis;
        var ticks = scale.Ticks;
        var left = Math.Max(24m, ticks.Max(t => TextWidth(t.Text, size)) + 10m);

        var legend = LegendLayout(scale.Legend, frame);
        var top = legend.Bottom + 12m;
        var bottom = top + frame.PlotHeight;
        var plot = new Plot(left, width - Right, top, bottom, axis.Top, chart.Categories.Count);

        // Which categories get a label: every one when they fit, else every second, third…
        var slot = (plot.Right - plot.Left) / Math.Max(1, chart.Categories.Count);
        var widest = chart.Categories.Count == 0 ? 0m : chart.Categories.Max(c => Math.Max(TextWidth(c.Line, size), TextWidth(c.SecondLine ?? "", size)));
        var every = 1;
        while (every * slot < widest + 8m && every < chart.Categories.Count)
        {
            every++;
        }
        var labelled = Enumerable.Range(0, chart.Categories.Count).Where(i => i % every == 0).ToList();
        var seconds = new Dictionary<int, string>();
        for (var k = 0; k < labelled.Count; k++)
        {
            var from = k == 0 ? 0 : labelled[k - 1] + 1;
            var second = Enumerable.Range(from, labelled[k] - from + 1).Select(i => chart.Categories[i].SecondLine).LastOrDefault(s => s is not null);
            if (second is not null)
            {
                seconds[labelled[k]] = second;
            }
        }
        // The first category line sits below the "0" tick's text; the second (the year) below it.
        var firstLine = bottom + 1.6m * size + 3m;
        var secondLine = firstLine + 1.25m * size;
        var height = (seconds.Count > 0 ? secondLine : firstLine) + 0.26m * size + 6m;

        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"grafica grafica-{frame.Name}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {frame.Width} {N(height)}\" role=\"img\" aria-labelledby=\"{titleId}\" aria-describedby=\"{summaryId}\" focusable=\"false\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Escape(chart.Title)}</title>\n");

        // Grid and value axis.
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"grafica-ejes\" font-size=\"{N(size)}\" fill=\"currentColor\">\n");
        for (var i = 0; i < ticks.Count; i++)
        {
            var y = plot.Y(ticks[i].Value);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grafica-guia\" x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(plot.Right)}\" y2=\"{N(y)}\" stroke=\"currentColor\" stroke-width=\"{(i == 0 ? "1.5" : "0.5")}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 8m)}\" y=\"{N(y + 0.35m * size)}\" text-anchor=\"end\">{Escape(ticks[i].Text)}</text>\n");
        }
        foreach (var i in labelled)
        {
            var category = chart.Categories[i];
            var x = plot.X(i);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Inside(x, TextWidth(category.Line, size), width))}\" y=\"{N(firstLine)}\" text-anchor=\"middle\">{Escape(category.Line)}</text>\n");
            if (seconds.TryGetValue(i, out var second))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Inside(x, TextWidth(second, size), width))}\" y=\"{N(secondLine)}\" text-anchor=\"middle\">{Escape(second)}</text>\n");
            }
        }
        svg.Append("</g>\n");

        if (chart.Reference is { } reference)
        {
            var y = plot.Y(reference.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grafica-referencia\" x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(plot.Right)}\" y2=\"{N(y)}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>\n");
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
                        svg.Append(CultureInfo.InvariantCulture, $"{(k == 0 ? "" : " ")}{N(plot.X(i))},{N(plot.Y(series.Points[i].Value!.Value))}");
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
                var x = plot.X(i);
                var y = plot.Y(value);
                Marker(svg, point.Shape, x, y).Append('\n');
                if (point.Corrected)
                {
                    Frame(svg, x, y).Append('\n');
                }
            }
            svg.Append("</g>\n");
        }

        if (chart.LabelPoints)
        {
            PointLabels(svg, chart, plot, legend.Bottom, size, width);
        }
        Legend(svg, legend.Entries, size);
        svg.Append("</svg>");
    }

    /// <summary>A tick's text: no more decimals than the step needs, in millones or billones for large figures.</summary>
    private static string TickText(LineChart chart, ValueAxis axis, decimal value) =>
        EsCo.Number(value / axis.Divisor, axis.Decimals) + (chart.PercentAxis ? EsCo.NoBreakSpace + "%" : "");

    /// <summary>A centre that keeps a text of <paramref name="textWidth"/> inside the drawing.</summary>
    private static decimal Inside(decimal x, decimal textWidth, decimal width) =>
        Math.Clamp(x, textWidth / 2m + 1m, Math.Max(textWidth / 2m + 1m, width - textWidth / 2m - 1m));

    /// <summary>The plot area and how values and categories map into it.</summary>
    private sealed record Plot(decimal Left, decimal Right, decimal Top, decimal Bottom, decimal Max, int Count)
    {
        public decimal X(int index) => Left + (Right - Left) * (2m * index + 1m) / (2m * Count);

        public decimal Y(decimal value) => Bottom - (Bottom - Top) * Math.Clamp(value, 0m, Max) / Max;
    }

    /// <summary>
    /// Each point's value beside it, where it overlaps no other label, marker, line or the legend: above the point, else
    /// below, else to either side; a point with no free place goes without (the table beside the chart has every value).
    /// </summary>
    private static void PointLabels(StringBuilder svg, LineChart chart, Plot plot, decimal legendBottom, decimal size, decimal width)
    {
        var points = chart.Series.SelectMany(s => s.Points.Select((p, i) => (Point: p, X: plot.X(i), Value: p.Value))
            .Where(p => p.Value is not null)
            .Select(p => (p.Point, p.X, Y: plot.Y(p.Value!.Value)))).ToList();
        // A marker reaches 7 px from its point, a corrected point's frame 10 px.
        var taken = points.Select(p => new Box(p.X - 8m, p.Y - 8m, p.X + 8m, p.Y + 8m).Grown(p.Point.Corrected ? 3m : 0m)).ToList();
        var segments = new List<(decimal X1, decimal Y1, decimal X2, decimal Y2)>();
        foreach (var series in chart.Series)
        {
            for (var i = 1; i < series.Points.Count; i++)
            {
                if (series.Points[i - 1].Value is { } a && series.Points[i].Value is { } b)
                {
                    segments.Add((plot.X(i - 1), plot.Y(a), plot.X(i), plot.Y(b)));
                }
            }
        }
        if (chart.Reference is { } reference)
        {
            var y = plot.Y(reference.Value);
            segments.Add((plot.Left, y, plot.Right, y));
        }
        var labels = new List<(decimal X, decimal Y, string Text)>();
        foreach (var (point, x, y) in points)
        {
            if (string.IsNullOrEmpty(point.Text))
            {
                continue;
            }
            var textWidth = TextWidth(point.Text, size);
            var gap = point.Corrected ? 13m : 10m;
            (decimal X, decimal Baseline)[] places =
            [
                (x, y - gap - 0.26m * size),
                (x, y + gap + 0.95m * size),
                (x + gap + textWidth / 2m, y - gap - 0.26m * size),
                (x - gap - textWidth / 2m, y - gap - 0.26m * size),
                (x + gap + textWidth / 2m, y + gap + 0.95m * size),
                (x - gap - textWidth / 2m, y + gap + 0.95m * size),
            ];
            foreach (var (cx, baseline) in places)
            {
                var box = TextBox(cx, baseline, textWidth, size);
                var free = box.X1 >= plot.Left && box.X2 <= width - 2m && box.Y1 >= legendBottom + 2m && box.Y2 <= plot.Bottom - 2m
                    && !taken.Any(t => t.Overlaps(box))
                    && !segments.Any(s => box.Grown(1m).Crossed(s.X1, s.Y1, s.X2, s.Y2));
                if (free)
                {
                    taken.Add(box.Grown(1m));
                    labels.Add((cx, baseline, point.Text));
                    break;
                }
            }
        }
        if (labels.Count == 0)
        {
            return;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"grafica-valores\" font-size=\"{N(size)}\" text-anchor=\"middle\">\n");
        foreach (var (x, y, text) in labels)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"grafica-valor\" x=\"{N(x)}\" y=\"{N(y)}\">{Escape(text)}</text>\n");
        }
        svg.Append("</g>\n");
    }

    /// <summary>A legend entry before it is placed: what it shows and its text.</summary>
    private sealed record LegendEntry(string Kind, string Style, MarkerShape? Shape, string Text);

    /// <summary>The legend's entries: a sample of each series, the reference line, any extra marker meanings, and the unit of large figures.</summary>
    private static List<LegendEntry> LegendEntries(LineChart chart, ValueAxis axis) =>
        chart.Series.Select(s => new LegendEntry("serie", s.Style, s.Shape, s.Name))
            .Concat(chart.Reference is { } r ? [new LegendEntry("referencia", "", null, r.Label)] : [])
            .Concat(chart.Legend.Select(l => new LegendEntry(l.Framed ? "corregido" : "marca", l.Style, l.Shape, l.Text)))
            .Concat(axis.DivisorName is { } name ? [new LegendEntry("nota", "", null, $"Cifras en {name}")] : [])
            .ToList();

    /// <summary>
    /// A legend entry placed: what it shows, where its sample starts (x), and the baseline of each line of its text (y
    /// the first; a text wider than the frame wraps at its spaces under the first line).
    /// </summary>
    private sealed record PlacedEntry(string Kind, string Style, MarkerShape? Shape, IReadOnlyList<string> Lines, decimal X, decimal Y);

    /// <summary>
    /// The legend along the top, entries in rows that wrap at the frame's width: a sample of each series, the reference
    /// line, any extra marker meanings, and the unit of large figures ("Cifras en millones").
    /// </summary>
    private static (IReadOnlyList<PlacedEntry> Entries, decimal Bottom) LegendLayout(IReadOnlyList<LegendEntry> entries, ChartFrame frame)
    {
        var size = frame.FontSize;
        var row = 1.7m * size;
        var line = 1.25m * size;
        decimal x = 4m, y = 6m + 0.95m * size + 2m, rowBottom = y;
        var placed = new List<PlacedEntry>();
        foreach (var (kind, style, shape, text) in entries)
        {
            var sample = kind == "nota" ? 0m : 32m;
            var lines = Wrapped(text, size, frame.Width - 8m - sample);
            var entryWidth = sample + lines.Max(l => TextWidth(l, size));
            if (x + entryWidth > frame.Width - 4m && x > 4m)
            {
                x = 4m;
                y = rowBottom + row;
            }
            placed.Add(new PlacedEntry(kind, style, shape, lines, x, y));
            rowBottom = Math.Max(rowBottom, y + line * (lines.Count - 1));
            x += entryWidth + 20m;
        }
        return (placed, rowBottom + 0.26m * size + 4m);
    }

    /// <summary>A text in lines no wider than <paramref name="width"/>, broken at spaces (a word wider than that stays whole).</summary>
    private static List<string> Wrapped(string text, decimal size, decimal width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && TextWidth(candidate, size) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        lines.Add(current);
        return lines;
    }

    private static void Legend(StringBuilder legend, IReadOnlyList<PlacedEntry> entries, decimal size)
    {
        legend.Append(CultureInfo.InvariantCulture, $"<g class=\"grafica-leyenda\" font-size=\"{N(size)}\" fill=\"currentColor\" stroke=\"currentColor\">\n");
        foreach (var (kind, style, shape, lines, x, baseline) in entries)
        {
            var y = baseline - 0.35m * size;
            var textX = kind == "nota" ? x : x + 32;
            if (kind == "nota")
            {
                legend.Append("<g class=\"grafica-nota\">");
            }
            else
            {
                var group = kind is "serie" or "marca" or "corregido" ? $"grafica-serie grafica-serie-{style}" : "grafica-referencia";
                legend.Append(CultureInfo.InvariantCulture, $"<g class=\"{group}\">");
            }
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
            for (var i = 0; i < lines.Count; i++)
            {
                legend.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(textX)}\" y=\"{N(baseline + 1.25m * size * i)}\" stroke=\"none\" fill=\"currentColor\">{Escape(lines[i])}</text>");
            }
            legend.Append("</g>\n");
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

    /// <summary>A coordinate with at most two decimals and a dot, whatever the culture.</summary>
    private static Coordinate N(decimal value) => new(value);

    /// <summary>
    /// A coordinate as the interpolations write it: formatted straight into the chart's builder. As a string per
    /// coordinate, the charts allocated more than every other part of the pages together.
    /// </summary>
    private readonly struct Coordinate(decimal value) : ISpanFormattable
    {
        private static readonly FigureFormat Dot = FigureFormat.Invariant("0.##");

        private readonly decimal _rounded = Precision.Round(value);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            Dot.TryFormat(_rounded, destination, out charsWritten);

        public string ToString(string? format, IFormatProvider? formatProvider) => Dot.Format(_rounded);

        public override string ToString() => ToString(null, null);
    }

    /// <summary>Text for SVG content inside HTML: markup characters escaped.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
