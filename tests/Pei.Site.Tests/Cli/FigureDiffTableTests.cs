using Pei.Site.Build;
using Pei.Site.Cli;
using Pei.Site.Diagnostics;

namespace Pei.Site.Tests.CommandLineBehaviour;

/// <summary>
/// The pull-request table (FigureDiff) between two content folders made from Load/Cases/_base: a corrected published
/// figure comes first, with the programado or ejecutado that changed before → after and the indicator named by id; a new
/// cut-off is one line per objective.
/// </summary>
public sealed class FigureDiffTableTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static Pei.Site.Method.PlanReport Report(string content)
    {
        var diagnostics = new DiagnosticBag();
        var report = Pipeline.Compute(content, diagnostics, new Pipeline.Options { IncludeDrafts = true, CheckRecords = false });
        Assert.True(report is not null, string.Join("\n", diagnostics.Items));
        return report!;
    }

    [Fact]
    public void A_change_to_a_published_figure_comes_before_a_new_cut_off_folded_into_one_line_per_objective()
    {
        var before = temp.Copy(Repository.BaseCase, "antes");
        var after = temp.Copy(before, "despues");
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", after).ExitCode);
        var indicator = Directory.GetFiles(after, "101.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(indicator, File.ReadAllText(indicator).Replace("        ejecutado: 2\n", "        ejecutado: 1\n        observaciones: Se corrigió.\n", StringComparison.Ordinal));

        var rows = FigureDiff.Compare(Report(before), Report(after));
        var table = FigureDiff.Markdown(rows, "main").Split('\n').Where(l => l.StartsWith("| 30 de", StringComparison.Ordinal)).ToList();

        var nbsp = '\u00A0';
        Assert.Equal(
        [
            $"| 30 de junio de 2025 | Objetivo 1 — Servicio a la ciudadanía | Cumplimiento | 97,89{nbsp}% | 67,89{nbsp}% | Con rezago | Con rezago |",
            $"| 30 de junio de 2025 | Indicador 101 | Ejecutado | 2 | 1 | En cumplimiento | Con rezago |",
            $"| 30 de junio de 2025 | Indicador 101 | % avance al corte | 100,00{nbsp}% | 50,00{nbsp}% | En cumplimiento | Con rezago |",
            $"| 30 de junio de 2025 | Indicador 101 | Avance de la vigencia | 50,00{nbsp}% | 25,00{nbsp}% | En cumplimiento | Con rezago |",
            $"| 30 de septiembre de 2025 (borrador) | Objetivo 1 — Servicio a la ciudadanía | Cumplimiento (corte nuevo, 2 indicadores) | no existía | — | — | Sin reporte |",
            $"| 30 de septiembre de 2025 (borrador) | Objetivo 2 — Gestión interna | Cumplimiento (corte nuevo, 3 indicadores) | no existía | — | — | Sin reporte |",
        ], table);
    }
}
