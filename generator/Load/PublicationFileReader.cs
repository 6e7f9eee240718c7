using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>
/// Reads one publication record (publicaciones/AAAA-MM-DD.yaml): the cut-off, its publication date, the figures as first
/// published and every correction since. A record must name a cut-off of plan.yaml that is not a draft, and be named
/// after it.
/// </summary>
internal sealed class PublicationFileReader(DiagnosticBag diagnostics)
{
    /// <summary>The key of an objective's indicators in a record.</summary>
    private const string IndicatorsKey = "indicadores";

    public static readonly string[] Keys = ["corte", "publicado", "cifras", "correcciones"];
    public static readonly string[] FiguresKeys = ["objetivos"];
    public static readonly string[] ObjectiveKeys = [FigureNames.Compliance, IndicatorsKey];
    public static readonly string[] IndicatorKeys = [.. FigureNames.Indicator];
    public static readonly string[] CorrectionKeys = ["fecha", "motivo", "cifras"];

    public Publication? Read(YamlNode root, string fileName)
    {
        if (MapReader.Open(root, "el registro de publicación", " en el registro de publicación", Keys, diagnostics) is not { } file)
        {
            return null;
        }
        var cutOff = file.Date("corte", required: true);
        var published = file.Date("publicado", required: true);
        var figures = file.Required("cifras") is { } node ? ReadFigures(node, complete: true) : null;
        var corrections = ReadCorrections(file.Node("correcciones"));
        if (cutOff is not { } date || published is null || figures is null || corrections is null)
        {
            return null;
        }
        var where = file.Node("corte")!.Where;
        if (fileName != ContentLayout.RecordFile(date))
        {
            diagnostics.Error(Codes.PublicationFileName, where, fileName, ContentWords.Of(date));
            return null;
        }
        return new Publication(date, published.Value, figures, corrections, new SourceSpan(root.Where.File, 1, 1))
        {
            CutOffWhere = where,
            PublishedWhere = file.Node("publicado")!.Where,
            FiguresWhere = file.KeyWhere("cifras"),
            CorrectionsWhere = file.KeyWhere("correcciones"),
        };
    }

    private List<Correction>? ReadCorrections(YamlNode? node)
    {
        var result = new List<Correction>();
        if (node is null or YamlScalar { IsNull: true })
        {
            return result;
        }
        if (node is not YamlSequence list)
        {
            diagnostics.Error(Codes.WrongType, node.Where, "correcciones", "una lista de correcciones ('- fecha: AAAA-MM-DD')", node.KindInSpanish);
            return null;
        }
        var ok = true;
        foreach (var item in list.Items)
        {
            if (MapReader.Open(item, "cada corrección", " en la corrección", CorrectionKeys, diagnostics) is not { } entry)
            {
                ok = false;
                continue;
            }
            var date = entry.Date("fecha", required: true);
            var reason = entry.Text("motivo", required: true);
            var figures = entry.Required("cifras") is { } cifras ? ReadFigures(cifras, complete: false) : null;
            if (date is null || reason is null || figures is null)
            {
                ok = false;
                continue;
            }
            result.Add(new Correction
            {
                Date = date.Value,
                Reason = reason,
                Figures = figures,
                Where = entry.Where,
                DateWhere = entry.Node("fecha")!.Where,
                ReasonWhere = entry.Node("motivo")!.Where,
            });
        }
        return ok ? result : null;
    }

    /// <summary>
    /// The figures under a <c>cifras</c> key. The published figures are <paramref name="complete"/>: every objective has
    /// its cumplimiento and every indicator all its figures; a correction lists only the ones it changes.
    /// </summary>
    private List<RecordedFigure>? ReadFigures(YamlNode node, bool complete)
    {
        if (MapReader.Open(node, "cifras", " en 'cifras'", FiguresKeys, diagnostics) is not { } figures ||
            figures.Required("objetivos") is not { } objectivesNode)
        {
            return null;
        }
        if (objectivesNode is not YamlMapping objectives)
        {
            diagnostics.Error(Codes.WrongType, objectivesNode.Where, "objetivos", "un mapa de números de objetivo (p. ej. '3:')", objectivesNode.KindInSpanish);
            return null;
        }
        var errors = diagnostics.ErrorCount;
        var result = new List<RecordedFigure>(Capacity(objectives));
        foreach (var entry in objectives.Entries)
        {
            if (Scalars.Integer(entry.Key, "el número del objetivo", diagnostics, 1, 99) is not { } number ||
                MapReader.Open(entry.Value, $"el objetivo {number}", $" en el objetivo {number}", ObjectiveKeys, diagnostics) is not { } objective)
            {
                continue;
            }
            Figure(objective, new FigureKey(number, null, FigureNames.Compliance), complete, result);
            ReadIndicators(objective.Node(IndicatorsKey), number, complete, result);
            if (!complete && objective.Node(FigureNames.Compliance) is null && objective.Node(IndicatorsKey) is null)
            {
                diagnostics.Error(Codes.EmptyValue, entry.Key.Where, $"el objetivo {number}");
            }
        }
        return diagnostics.ErrorCount == errors ? result : null;
    }

    /// <summary>
    /// How many figures the objectives hold when complete: the list is sized once (60,000 figures at 10,000 indicators,
    /// whose doublings were large objects, each counting towards a full collection).
    /// </summary>
    private static int Capacity(YamlMapping objectives) => objectives.Entries.Sum(entry =>
        1 + (entry.Value is YamlMapping objective && objective.Value(IndicatorsKey) is YamlMapping indicators
            ? indicators.Entries.Count * FigureNames.Indicator.Count
            : 0));

    private void ReadIndicators(YamlNode? node, int objective, bool complete, List<RecordedFigure> result)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return;
        }
        if (node is not YamlMapping indicators)
        {
            diagnostics.Error(Codes.WrongType, node.Where, IndicatorsKey, "un mapa de identificadores de indicador (p. ej. '\"4199\":')", node.KindInSpanish);
            return;
        }
        foreach (var entry in indicators.Entries)
        {
            var id = entry.Key.Text;
            if (MapReader.Open(entry.Value, $"el indicador {id}", $" en el indicador {id}", IndicatorKeys, diagnostics) is not { } indicator)
            {
                continue;
            }
            foreach (var name in FigureNames.Indicator)
            {
                Figure(indicator, new FigureKey(objective, id, name), complete, result);
            }
            if (!complete && FigureNames.Indicator.All(name => indicator.Node(name) is null))
            {
                diagnostics.Error(Codes.EmptyValue, entry.Key.Where, $"el indicador {id}");
            }
        }
    }

    /// <summary>One figure: a number, or <c>~</c> where the published page showed none.</summary>
    private void Figure(MapReader map, FigureKey key, bool complete, List<RecordedFigure> result)
    {
        var node = complete ? map.Required(key.Name) : map.Node(key.Name);
        if (node is null)
        {
            return;
        }
        if (node is YamlScalar { IsNull: true })
        {
            result.Add(new RecordedFigure(key, null, node.Where));
        }
        else if (Scalars.Number(node, key.Name, diagnostics) is { } value)
        {
            result.Add(new RecordedFigure(key, value, node.Where));
        }
    }
}
