using System.Globalization;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render;
using Pei.Site.Write;
using YamlDotNet.RepresentationModel;

namespace Pei.Site.Tests.Fixtures;

/// <summary>
/// tests/Pei.Site.Tests/Fixtures/plan-en-el-tiempo: a plan over two fiscal years (five published cut-offs, a draft,
/// lag, an objective with nothing programmed at the first cut-off, a corrected cut-off, 2027 targets without cut-offs)
/// with a publication record per published cut-off in publicaciones/.
/// </summary>
public static class TimelineFixture
{
    public static string Content { get; } = Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "plan-en-el-tiempo");

    /// <summary>
    /// The fixture's plan with its publication records. Until the loader reads content/publicaciones/ itself, the
    /// records are read here (a stand-in that reads the same files); once it does, the loaded ones are used.
    /// </summary>
    public static Plan Load()
    {
        var diagnostics = new DiagnosticBag();
        var plan = ContentLoader.Load(Content, Content, diagnostics)
            ?? throw new InvalidOperationException("the fixture does not load:\n" + string.Join("\n", diagnostics.Sorted()));
        return plan.Publications.Count > 0 ? plan : plan with { Publications = ReadRecords(Path.Combine(Content, "publicaciones")) };
    }

    /// <summary>Builds the fixture's site into <paramref name="outDirectory"/> as build would.</summary>
    public static void Build(string outDirectory)
    {
        var files = SiteRenderer.Create(Repository.Theme).Render(PlanCalculator.Compute(Load()), new RenderOptions());
        SiteWriter.Write(files, outDirectory);
    }

    private static List<Publication> ReadRecords(string folder) =>
        Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(ReadRecord).ToList();

    private static Publication ReadRecord(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var where = new SourceSpan(path, 1, 1);
        return new Publication
        {
            CutOff = Date(root["corte"]),
            Published = Date(root["publicado"]),
            Figures = Figures((YamlMappingNode)root["cifras"], where),
            Corrections = ((YamlSequenceNode)root["correcciones"]).Children.Cast<YamlMappingNode>().Select(c => new Correction
            {
                Date = Date(c["fecha"]),
                Reason = ((YamlScalarNode)c["motivo"]).Value!,
                Figures = Figures((YamlMappingNode)c["cifras"], where),
                Where = where,
            }).ToList(),
            Where = where,
        };
    }

    private static List<RecordedFigure> Figures(YamlMappingNode figures, SourceSpan where)
    {
        var list = new List<RecordedFigure>();
        foreach (var (number, objective) in ((YamlMappingNode)figures["objetivos"]).Children)
        {
            var n = int.Parse(((YamlScalarNode)number).Value!, CultureInfo.InvariantCulture);
            var map = (YamlMappingNode)objective;
            if (map.Children.TryGetValue(new YamlScalarNode(FigureNames.Compliance), out var compliance))
            {
                list.Add(new RecordedFigure(new FigureKey(n, null, FigureNames.Compliance), Number(compliance), where));
            }
            if (map.Children.TryGetValue(new YamlScalarNode("indicadores"), out var indicators))
            {
                foreach (var (id, values) in ((YamlMappingNode)indicators).Children)
                {
                    foreach (var (name, value) in ((YamlMappingNode)values).Children)
                    {
                        list.Add(new RecordedFigure(new FigureKey(n, ((YamlScalarNode)id).Value!, ((YamlScalarNode)name).Value!), Number(value), where));
                    }
                }
            }
        }
        return list;
    }

    private static DateOnly Date(YamlNode node) => DateOnly.ParseExact(((YamlScalarNode)node).Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal? Number(YamlNode node) =>
        ((YamlScalarNode)node).Value is "null" or "~" or "" or null ? null : decimal.Parse(((YamlScalarNode)node).Value!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
