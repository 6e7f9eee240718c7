using System.Globalization;
using System.Text;

namespace Pei.Site.Benchmarks;

/// <summary>Writes a synthetic plan of N indicators (10 objectives, four cut-offs of 2025) and the same pages for Hugo.</summary>
internal static class SyntheticPlan
{
    public static readonly string[] CutOffs = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"];
    private const int Objectives = 10;

    public static void WriteContent(string folder, int indicators)
    {
        Directory.CreateDirectory(folder);
        var plan = new StringBuilder();
        plan.AppendLine("entidad: Entidad sintética");
        plan.AppendLine("nombre: Plan sintético de prueba de rendimiento");
        plan.AppendLine("periodo:\n  desde: 2024\n  hasta: 2027");
        plan.AppendLine("mision: Medir el rendimiento del generador.");
        plan.AppendLine("metodologia: |\n  El cumplimiento es el promedio ponderado de los avances al corte.");
        plan.AppendLine("cortes:");
        foreach (var cutOff in CutOffs)
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
                File.WriteAllText(Path.Combine(indicatorFolder, $"{o}-{i + 1}.yaml"), Indicator(o, i, weights[i]));
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

    private static string Indicator(int objective, int index, decimal weight)
    {
        var text = new StringBuilder();
        text.AppendLine("tipo: gestion");
        text.AppendLine($"meta:\n  descripcion: Meta sintética {objective}-{index + 1}");
        text.AppendLine($"nombre: Indicador sintético {objective}-{index + 1} de cumplimiento de actividades");
        text.AppendLine("unidad: numero");
        text.AppendLine("vigencias:\n  2025:\n    meta: 100");
        text.AppendLine($"    ponderacion: {weight.ToString(CultureInfo.InvariantCulture)}");
        text.AppendLine("    cortes:");
        for (var c = 0; c < CutOffs.Length; c++)
        {
            var planned = 25 * (c + 1);
            var executed = planned - (index % 3 == 0 ? 5 : 0);
            text.AppendLine($"      {CutOffs[c]}:\n        programado: {planned}\n        ejecutado: {executed}");
            if (executed < planned)
            {
                text.AppendLine("        observaciones: El rezago se debe a *demoras* en la contratación; se subsanará en el siguiente corte.");
            }
        }
        return text.ToString();
    }

    /// <summary>A Hugo site with one page per indicator and per objective, the same count of pages the generator writes.</summary>
    public static void WriteHugo(string folder, int indicators)
    {
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
                for (var c = 0; c < CutOffs.Length; c++)
                {
                    page.Append($"  - fecha: {CutOffs[c]}\n    programado: {25 * (c + 1)}\n    ejecutado: {25 * (c + 1) - (i % 3 == 0 ? 5 : 0)}\n");
                }
                page.Append("---\nEl rezago se debe a *demoras* en la contratación; se subsanará en el siguiente corte.\n");
                File.WriteAllText(Path.Combine(section, $"{o}-{i + 1}.md"), page.ToString());
            }
        }
    }
}
