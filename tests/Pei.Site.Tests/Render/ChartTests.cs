using System.Globalization;
using System.Xml.Linq;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;

namespace Pei.Site.Tests.Render;

/// <summary>The trend charts: inline SVG that names itself, says what it shows, and tells status by shape as well as colour.</summary>
public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Objective_page_charts_compliance_as_an_image_named_by_its_title_and_described_by_a_summary()
    {
        var document = RenderedSite.Page("objetivos/2/index.html");
        var svg = document.QuerySelector("figure.grafica-figura svg")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        var title = document.GetElementById(svg.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("title", title.LocalName);
        Assert.Equal("Cumplimiento del objetivo 2 en cada corte", title.TextContent);
        var summary = document.GetElementById(svg.GetAttribute("aria-describedby")!)!;
        Assert.Equal("figcaption", summary.LocalName);
        Assert.Contains("Empezó en 100,00\u00A0% y llegó a 84,97\u00A0%", summary.TextContent);
        // The same data as a table next to it.
        Assert.NotNull(document.GetElementById("historia-tabla"));
    }

    [Fact]
    public void Charts_are_well_formed_svg_with_invariant_coordinates_and_no_style_attribute()
    {
        var chart = TrendCharts.Compliance(SamplePlan.Build().Objectives[1], SamplePlan.Report().History(2).ToList(), new CorrectedFigures(SamplePlan.Build().Publications))!;
        var root = XElement.Parse(SvgChart.Markup(chart.Chart, SvgChart.Printed));

        Assert.Equal(Svg + "svg", root.Name);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.Empty(root.Descendants(Svg + "script"));
        foreach (var number in root.Descendants(Svg + "line").SelectMany(l => new[] { "x1", "y1", "x2", "y2" }.Select(a => (string)l.Attribute(a)!)))
        {
            Assert.Matches(@"^-?\d+(\.\d{1,2})?$", number);
        }
        // A lagging cut-off is a triangle, an on-track one a circle: shape, not colour alone.
        var markers = root.Descendants().Where(e => (string?)e.Attribute("class") == "grafica-marca").ToList();
        Assert.Contains(markers, m => m.Name == Svg + "path");
        Assert.Contains(markers, m => m.Name == Svg + "circle");
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "Con rezago");
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "84,97\u00A0%");
    }

    [Fact]
    public void Chart_text_is_escaped()
    {
        var chart = SvgChart.Render(new LineChart
        {
            Id = "g",
            Title = "<script>alert(1)</script> & \"x\"",
            Summary = "s",
            Categories = [new ChartCategory("<b>", null), new ChartCategory("a&b", "\"")],
            Series = [new ChartSeries("<i>", "ejecutado", MarkerShape.Circle, [new ChartPoint(1m, "<u>", MarkerShape.Circle), new ChartPoint(2m, "&", MarkerShape.Circle)])],
            Reference = new ReferenceLine(3m, "<meta>"),
        });

        var root = XElement.Parse(SvgChart.Markup(chart.Chart, SvgChart.Frames[0]));
        Assert.Equal("<script>alert(1)</script> & \"x\"", root.Element(Svg + "title")!.Value);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "b" or "i" or "u" or "meta");
    }

    [Fact]
    public void Charts_are_the_same_bytes_whatever_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var charts = new[] { "en-US", "de-DE", "ar-SA" }.Select(name =>
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                return TrendCharts.Compliance(SamplePlan.Build().Objectives[0], SamplePlan.Report().History(1).ToList(), CorrectedFigures.None)!.Svg;
            }).ToList();
            Assert.All(charts, c => Assert.Equal(charts[0], c));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Indicator_page_charts_programado_and_ejecutado_with_the_year_target_as_a_line()
    {
        var document = RenderedSite.Page("indicadores/3979-modelo-victimas/index.html");
        var svg = document.QuerySelector("#vigencia-2025 ~ figure svg")!;
        var texts = svg.QuerySelectorAll("text").Select(t => t.TextContent).ToList();

        Assert.Equal("Programado y ejecutado en cada corte de la vigencia 2025", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("Programado", texts);
        Assert.Contains("Ejecutado", texts);
        Assert.Contains("Meta de la vigencia: 45\u00A0%", texts);
        Assert.NotNull(svg.QuerySelector(".grafica-referencia"));
        Assert.Contains("se había programado 31,92\u00A0% y ejecutado 33,89\u00A0%", document.GetElementById(svg.GetAttribute("aria-describedby")!)!.TextContent);
    }

    [Fact]
    public void With_a_single_cut_off_the_chart_gives_way_to_a_sentence()
    {
        var plan = SamplePlan.Build();
        var pages = RenderedSite.Pages(PlanCalculator.Compute(plan with { CutOffs = [plan.CutOffs[1]] }), new RenderOptions());

        var objective = RenderedSite.Parse(pages["objetivos/1/index.html"]);
        var indicator = RenderedSite.Parse(pages["indicadores/3979-modelo-victimas/index.html"]);

        Assert.Empty(objective.QuerySelectorAll("svg"));
        Assert.Contains("Con un solo corte todavía no hay una tendencia", objective.QuerySelector("main")!.TextContent);
        Assert.Empty(indicator.QuerySelectorAll("svg"));
        Assert.Contains("Con un solo corte en esta vigencia", indicator.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("0.4", "0.4", "0.1", new[] { "0", "0,1", "0,2", "0,3", "0,4" })]
    [InlineData("1", "1", "0.25", new[] { "0", "0,25", "0,5", "0,75", "1" })]
    [InlineData("0.74", "0.75", "0.25", new[] { "0", "0,25", "0,5", "0,75" })]
    [InlineData("4", "4", "1", new[] { "0", "1", "2", "3", "4" })]
    [InlineData("95", "100", "25", new[] { "0", "25", "50", "75", "100" })]
    [InlineData("106.16", "125", "25", new[] { "0", "25", "50", "75", "100", "125" })]
    [InlineData("30000", "30000", "10000", new[] { "0", "10.000", "20.000", "30.000" })]
    [InlineData("1000000000000000", "1000000000000000", "250000000000000", new[] { "0", "250", "500", "750", "1.000" })]
    [InlineData("0", "1", "0.25", new[] { "0", "0,25", "0,5", "0,75", "1" })]
    public void The_value_axis_runs_from_zero_to_the_smallest_clean_value_in_four_to_six_round_ticks(string largest, string top, string step, string[] ticks)
    {
        var axis = ValueAxis.For(decimal.Parse(largest, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(top, CultureInfo.InvariantCulture), axis.Top);
        Assert.Equal(decimal.Parse(step, CultureInfo.InvariantCulture), axis.Step);
        Assert.Equal(ticks, axis.Ticks.Select(t => Pei.Site.Text.EsCo.Number(t / axis.Divisor, axis.Decimals)));
    }

    [Fact]
    public void Every_axis_from_tiny_to_huge_has_four_to_six_ticks_and_covers_the_largest_value()
    {
        for (var largest = 0.0001m; largest < 1e20m; largest *= 1.37m)
        {
            var axis = ValueAxis.For(largest);
            Assert.InRange(axis.Ticks.Count, 4, 6);
            Assert.True(axis.Top >= largest, $"{largest}: top {axis.Top}");
            // No other round step gives a smaller top.
            Assert.True(axis.Top < largest * 2m, $"{largest}: top {axis.Top} is not the smallest clean value");
        }
    }

    [Fact]
    public void Large_figures_print_their_ticks_in_billones_and_say_so_in_the_legend()
    {
        var chart = new LineChart
        {
            Id = "g",
            Title = "t",
            Summary = "s",
            Categories = [new ChartCategory("mar.", "2025"), new ChartCategory("jun.", null)],
            Series = [new ChartSeries("Ejecutado", "ejecutado", MarkerShape.Circle, [new ChartPoint(4e14m, "x", MarkerShape.Circle), new ChartPoint(1e15m, "y", MarkerShape.Circle)])],
        };

        var texts = XElement.Parse(SvgChart.Markup(chart, SvgChart.Printed)).Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("Cifras en billones", texts);
        Assert.Contains("1.000", texts);
        Assert.Contains("250", texts);
    }

    [Fact]
    public void The_chart_is_drawn_for_each_range_of_widths_with_text_of_12_px_or_more_at_its_narrowest()
    {
        var chart = TrendCharts.Compliance(SamplePlan.Build().Objectives[1], SamplePlan.Report().History(2).ToList(), CorrectedFigures.None)!;
        var root = XElement.Parse("<div>" + chart.Svg + "</div>");

        var svgs = root.Elements(Svg + "svg").ToList();
        Assert.Equal(SvgChart.Frames.Select(f => "grafica grafica-" + f.Name), svgs.Select(s => (string)s.Attribute("class")!));
        // The narrowest content each frame is shown at (the stylesheet's breakpoints less 2rem of margins and a scrollbar).
        int[] narrowest = [288 - 16, 480 - 32 - 16, 768 - 32 - 16, 1024 - 32 - 16];
        for (var i = 0; i < svgs.Count; i++)
        {
            var frame = SvgChart.Frames[i];
            Assert.Equal($"0 0 {frame.Width}", string.Join(' ', ((string)svgs[i].Attribute("viewBox")!).Split(' ').Take(3)));
            Assert.True(frame.FontSize * narrowest[i] / frame.Width >= 12m, $"{frame.Name}: {frame.FontSize * narrowest[i] / frame.Width} px");
        }
    }

    [Theory]
    [InlineData("1000000000000000")]
    [InlineData("1")]
    [InlineData("0.4")]
    [InlineData("95")]
    public void In_every_frame_every_text_stays_inside_the_drawing_and_apart_from_the_others(string target)
    {
        var value = decimal.Parse(target, CultureInfo.InvariantCulture);
        var chart = new LineChart
        {
            Id = "g",
            Title = "t",
            Summary = "s",
            Categories = [.. Enumerable.Range(0, 12).Select(i => new ChartCategory(i % 2 == 0 ? "sept." : "dic.", i % 4 == 0 ? "2025" : null))],
            Series =
            [
                new ChartSeries("Programado", "programado", MarkerShape.Square, [.. Enumerable.Range(0, 12).Select(i => new ChartPoint(value * i / 12m, "x", MarkerShape.Square))]),
                new ChartSeries("Ejecutado", "ejecutado", MarkerShape.Circle, [.. Enumerable.Range(0, 12).Select(i => new ChartPoint(value * i / 13m, Pei.Site.Text.EsCo.Number(value * i / 13m), MarkerShape.Circle))]),
            ],
            Reference = new ReferenceLine(value, "Meta de la vigencia: " + Pei.Site.Text.EsCo.Number(value)),
            Legend = [new LegendEntry(MarkerShape.Circle, "Corregido después de publicado", "ejecutado", Framed: true)],
        };
        foreach (var frame in SvgChart.Frames)
        {
            var root = XElement.Parse(SvgChart.Markup(chart, frame));
            var box = ((string)root.Attribute("viewBox")!).Split(' ').Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var texts = root.Descendants(Svg + "text").Select(t =>
            {
                string? Inherited(string name) => t.AncestorsAndSelf().Select(e => (string?)e.Attribute(name)).FirstOrDefault(v => v is not null);
                var size = decimal.Parse(Inherited("font-size")!, CultureInfo.InvariantCulture);
                var x = decimal.Parse((string)t.Attribute("x")!, CultureInfo.InvariantCulture);
                var y = decimal.Parse((string)t.Attribute("y")!, CultureInfo.InvariantCulture);
                var width = SvgChart.TextWidth(t.Value, size);
                var left = Inherited("text-anchor") switch { "middle" => x - width / 2, "end" => x - width, _ => x };
                return (t.Value, Left: left, Right: left + width, Top: y - 0.9m * size, Bottom: y + 0.2m * size);
            }).ToList();
            foreach (var t in texts)
            {
                Assert.True(t.Left >= 0 && t.Right <= box[2] && t.Top >= 0 && t.Bottom <= box[3], $"{frame.Name}: «{t.Value}» leaves the drawing");
            }
            for (var i = 0; i < texts.Count; i++)
            {
                for (var j = i + 1; j < texts.Count; j++)
                {
                    var (a, b) = (texts[i], texts[j]);
                    Assert.False(a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom, $"{frame.Name}: «{a.Value}» overlaps «{b.Value}»");
                }
            }
        }
    }
}
