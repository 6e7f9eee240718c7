using System.Text.Json;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Tests.Load;

namespace Pei.Site.Tests.Publication;

/// <summary>
/// Indicators over the years on the corpus's base plan (2025-06-30 published with its record): an indicator added later
/// is never pulled into the published cut-off, a year's weights must add up only once the year has a cut-off, and the
/// record's indicators must stay measured.
/// </summary>
public sealed class PlanOverTheYearsTests : IDisposable
{
    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);

    private readonly ContentCase fixture = ContentCase.Open(ContentCase.BaseName);

    public void Dispose()
    {
        fixture.Dispose();
    }

    private string Content => fixture.ContentDirectory;

    private string Objective2 => Path.Combine(Content, "objetivos", "02-gestion-interna", "indicadores");

    private static string NewIndicator(string years) => $"""
        tipo: gestion
        meta:
          descripcion: Atender 40 solicitudes de archivo
        nombre: Solicitudes de archivo atendidas
        unidad: numero
        vigencias:
        {years}
        """;

    [Fact]
    public void An_indicator_with_only_next_year_s_targets_validates_while_that_year_has_no_cut_off()
    {
        File.WriteAllText(Path.Combine(Objective2, "204.yaml"), NewIndicator("  2026:\n    meta: 40\n    ponderacion: 30\n"));

        var validate = cli.Run("validate", "--content", Content);

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(
            [
                $"{Objective2}/204.yaml:9:18: warning PEI020: las ponderaciones de la vigencia 2026 del objetivo 2 suman 30 y deben sumar 100 (204: 30)",
                $"{DatedWarnings.Warnings(1 + DatedWarnings.Count(validate.Stderr))}, ningún error.",
            ],
            validate.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !DatedWarnings.IsDated(l)));
        Assert.DoesNotContain("204", PublishedIds("2025-06-30"));
    }

    [Fact]
    public void Once_the_year_has_a_cut_off_its_weights_must_add_up()
    {
        File.WriteAllText(Path.Combine(Objective2, "204.yaml"), NewIndicator("  2026:\n    meta: 40\n    ponderacion: 30\n"));
        Assert.Equal(0, cli.Run("nuevo-corte", "2026-03-31", "--content", Content).ExitCode);

        var validate = cli.Run("validate", "--content", Content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"{Objective2}/204.yaml:9:18: error PEI020: las ponderaciones de la vigencia 2026 del objetivo 2 suman 30", validate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_added_during_a_year_is_not_pulled_into_its_published_cut_off()
    {
        // 204 joins objective 2 in 2025 after 2025-06-30 was published: weights re-balanced, measured from 2025-09-30.
        Edit(Path.Combine(Objective2, "201.yaml"), "ponderacion: 50", "ponderacion: 40");
        File.WriteAllText(Path.Combine(Objective2, "204.yaml"), NewIndicator("  2025:\n    meta: 40\n    ponderacion: 10\n"));
        Assert.Equal(0, cli.Run("nuevo-corte", "2025-09-30", "--content", Content).ExitCode);

        // No PEI022 for 204 at the published 2025-06-30: the record does not count it. The new weight of 201 is a difference.
        var validate = cli.Run("validate", "--content", Content);
        Assert.Equal(1, validate.ExitCode);
        Assert.DoesNotContain("PEI022", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains(validate.ErrorLines, l => l.StartsWith($"{Objective2}/201.yaml:11:18: error PEI055: el corte 2025-06-30 ya está publicado y la ponderación del indicador 201 (objetivo 2) cambia: se publicó 50 % y ahora da 40 %", StringComparison.Ordinal));

        Assert.Equal(0, cli.Run("corregir", "2025-06-30", "--motivo", "Nueva ponderación de 2025 con el indicador 204", "--content", Content).ExitCode);

        Assert.Equal(0, cli.Run("validate", "--content", Content).ExitCode);
        var diagnostics = new DiagnosticBag();
        var plan = Pei.Site.Build.Pipeline.Compute(Content, diagnostics, new() { Display = "content" })?.Plan!;
        var june = PlanCalculator.Compute(plan, includeDrafts: true).CutOffs[0];
        Assert.Equal(new DateOnly(2025, 6, 30), june.CutOff.Date);
        Assert.Equal(["201", "202", "203"], june.Objectives[1].Indicators.Select(i => i.Indicator.Id));
        Assert.DoesNotContain("204", plan.PublicationOf(june.CutOff.Date)!.IndicatorIds);
    }

    [Fact]
    public void A_measurement_of_a_later_indicator_at_a_published_cut_off_is_an_error_and_corregir_does_not_record_it()
    {
        Edit(Path.Combine(Objective2, "201.yaml"), "ponderacion: 50", "ponderacion: 40");
        File.WriteAllText(Path.Combine(Objective2, "204.yaml"), NewIndicator("  2025:\n    meta: 40\n    ponderacion: 10\n    cortes:\n      2025-06-30:\n        programado: 10\n        ejecutado: 10\n"));
        var record = Path.Combine(Content, "publicaciones", "2025-06-30.yaml");
        var recorded = File.ReadAllText(record);
        var expected = $"{Objective2}/204.yaml:11:7: error PEI057: el indicador 204 tiene medición en el corte 2025-06-30, que ya está publicado sin contarlo; un indicador nuevo no entra en cortes ya publicados (ni con `corregir`): quite esa medición";

        var validate = cli.Run("validate", "--content", Content);
        var correct = cli.Run("corregir", "2025-06-30", "--motivo", "Se agrega 204", "--content", Content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(expected, validate.ErrorLines);
        Assert.Equal(1, correct.ExitCode);
        Assert.Equal(expected, Assert.Single(correct.ErrorLines));
        Assert.Equal(recorded, File.ReadAllText(record));
    }

    [Fact]
    public void An_indicator_the_record_counts_must_keep_its_measurement_and_corregir_cannot_drop_it()
    {
        var path = Path.Combine(Objective2, "202.yaml");
        File.WriteAllText(path, File.ReadAllText(path)[..File.ReadAllText(path).IndexOf("    cortes:", StringComparison.Ordinal)]);
        var expected = $"{path}:1:1: error PEI056: el corte 2025-06-30 ya está publicado y contó el indicador 202 del objetivo 2, que ahora no tiene medición en ese corte; restaure la medición: un indicador que se retira conserva sus mediciones de los cortes ya publicados";

        var validate = cli.Run("validate", "--content", Content);
        var correct = cli.Run("corregir", "2025-06-30", "--motivo", "Se retira 202", "--content", Content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(expected, validate.ErrorLines);
        Assert.Equal(1, correct.ExitCode);
        Assert.Equal(expected, Assert.Single(correct.ErrorLines));
    }

    private string[] PublishedIds(string date)
    {
        var site = Path.Combine(Path.GetDirectoryName(Content)!, "_site");
        var build = cli.Run("build", "--content", Content, "--out", site, "--theme", Repository.Theme);
        Assert.True(build.ExitCode == 0, build.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, "datos", "plan.json")));
        return json.RootElement.GetProperty("cortes").EnumerateArray().Single(c => c.GetProperty("fecha").GetString() == date)
            .GetProperty("objetivos").EnumerateArray().SelectMany(o => o.GetProperty("indicadores").EnumerateArray())
            .Select(i => i.GetProperty("id").GetString()!).ToArray();
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
