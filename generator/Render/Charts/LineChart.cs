namespace Pei.Site.Render.Charts;

/// <summary>The shape of a point's marker: series and statuses differ by shape, never by colour alone.</summary>
public enum MarkerShape
{
    Circle,
    Square,
    /// <summary>A triangle pointing down: an objective lagging at that cut-off.</summary>
    TriangleDown,
    Diamond,
}

/// <summary>
/// One value of a series at one category; <see cref="Text"/> is the value as the site prints it (es-CO).
/// <see cref="Corrected"/>: the value was corrected after publication, and its marker is framed by a square.
/// </summary>
public sealed record ChartPoint(decimal? Value, string Text, MarkerShape Shape, bool Corrected = false);

/// <summary>A line of the chart. <see cref="Style"/> names its CSS class suffix (grafica-serie-…) for colour and dash.</summary>
public sealed record ChartSeries(string Name, string Style, MarkerShape Shape, IReadOnlyList<ChartPoint> Points);

/// <summary>A horizontal line across the plot, e.g. the year's target or 100 %.</summary>
public sealed record ReferenceLine(decimal Value, string Label);

/// <summary>A category on the horizontal axis, in one or two short lines ("jun." / "2025").</summary>
public sealed record ChartCategory(string Line, string? SecondLine);

/// <summary>What a legend entry means: a marker shape (framed as a corrected point's when <see cref="Framed"/>) and its words.</summary>
public sealed record LegendEntry(MarkerShape Shape, string Text, string Style, bool Framed = false);

/// <summary>
/// A line chart drawn at build time: categories across, values up, from zero to a round maximum (<see cref="ValueAxis"/>).
/// <see cref="SvgChart.Render"/> turns it into inline SVG markup.
/// </summary>
public sealed record LineChart
{
    /// <summary>A prefix for the ids of the chart's title and summary, unique in the page.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>What the chart shows, in one or two sentences (rendered next to the chart and referenced by it).</summary>
    public required string Summary { get; init; }
    public required IReadOnlyList<ChartCategory> Categories { get; init; }
    public required IReadOnlyList<ChartSeries> Series { get; init; }
    public ReferenceLine? Reference { get; init; }
    /// <summary>Extra legend entries (e.g. what each marker shape means).</summary>
    public IReadOnlyList<LegendEntry> Legend { get; init; } = [];
    /// <summary>Values are percentages: the axis's ticks carry " %".</summary>
    public bool PercentAxis { get; init; }
    /// <summary>Print each point's value beside it (only when few points fit).</summary>
    public bool LabelPoints { get; init; } = true;
}

/// <summary>
/// One drawing of a chart for a range of screen widths: <see cref="Width"/> user units wide, its text
/// <see cref="FontSize"/> units high, its plot <see cref="PlotHeight"/> high. The stylesheet shows the frame named
/// grafica-&lt;<see cref="Name"/>&gt; where it fits.
/// </summary>
public sealed record ChartFrame(string Name, int Width, decimal FontSize, int PlotHeight);

/// <summary>A chart ready for a page: its SVG markup (already escaped), written when the page is, and its ids.</summary>
public sealed record RenderedChart(LineChart Chart, string TitleId, string SummaryId, string Summary)
{
    public string Svg => SvgChart.Markup(Chart);

    /// <summary>Writes the markup into a page as it is rendered, without a string of its own: every frame, or only <paramref name="only"/>.</summary>
    public void WriteSvg(TextWriter writer, ChartFrame? only = null) => SvgChart.Write(Chart, writer, only);
}
