using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>Reads content/plan.yaml: everything of the plan except its objectives.</summary>
internal static class PlanFileReader
{
    public static readonly string[] Keys =
        ["entidad", "nombre", "periodo", "mision", "vision", "plataforma_estrategica", "metodologia", "fuente", "direccion", "url", "licencia", "compromisos_desde", "cortes"];
    public static readonly string[] LicenceKeys = ["nombre", "url"];
    public static readonly string[] PeriodKeys = ["desde", "hasta"];
    public static readonly string[] CutOffKeys = ["fecha", "titulo", "borrador"];

    public sealed record Header(
        string Entity, string Name, Period Period, string? Mission, string? Vision, string? StrategicPlatform,
        string? Methodology, string? Source, string? Address, IReadOnlyList<CutOff> CutOffs)
    {
        public Uri? Url { get; init; }
        public Licence Licence { get; init; } = Licence.Default;
        public DateOnly? CommitmentsFrom { get; init; }
        public SourceSpan? CommitmentsFromWhere { get; init; }
    }

    public static Header? Read(YamlNode root, DiagnosticBag diagnostics)
    {
        var plan = MapReader.Open(root, "plan.yaml", " en plan.yaml", Keys, diagnostics);
        if (plan is null)
        {
            return null;
        }
        var entity = plan.Text("entidad", required: true);
        var name = plan.Text("nombre", required: true);
        var period = ReadPeriod(plan, diagnostics);
        var cutOffs = ReadCutOffs(plan, period, diagnostics);
        var header = new Header(
            entity ?? "", name ?? "", period ?? new Period(0, 0),
            plan.Text("mision"), plan.Text("vision"), plan.Markdown("plataforma_estrategica"),
            plan.Markdown("metodologia"), plan.Text("fuente"), plan.Text("direccion"), cutOffs)
        {
            Url = plan.Url("url") is { } url ? WebAddress.AsBase(url) : null,
            Licence = ReadLicence(plan, diagnostics) ?? Licence.Default,
            CommitmentsFrom = ReadCommitmentsFrom(plan, cutOffs, diagnostics),
            CommitmentsFromWhere = plan.Node("compromisos_desde")?.Where,
        };
        return entity is null || name is null || period is null ? null : header;
    }

    /// <summary>compromisos_desde: a cut-off of the list, from which every lag needs a structured explanation.</summary>
    private static DateOnly? ReadCommitmentsFrom(MapReader plan, IReadOnlyList<CutOff> cutOffs, DiagnosticBag diagnostics)
    {
        if (plan.Date("compromisos_desde") is not { } date)
        {
            return null;
        }
        if (cutOffs.Count > 0 && cutOffs.All(c => c.Date != date))
        {
            diagnostics.Error(Codes.CommitmentsFromNotACutOff, plan.Node("compromisos_desde")!.Where, ContentWords.Of(date),
                string.Join(", ", cutOffs.Select(c => ContentWords.Of(c.Date))));
        }
        return date;
    }

    private static Licence? ReadLicence(MapReader plan, DiagnosticBag diagnostics)
    {
        if (plan.Node("licencia") is not { } node || node is YamlScalar { IsNull: true } ||
            MapReader.Open(node, "licencia", " en 'licencia'", LicenceKeys, diagnostics) is not { } licence)
        {
            return null;
        }
        var name = licence.Text("nombre", required: true);
        var url = licence.Url("url", required: true);
        return name is null || url is null ? null : new Licence(name, url);
    }

    private static Period? ReadPeriod(MapReader plan, DiagnosticBag diagnostics)
    {
        if (plan.Required("periodo") is not { } node ||
            MapReader.Open(node, "periodo", " en 'periodo'", PeriodKeys, diagnostics) is not { } period)
        {
            return null;
        }
        var from = period.Integer("desde", 1900, 2999, required: true);
        var to = period.Integer("hasta", 1900, 2999, required: true);
        if (from is null || to is null)
        {
            return null;
        }
        if (from > to)
        {
            diagnostics.Error(Codes.InvalidPeriod, period.Where, from, to);
            return null;
        }
        return new Period(from.Value, to.Value);
    }

    private static List<CutOff> ReadCutOffs(MapReader plan, Period? period, DiagnosticBag diagnostics)
    {
        var cutOffs = new List<CutOff>();
        if (plan.Required("cortes") is not { } node)
        {
            return cutOffs;
        }
        if (node is not YamlSequence list)
        {
            if (node is YamlScalar { IsNull: true })
            {
                diagnostics.Error(Codes.NoCutOffs, node.Where);
            }
            else
            {
                diagnostics.Error(Codes.WrongType, node.Where, "cortes", "una lista de cortes ('- fecha: AAAA-MM-DD')", node.KindInSpanish);
            }
            return cutOffs;
        }
        if (list.Items.Count == 0)
        {
            diagnostics.Error(Codes.NoCutOffs, list.Where);
        }
        foreach (var item in list.Items)
        {
            if (MapReader.Open(item, "cada corte", " en el corte", CutOffKeys, diagnostics) is not { } entry ||
                entry.Date("fecha", required: true) is not { } date)
            {
                continue;
            }
            var where = entry.Node("fecha")!.Where;
            if (cutOffs.Count > 0 && date <= cutOffs[^1].Date)
            {
                diagnostics.Error(Codes.CutOffsOutOfOrder, where, ContentWords.Of(date), ContentWords.Of(cutOffs[^1].Date));
                continue;
            }
            if (period is not null && !period.Contains(date.Year))
            {
                diagnostics.Error(Codes.CutOffOutsidePeriod, where, ContentWords.Of(date), period.From, period.To);
            }
            cutOffs.Add(new CutOff
            {
                Date = date,
                Title = entry.Text("titulo"),
                Draft = entry.Boolean("borrador") ?? false,
                Where = where,
            });
        }
        return cutOffs;
    }

}
