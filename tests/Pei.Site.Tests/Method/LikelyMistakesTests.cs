using System.Text.RegularExpressions;

namespace Pei.Site.Tests.Method;

/// <summary>
/// validate warns, with the file, the line, the figures and a fix, about the figures of a draft cut-off that are probably
/// typed wrong: a running total below the previous cut-off's, a number with three decimals that reads like a thousands
/// separator, a figure about 100 or 1,000 times off the previous cut-off's or the year's target. On the fixture
/// Load/Cases/_base with a draft 2025-09-30.
/// </summary>
public sealed class LikelyMistakesTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public LikelyMistakesTests()
    {
        content = temp.Copy(Repository.BaseCase, "content");
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        Fill("101", "3", "3");
        Fill("102", "95", "96");
        Fill("201", "70", "72");
        Fill("202", "2", "2");
        Fill("203", "12", "12");
    }

    public void Dispose() => temp.Dispose();

    private string PathOf(string id) => Directory.GetFiles(content, id + ".yaml", SearchOption.AllDirectories).Single();

    /// <summary>Writes programado and ejecutado into the draft's empty block, as a planner types them.</summary>
    private void Fill(string id, string planned, string executed)
    {
        var path = PathOf(id);
        var text = File.ReadAllText(path);
        var at = text.IndexOf("2025-09-30:", StringComparison.Ordinal);
        var block = Regex.Replace(text[at..], @"programado:[^\n]*\n", $"programado: {planned}\n", RegexOptions.None, TimeSpan.FromSeconds(1));
        block = Regex.Replace(block, @"ejecutado:[^\n]*\n", $"ejecutado: {executed}\n", RegexOptions.None, TimeSpan.FromSeconds(1));
        File.WriteAllText(path, text[..at] + block);
    }

    /// <summary>The warnings of this rule (PEI130 to PEI132); a lag left unexplained is PEI021's.</summary>
    private string[] Warnings()
    {
        var outcome = Cli.Run("validate", "--content", content);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        return outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": warning PEI13", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void Plausible_figures_give_no_warning()
    {
        Assert.Empty(Warnings());
    }

    [Fact]
    public void The_quarter_typed_instead_of_the_running_total_and_a_thousands_lookalike_are_both_named()
    {
        Fill("203", "12", "8.110");

        Assert.Equal(
        [
            $"{PathOf("203")}:16:20: warning PEI130: 'ejecutado' baja de 10 en el corte 2025-06-30 a 8,110 en el corte 2025-09-30, pero con anualización 'suma' cada corte lleva el acumulado del año hasta la fecha, no solo lo del periodo: escriba el acumulado (10 más lo del periodo) o, si el acumulado de verdad bajó, explíquelo en 'observaciones'",
            $"{PathOf("203")}:16:20: warning PEI131: 'ejecutado: 8.110' se lee como 8,110, con tres decimales, porque en YAML el punto separa los decimales, no los miles; si la cifra es 8110 (sin decimales), escriba 8110; si de verdad tiene tres decimales, no cambie nada",
        ], Warnings());
    }

    [Fact]
    public void A_running_total_that_falls_is_named_for_programado_too_and_for_creciente()
    {
        Fill("202", "0.5", "2");
        Fill("201", "70", "64");

        var warnings = Warnings();

        Assert.Contains(warnings, w => w.StartsWith($"{PathOf("202")}:15:21: warning PEI130: 'programado' baja de 1 en el corte 2025-06-30 a 0,5 en el corte 2025-09-30, pero con anualización 'suma'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{PathOf("201")}:18:20: warning PEI130: 'ejecutado' baja de 66 en el corte 2025-06-30 a 64 en el corte 2025-09-30, pero con anualización 'creciente'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fraction_typed_for_a_percentage_is_100_times_off_and_the_fix_is_the_percentage()
    {
        Fill("102", "95", "0.96");

        Assert.Equal(
        [
            $"{PathOf("102")}:18:20: warning PEI132: 'ejecutado' vale 0,96, unas 100 veces menor que el ejecutado del corte 2025-06-30 (90); revise la cifra: el indicador se mide en porcentaje: si 0,96 es una fracción, escriba el porcentaje, 96",
        ], Warnings());
    }

    [Fact]
    public void A_figure_1000_times_the_previous_cut_offs_is_named()
    {
        Fill("101", "3", "3000");

        Assert.Equal(
        [
            $"{PathOf("101")}:17:20: warning PEI132: 'ejecutado' vale 3.000, unas 1.000 veces mayor que el ejecutado del corte 2025-06-30 (2); revise la cifra: si la escribió en otra unidad (miles, millones) o con un separador de miles, corríjala; si es correcta, no cambie nada",
        ], Warnings());
    }

    [Fact]
    public void Without_a_previous_figure_the_years_target_is_the_reference_and_a_small_count_is_no_mistake()
    {
        Fill("203", "0.5", "12"); // the previous programado is 0: compared with the year's target, 100
        Assert.Empty(Warnings());

        Fill("203", "12000", "12");

        Assert.Equal(
        [
            $"{PathOf("203")}:15:21: warning PEI132: 'programado' vale 12.000, unas 100 veces mayor que la meta de la vigencia 2025 (100); revise la cifra: si la escribió en otra unidad (miles, millones) o con un separador de miles, corríjala; si es correcta, no cambie nada",
        ], Warnings());
    }
}
