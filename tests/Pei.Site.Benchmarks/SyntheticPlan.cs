using System.Globalization;
using System.Text;

namespace Pei.Site.Benchmarks;

/// <summary>
/// Writes a synthetic plan of N indicators (10 objectives, four cut-offs a year, one year ending in 2025 or several) and
/// the same pages for Hugo. The cut-offs are in the past, so that publicar can publish each of them.
/// </summary>
internal static class SyntheticPlan
{
    private const int LastYear = 2025;
    private const int Objectives = 10;

    /// <summary>The quarterly cut-offs of the <paramref name="years"/> years up to 2025, oldest first.</summary>
    public static string[] CutOffs(int years) =>
        Enumerable.Range(LastYear - years + 1, years)
            .SelectMany(year => new[] { "03-31", "06-30", "09-30", "12-31" }.Select(day => $"{year}-{day}"))
            .ToArray();

    public static void WriteContent(string folder, int indicators, int years = 1)
    {
        var cutOffs = CutOffs(years);
        Directory.CreateDirectory(folder);
        var plan = new StringBuilder();
        plan.AppendLine("entidad: Entidad sintética");
        plan.AppendLine("nombre: Plan sintético de prueba de rendimiento");
        plan.AppendLine($"periodo:\n  desde: {Math.Min(2024, LastYear - years + 1)}\n  hasta: 2027");
        plan.AppendLine("mision: Medir el rendimiento del generador.");
        plan.AppendLine("metodologia: |\n  El cumplimiento es el promedio ponderado de los avances al corte.");
        plan.AppendLine("cortes:");
        foreach (var cutOff in cutOffs)
        {
            plan.AppendLine($"  - fecha: {cutOff}\n    borrador: true");
        }
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), plan.ToString());
        for (var o = 1; o <= Objectives; o++)
        {
            var count = indicators / Objectives + (o <= indicators % Objectives ? 1 : 0);
            var objective = Path.Combine(folder, "objetivos", $"{o:00}-objetivo-{o}");
            var indicatorFolder = Path.Combine(objective, "indicadores");
            Directory.CreateDirectory(indicatorFolder);
            File.WriteAllText(Path.Combine(objective, "objetivo.yaml"),
                $"numero: {o}\ntitulo: Objetivo sintético {o}\ndescripcion: Objetivo generado para medir el rendimiento.\n");
            var weights = Weights(count);
            for (var i = 0; i < count; i++)
            {
                File.WriteAllText(Path.Combine(indicatorFolder, $"{o}-{i + 1}.yaml"), Indicator(o, i, weights[i], years));
            }
        }
    }

    /// <summary>Weights of four decimals adding up to exactly 100.</summary>
    private static decimal[] Weights(int count)
    {
        var share = Math.Floor(100m / count * 10000m) / 10000m;
        var weights = Enumerable.Repeat(share, count).ToArray();
        weights[^1] = 100m - share * (count - 1);
        return weights;
    }

    private static string Indicator(int objective, int index, decimal weight, int years)
    {
        var text = new StringBuilder();
        text.AppendLine("tipo: gestion");
        text.AppendLine($"meta:\n  descripcion: Meta sintética {objective}-{index + 1}");
        text.AppendLine($"nombre: Indicador sintético {objective}-{index + 1} de cumplimiento de actividades");
        text.AppendLine("unidad: numero");
        text.AppendLine("vigencias:");
        for (var year = LastYear - years + 1; year <= LastYear; year++)
        {
            text.AppendLine($"  {year}:\n    meta: 100");
            text.AppendLine($"    ponderacion: {weight.ToString(CultureInfo.InvariantCulture)}");
            text.AppendLine("    cortes:");
            for (var c = 0; c < 4; c++)
            {
                var planned = 25 * (c + 1);
                var executed = planned - (index % 3 == 0 ? 5 : 0);
                text.AppendLine($"      {year}-{Quarters[c]}:\n        programado: {planned}\n        ejecutado: {executed}");
                if (executed < planned)
                {
                    text.AppendLine("        observaciones: El rezago se debe a *demoras* en la contratación; se subsanará en el siguiente corte.");
                }
            }
        }
        return text.ToString();
    }

    private static readonly string[] Quarters = ["03-31", "06-30", "09-30", "12-31"];

    /// <summary>A Hugo site with one page per indicator and per objective, the same count of pages the generator writes.</summary>
    public static void WriteHugo(string folder, int indicators, int years = 1)
    {
        var cutOffs = CutOffs(years);
        var layouts = Path.Combine(folder, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(folder, "hugo.toml"),
            "baseURL = 'https://example.org/'\nlanguageCode = 'es-co'\ntitle = 'Plan sintético'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n");
        const string head = "<!doctype html><html lang=\"es-CO\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>";
        File.WriteAllText(Path.Combine(layouts, "single.html"),
            head + "<main><h1>{{ .Title }}</h1><table><tr><th>Corte</th><th>Programado</th><th>Ejecutado</th></tr>" +
            "{{ range .Params.cortes }}<tr><td>{{ .fecha }}</td><td>{{ .programado }}</td><td>{{ .ejecutado }}</td></tr>{{ end }}</table>" +
            "{{ .Content }}</main></body></html>");
        File.WriteAllText(Path.Combine(layouts, "list.html"),
            head + "<main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>");
        for (var o = 1; o <= Objectives; o++)
        {
            var section = Path.Combine(folder, "content", $"objetivo-{o}");
            Directory.CreateDirectory(section);
            File.WriteAllText(Path.Combine(section, "_index.md"), $"---\ntitle: Objetivo sintético {o}\n---\n");
            var count = indicators / Objectives + (o <= indicators % Objectives ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var page = new StringBuilder($"---\ntitle: Indicador sintético {o}-{i + 1}\ncortes:\n");
                for (var c = 0; c < cutOffs.Length; c++)
                {
                    page.Append($"  - fecha: {cutOffs[c]}\n    programado: {25 * (c % 4 + 1)}\n    ejecutado: {25 * (c % 4 + 1) - (i % 3 == 0 ? 5 : 0)}\n");
                }
                page.Append("---\nEl rezago se debe a *demoras* en la contratación; se subsanará en el siguiente corte.\n");
                File.WriteAllText(Path.Combine(section, $"{o}-{i + 1}.md"), page.ToString());
            }
        }
    }
}
