using System.Text.Json;
using Pei.Site.Diagnostics;
using Pei.Site.Tests.Fixtures;

namespace Pei.Site.Tests.Publication;

/// <summary>
/// One precision for published figures: the open data publishes every computed figure at the two decimals the record
/// keeps, so a change of method either leaves every published digit as it was or moves a recorded figure, which
/// validate refuses until corregir records it. On a copy of plan-en-el-tiempo, indicator 101 (suma; 3 of 4 programmed at
/// 2025-06-30, avance al corte 75 %) is switched to creciente with a línea base.
/// </summary>
public sealed class PublishedPrecisionTests : IDisposable
{
    private static readonly string[] CutOffs = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"];

    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);
    private readonly TempFolder temp = new();
    private readonly string content;

    public PublishedPrecisionTests()
    {
        content = temp.Copy(TimelineFixture.Content, "content");
    }

    public void Dispose()
    {
        temp.Dispose();
    }

    private string Indicator101 => Path.Combine(content, "objetivos", "01-servicio-ciudadano", "indicadores", "101.yaml");

    private void SwitchToCreciente(string baseline)
    {
        var text = File.ReadAllText(Indicator101);
        Assert.Contains("anualizacion: suma\n", text, StringComparison.Ordinal);
        File.WriteAllText(Indicator101, text.Replace("anualizacion: suma\n", $"anualizacion: creciente\nlinea_base: {baseline}\n", StringComparison.Ordinal));
    }

    private string Build(string name)
    {
        var output = temp[name];
        var build = cli.Run("build", "--content", content, "--out", output, "--theme", Repository.Theme);
        Assert.True(build.ExitCode == 0, build.Stderr);
        return output;
    }

    /// <summary>Every CSV row of a cut-off without the columns that name the method (anualizacion, linea_base), which do change.</summary>
    private static List<string> FiguresOf(string site, string cutOff)
    {
        var records = Csv.Parse(File.ReadAllText(Path.Combine(site, "datos", "cortes", cutOff + ".csv")));
        var method = new[] { Array.IndexOf(records[0], "anualizacion"), Array.IndexOf(records[0], "linea_base") };
        return records.Select(r => string.Join("|", r.Where((_, i) => !method.Contains(i)))).ToList();
    }

    /// <summary>Every computed figure plan.json publishes, by cut-off, objective, indicator and name.</summary>
    private static List<string> ComputedFiguresOf(string site)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, "datos", "plan.json")));
        var figures = new List<string>();
        foreach (var cutOff in json.RootElement.GetProperty("cortes").EnumerateArray())
        {
            foreach (var objective in cutOff.GetProperty("objetivos").EnumerateArray())
            {
                var where = $"{cutOff.GetProperty("fecha")} {objective.GetProperty("numero")}";
                figures.Add($"{where} cumplimiento {objective.GetProperty("cumplimiento").GetRawText()}");
                foreach (var indicator in objective.GetProperty("indicadores").EnumerateArray())
                {
                    foreach (var name in new[] { "avance_corte", "avance_vigencia", "estado" })
                    {
                        figures.Add($"{where} {indicator.GetProperty("id")} {name} {indicator.GetProperty(name).GetRawText()}");
                    }
                }
            }
        }
        return figures;
    }

    [Fact]
    public void A_method_change_that_moves_only_digits_beyond_the_second_decimal_leaves_the_open_data_of_every_published_cut_off_unchanged()
    {
        var before = Build("antes");
        SwitchToCreciente("0.0001");

        // The method did move the figures: (3 − 0.0001) / (4 − 0.0001) × 100 = 74.99937…, published as 75.
        var diagnostics = new DiagnosticBag();
        var report = Pei.Site.Build.Pipeline.Compute(content, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
        var june = report.CutOffs.Single(c => c.CutOff.Date == new DateOnly(2025, 6, 30)).Objectives.SelectMany(o => o.Indicators).Single(i => i.Indicator.Id == "101");
        Assert.NotEqual(75m, june.CutOffProgress);
        Assert.Equal(75m, Math.Round(june.CutOffProgress!.Value, 2));
        var after = Build("despues");

        Assert.All(CutOffs, cutOff => Assert.Equal(FiguresOf(before, cutOff), FiguresOf(after, cutOff)));
        Assert.Equal(ComputedFiguresOf(before), ComputedFiguresOf(after));
        var row = Csv.Parse(File.ReadAllText(Path.Combine(after, "datos", "cortes", "2025-06-30.csv"))).Single(r => r[5] == "101");
        Assert.Equal("creciente", row[10]);
        Assert.Equal("75", row[18]);
    }

    [Fact]
    public void A_method_change_that_moves_the_second_decimal_is_refused_by_validate_until_corregir_records_it()
    {
        SwitchToCreciente("1");

        var validate = cli.Run("validate", "--content", content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(validate.ErrorLines, l => l.EndsWith(
            ": error PEI055: el corte 2025-06-30 ya está publicado y el avance al corte del indicador 101 (objetivo 1) cambia: se publicó 75,00 % y ahora da 66,67 %; si es una corrección, ejecute `corregir 2025-06-30 --motivo \"…\"` para registrarla en la fe de erratas; si no, deshaga el cambio",
            StringComparison.Ordinal));
        // At 2025-12-31 all 8 of 8 were executed: 100 % either way, so that cut-off moves nothing.
        var moved = CutOffs.Where(c => c != "2025-12-31").ToList();
        Assert.All(moved, cutOff => Assert.Contains(validate.ErrorLines, l => l.Contains($"el corte {cutOff} ya está publicado", StringComparison.Ordinal)));
        Assert.DoesNotContain(validate.ErrorLines, l => l.Contains("el corte 2025-12-31", StringComparison.Ordinal));

        foreach (var cutOff in moved)
        {
            var correct = cli.Run("corregir", cutOff, "--motivo", "El indicador 101 se mide desde su línea base", "--content", content);
            Assert.True(correct.ExitCode == 0, correct.Stderr);
        }
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode);

        var site = Build("corregido");
        var records = Csv.Parse(File.ReadAllText(Path.Combine(site, "datos", "cortes", "2025-06-30.csv")));
        var header = records[0];
        var row = records.Single(r => r[Array.IndexOf(header, "indicador_id")] == "101");
        Assert.Equal("66.67", row[Array.IndexOf(header, "avance_corte")]);
        Assert.Equal("75", row[Array.IndexOf(header, "avance_corte_publicado")]);
        Assert.Equal("2026-11-26", row[Array.IndexOf(header, "corregido_el")]);
    }
}
