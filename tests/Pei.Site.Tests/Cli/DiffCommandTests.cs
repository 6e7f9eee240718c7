namespace Pei.Site.Tests.CommandLineBehaviour;

public class DiffCommandTests
{
    private static void Git(string directory, params string[] args) => GitRepository.Git(directory, args);

    private static string Repository(TempFolder temp) => GitRepository.WithContent(temp, Tests.Repository.PublishedJune2025);

    [Fact]
    public void Diff_says_so_when_no_figure_changes()
    {
        using var temp = new TempFolder();
        var content = Repository(temp);
        var outcome = Cli.Run("diff", "--content", content, "--base", "HEAD");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("No cambia ninguna cifra frente a `HEAD`.", outcome.Stdout.Trim());
    }

    [Fact]
    public void Diff_reports_the_objective_and_indicator_figures_a_change_moves_as_a_markdown_table()
    {
        using var temp = new TempFolder();
        var content = Repository(temp);
        var file = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace("ejecutado: 0.36456", "ejecutado: 0.49", StringComparison.Ordinal));
        var outcome = Cli.Run("diff", "--content", content, "--base", "HEAD");
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("| Corte | Elemento | Cifra | Antes | Después | Estado antes | Estado después |", lines);
        var nbsp = '\u00A0';
        Assert.Contains($"| 30 de junio de 2025 | Objetivo 3 — Comunicación pública | Cumplimiento | 87,20{nbsp}% | 100,00{nbsp}% | Con rezago | En cumplimiento |", lines);
        Assert.Contains($"| 30 de junio de 2025 | Indicador 4199 | % avance al corte | 74,40{nbsp}% | 100,00{nbsp}% | Con rezago | En cumplimiento |", lines);
        Assert.Contains($"| 30 de junio de 2025 | Indicador 4199 | Avance de la vigencia | 36,46{nbsp}% | 49,00{nbsp}% | Con rezago | En cumplimiento |", lines);
        Assert.Contains($"| 30 de junio de 2025 | Indicador 4199 | Ejecutado | 0,36 | 0,49 | Con rezago | En cumplimiento |", lines);
        Assert.Equal(4, lines.Count(l => l.StartsWith("| 30 de junio", StringComparison.Ordinal)));
    }

    [Fact]
    public void Diff_shows_the_figures_of_a_draft_being_filled_in_marked_as_a_draft_and_partial()
    {
        using var temp = new TempFolder();
        var content = Repository(temp);
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        Git(temp.Path, "commit", "-q", "-a", "-m", "draft");
        var file = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace(
            "      2025-09-30:\n        programado:\n        ejecutado:\n",
            "      2025-09-30:\n        programado: 0.7\n        ejecutado: 0.7\n", StringComparison.Ordinal));

        var outcome = Cli.Run("diff", "--content", content, "--base", "HEAD");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var nbsp = '\u00A0';
        Assert.Contains($"| 30 de septiembre de 2025 (borrador) | Objetivo 3 — Comunicación pública | Cumplimiento | — | 100,00{nbsp}% | Sin reporte | En cumplimiento (parcial: 1 de 3 indicadores reportados) |", lines);
        Assert.Contains($"| 30 de septiembre de 2025 (borrador) | Indicador 4199 | % avance al corte | — | 100,00{nbsp}% | Sin reporte | En cumplimiento |", lines);
        Assert.Contains($"| 30 de septiembre de 2025 (borrador) | Indicador 4199 | Avance de la vigencia | — | 70,00{nbsp}% | Sin reporte | En cumplimiento |", lines);
    }

    [Fact]
    public void Diff_with_an_unknown_ref_is_an_error_not_a_crash()
    {
        using var temp = new TempFolder();
        var content = Repository(temp);
        var outcome = Cli.Run("diff", "--content", content, "--base", "no-existe");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no-existe", outcome.Stderr, StringComparison.Ordinal);
        // Its own code (not PEI101, the refused output folder), and no claim of writing: diff never writes.
        Assert.Contains(": error PEI053: no se pudo leer el contenido en la referencia git 'no-existe'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal("1 error, 0 advertencias.", outcome.Stderr.TrimEnd().Split('\n')[^1]);
    }
}
