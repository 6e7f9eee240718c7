using System.Security.Cryptography;

namespace Pei.Site.Tests.NewCutOff;

/// <summary>
/// The first cut-off of a new year on Load/Cases/_base (five indicators in two objectives, all with a 2025 vigencia
/// only): nuevo-corte lists the indicators and objectives that did not get it, validate warns about each, publicar
/// refuses naming each until every one has the new year's vigencia or 'ultima_vigencia'.
/// </summary>
public sealed class YearChangeTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public YearChangeTests() => content = temp.Copy(Repository.BaseCase, "content");

    public void Dispose() => temp.Dispose();

    private string PathOf(string id) => Directory.GetFiles(content, id + ".yaml", SearchOption.AllDirectories).Single();

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(content, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    private void Append(string id, string text) => File.AppendAllText(PathOf(id), text);

    [Fact]
    public void Nuevo_corte_lists_every_indicator_and_objective_without_the_new_years_vigencia()
    {
        var outcome = Cli.Run("nuevo-corte", "2026-03-31", "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains(string.Join("\n",
            "Atención: 5 indicadores tienen vigencia 2025 y no 2026, y no recibieron el corte:",
            "  objetivo 1 (ningún indicador con vigencia 2026): 101, 102",
            "  objetivo 2 (ningún indicador con vigencia 2026): 201, 202, 203",
            "Si siguen en 2026, agregue a cada uno la vigencia 2026 con 'meta' y 'ponderacion' y luego ejecute `descartar 2026-03-31` y otra vez `nuevo-corte 2026-03-31`; si terminaron, escriba en cada uno 'ultima_vigencia: 2025'. Mientras tanto validate lo advierte (PEI137) y publicar no publica el corte.",
            "Complete programado, ejecutado y observaciones y, cuando el corte esté completo, ejecute `publicar 2026-03-31`."),
            outcome.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_warns_and_publicar_refuses_naming_each_indicator_and_objective()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", "2026-03-31", "--content", content).ExitCode);

        var validate = Cli.Run("validate", "--content", content);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains($"{PathOf("101")}:8:3: warning PEI137: el indicador 101 (objetivo 1) tiene vigencia 2025 y no 2026, y el plan ya tiene el corte 2026-03-31 de 2026; si sigue en 2026, agréguele la vigencia 2026 con 'meta', 'ponderacion' y la medición del corte; si terminó, escriba 'ultima_vigencia: 2025'",
            validate.Stderr, StringComparison.Ordinal);
        Assert.Contains(": warning PEI138: el objetivo 2 tiene indicadores con vigencia 2025 y ninguno con vigencia 2026, y el plan ya tiene el corte 2026-03-31 de 2026;", validate.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, validate.Stderr.Split('\n').Count(l => l.Contains("warning PEI137", StringComparison.Ordinal)));

        var before = Snapshot();
        var publish = Cli.Run("publicar", "2026-03-31", "--content", content);
        Assert.Equal(1, publish.ExitCode);
        Assert.Equal(before, Snapshot());
        Assert.Equal(["101", "102", "201", "202", "203"],
            publish.ErrorLines.Where(l => l.Contains("PEI137", StringComparison.Ordinal)).Select(l => l.Split("el indicador ")[1].Split(' ')[0]));
        Assert.Equal(2, publish.ErrorLines.Count(l => l.Contains("error PEI138", StringComparison.Ordinal)));
        Assert.EndsWith("; no se escribió nada.", publish.Stderr.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_each_indicator_goes_on_or_is_marked_finished_the_cut_off_publishes()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", "2026-03-31", "--content", content).ExitCode);
        Append("101", "  2026:\n    meta: 4\n    ponderacion: 60\n");
        Append("102", "  2026:\n    meta: 95\n    ponderacion: 40\n");
        foreach (var id in new[] { "201", "202", "203" })
        {
            File.WriteAllText(PathOf(id), File.ReadAllText(PathOf(id)).Replace("vigencias:", "ultima_vigencia: 2025\nvigencias:", StringComparison.Ordinal));
        }
        // The two that go on get the cut-off's block by running nuevo-corte again.
        Assert.Equal(0, Cli.Run("descartar", "2026-03-31", "--content", content).ExitCode);
        var again = Cli.Run("nuevo-corte", "2026-03-31", "--content", content);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("en 2 indicadores", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Atención", again.Stdout, StringComparison.Ordinal);
        foreach (var (id, figures) in new[] { ("101", ("1", "1")), ("102", ("95", "96")) })
        {
            File.WriteAllText(PathOf(id), File.ReadAllText(PathOf(id))
                .Replace("2026-03-31:\n        programado:\n        ejecutado:", $"2026-03-31:\n        programado: {figures.Item1}\n        ejecutado: {figures.Item2}", StringComparison.Ordinal));
        }
        Assert.Equal("", Cli.Run("validate", "--content", content).Stderr);

        var publish = Cli.Run("publicar", "2026-03-31", "--content", content, "--fecha", "2026-04-15");

        Assert.True(publish.ExitCode == 0, publish.Stderr);
        Assert.Contains("Corte 2026-03-31 publicado el 2026-04-15: 1 objetivo y 2 indicadores.", publish.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ultima_vigencia_before_a_vigencia_the_indicator_has_is_refused()
    {
        File.WriteAllText(PathOf("101"), File.ReadAllText(PathOf("101")).Replace("vigencias:", "ultima_vigencia: 2024\nvigencias:", StringComparison.Ordinal));

        var outcome = Cli.Run("validate", "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([$"{PathOf("101")}:7:18: error PEI139: 'ultima_vigencia' es 2024, pero el indicador tiene la vigencia 2025, posterior; quite la vigencia 2025 o corrija 'ultima_vigencia'"], outcome.ErrorLines);
    }
}
