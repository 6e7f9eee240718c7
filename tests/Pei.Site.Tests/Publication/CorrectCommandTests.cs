using System.Text.Json;

namespace Pei.Site.Tests.Publication;

/// <summary>
/// corregir and the comparison rule on a copy of the real content, whose 2025-06-30 cut-off is published: objective 3's
/// published 87,20 % is re-weighted to 84,64 % (4199 to 60, 8116-3 and 8116-4 to 20 in 2025).
/// </summary>
public sealed class CorrectCommandTests : IDisposable
{
    private const string Reason = "Se corrigen las ponderaciones de 2025 del objetivo 3";

    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);
    private readonly TempFolder temp = new();
    private readonly string content;

    public CorrectCommandTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
    }

    public void Dispose()
    {
        temp.Dispose();
    }

    private string Objective3 => Path.Combine(content, "objetivos", "03-comunicacion-publica", "indicadores");

    private string RecordPath => Path.Combine(content, "publicaciones", "2025-06-30.yaml");

    private void Reweight()
    {
        Edit(Path.Combine(Objective3, "4199.yaml"), "    ponderacion: 50", "    ponderacion: 60");
        Edit(Path.Combine(Objective3, "8116-3.yaml"), "    ponderacion: 25", "    ponderacion: 20");
        Edit(Path.Combine(Objective3, "8116-4.yaml"), "    ponderacion: 25", "    ponderacion: 20");
    }

    [Fact]
    public void Re_weighting_a_published_cut_off_fails_validate_naming_the_cut_off_and_both_figures()
    {
        Reweight();

        var validate = cli.Run("validate", "--content", content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(4, validate.ErrorLines.Length);
        var compliance = Assert.Single(validate.ErrorLines, l => l.Contains("cumplimiento", StringComparison.Ordinal));
        Assert.StartsWith($"{RecordPath}:", compliance, StringComparison.Ordinal);
        Assert.EndsWith(
            ": error PEI055: el corte 2025-06-30 ya está publicado y el cumplimiento del objetivo 3 cambia: se publicó 87,20 % y ahora da 84,64 %; si es una corrección, ejecute `corregir 2025-06-30 --motivo \"…\"` para registrarla en la fe de erratas; si no, deshaga el cambio",
            compliance, StringComparison.Ordinal);
        Assert.Equal(
            $"{Objective3}/4199.yaml:13:18: error PEI055: el corte 2025-06-30 ya está publicado y la ponderación del indicador 4199 (objetivo 3) cambia: se publicó 50 % y ahora da 60 %; si es una corrección, ejecute `corregir 2025-06-30 --motivo \"…\"` para registrarla en la fe de erratas; si no, deshaga el cambio",
            validate.ErrorLines.Single(l => l.Contains("4199 (objetivo 3)", StringComparison.Ordinal)));
        Assert.Single(validate.ErrorLines, l => l.StartsWith($"{Objective3}/8116-3.yaml:13:18: error PEI055: ", StringComparison.Ordinal) && l.Contains("se publicó 25 % y ahora da 20 %", StringComparison.Ordinal));
        Assert.Single(validate.ErrorLines, l => l.StartsWith($"{Objective3}/8116-4.yaml:13:18: error PEI055: ", StringComparison.Ordinal));
        Assert.Equal(1, cli.Run("build", "--content", content, "--out", temp["site"], "--theme", Repository.Theme).ExitCode);
        Assert.False(Directory.Exists(temp["site"]));
    }

    [Fact]
    public void After_corregir_validate_passes_and_the_record_keeps_the_published_figure_and_adds_the_correction()
    {
        Reweight();
        var published = File.ReadAllText(RecordPath);

        var outcome = cli.Run("corregir", "2025-06-30", "--motivo", Reason, "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.Contains($"Corrección del corte 2025-06-30 registrada el 2026-11-26 en {RecordPath} (4 cifras; motivo: {Reason}):", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("  el cumplimiento del objetivo 3: 87,20 % → 84,64 %", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("  la ponderación del indicador 4199 (objetivo 3): 50 % → 60 %", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(published + """
            correcciones:
              - fecha: 2026-11-26
                motivo: "Se corrigen las ponderaciones de 2025 del objetivo 3"
                cifras:
                  objetivos:
                    3:
                      cumplimiento: 84.64
                      indicadores:
                        "4199":
                          ponderacion: 60
                        "8116-3":
                          ponderacion: 20
                        "8116-4":
                          ponderacion: 20

            """, File.ReadAllText(RecordPath));
        Assert.Contains("    3:\n      cumplimiento: 87.20\n", File.ReadAllText(RecordPath), StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode);
    }

    [Theory]
    [InlineData("correcciones: []\n", "correcciones:\n")]
    [InlineData("correcciones: [ ]   # ninguna todavía\n", "correcciones:   # ninguna todavía\n")]
    public void Corregir_turns_an_empty_flow_list_of_corrections_into_a_block_list_with_the_correction(string empty, string key)
    {
        var published = File.ReadAllText(RecordPath);
        File.WriteAllText(RecordPath, published + empty);
        Reweight();

        var outcome = cli.Run("corregir", "2025-06-30", "--motivo", Reason, "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var text = File.ReadAllText(RecordPath);
        Assert.StartsWith(published + key + "  - fecha: 2026-11-26\n    motivo: \"" + Reason + "\"\n    cifras:\n", text, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode);
    }

    [Fact]
    public void Plan_json_carries_the_publication_date_and_the_fe_de_erratas()
    {
        Reweight();
        Assert.Equal(0, cli.Run("corregir", "2025-06-30", "--motivo", Reason, "--content", content).ExitCode);

        Assert.Equal(0, cli.Run("build", "--content", content, "--out", temp["site"], "--theme", Repository.Theme).ExitCode);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp["site"], "datos", "plan.json")));
        var cutOff = json.RootElement.GetProperty("cortes").EnumerateArray().Single(c => c.GetProperty("fecha").GetString() == "2025-06-30");
        Assert.Equal("2026-11-26", cutOff.GetProperty("publicado").GetString());
        var errata = cutOff.GetProperty("correcciones").EnumerateArray().ToList();
        Assert.Equal(4, errata.Count);
        var compliance = errata.Single(e => e.GetProperty("cifra").GetString() == "cumplimiento");
        Assert.Equal(3, compliance.GetProperty("objetivo").GetInt32());
        Assert.Equal(JsonValueKind.Null, compliance.GetProperty("indicador").ValueKind);
        Assert.Equal(87.20m, compliance.GetProperty("publicado").GetDecimal());
        Assert.Equal(84.64m, compliance.GetProperty("corregido").GetDecimal());
        Assert.Equal("2026-11-26", compliance.GetProperty("fecha").GetString());
        Assert.Equal(Reason, compliance.GetProperty("motivo").GetString());
        var weight = errata.Single(e => e.GetProperty("indicador").GetString() == "4199");
        Assert.Equal(("ponderacion", 50m, 60m), (weight.GetProperty("cifra").GetString(), weight.GetProperty("publicado").GetDecimal(), weight.GetProperty("corregido").GetDecimal()));
        var objective3 = cutOff.GetProperty("objetivos").EnumerateArray().Single(o => o.GetProperty("numero").GetInt32() == 3);
        Assert.Equal(84.64m, Math.Round(objective3.GetProperty("cumplimiento").GetDecimal(), 2));
    }

    [Fact]
    public void A_second_correction_goes_after_the_first_and_its_published_value_is_the_corrected_one()
    {
        Reweight();
        Assert.Equal(0, cli.Run("corregir", "2025-06-30", "--motivo", Reason, "--content", content).ExitCode);
        Edit(Path.Combine(Objective3, "8116-3.yaml"), "        ejecutado: 2\n", "        ejecutado: 1.5\n");
        Edit(Path.Combine(Objective3, "8116-3.yaml"), "        programado: 2\n", "        programado: 2\n        observaciones: Se ajustó el ejecutado, una campaña quedó a la mitad.\n");

        var outcome = cli.Run("corregir", "2025-06-30", "--motivo", "Una \"campaña\" quedó a la mitad", "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("  el ejecutado del indicador 8116-3 (objetivo 3): 2 → 1,5", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("  el cumplimiento del objetivo 3: 84,64 % → 79,64 %", outcome.Stdout, StringComparison.Ordinal);
        var record = File.ReadAllText(RecordPath);
        Assert.Contains("""
                          ponderacion: 20
              - fecha: 2026-11-26
                motivo: "Una \"campaña\" quedó a la mitad"
            """, record, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode);
    }

    [Fact]
    public void Corregir_with_nothing_changed_says_there_is_nothing_to_correct_and_changes_nothing()
    {
        var before = File.ReadAllBytes(RecordPath);

        var outcome = cli.Run("corregir", "2025-06-30", "--motivo", Reason, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            $"{RecordPath}:1:1: error PEI064: las cifras del corte 2025-06-30 son las publicadas: nada que corregir; cambie primero el contenido (ponderaciones, metas o mediciones) y luego ejecute corregir",
            Assert.Single(outcome.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(RecordPath));
    }

    [Theory]
    [InlineData("   ", "corregir:1:1: error PEI029: '--motivo' no puede estar vacío")]
    [InlineData("", "corregir:1:1: error PEI029: '--motivo' no puede estar vacío")]
    public void An_empty_motivo_is_refused_and_nothing_changes(string reason, string expected)
    {
        Reweight();
        var before = File.ReadAllBytes(RecordPath);

        var outcome = cli.Run("corregir", "2025-06-30", "--motivo", reason, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(expected, Assert.Single(outcome.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(RecordPath));
    }

    [Fact]
    public void Corregir_without_motivo_is_a_usage_error()
    {
        var outcome = cli.Run("corregir", "2025-06-30", "--content", content);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: falta --motivo \"…\" (la razón de la corrección, que se publica en la fe de erratas)", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_cut_off_cannot_be_corrected_and_nothing_changes()
    {
        Assert.Equal(0, cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        var plan = Path.Combine(content, "plan.yaml");
        var line = File.ReadAllLines(plan).ToList().IndexOf("  - fecha: 2025-09-30") + 1;

        var outcome = cli.Run("corregir", "2025-09-30", "--motivo", Reason, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            $"{plan}:{line}:12: error PEI063: el corte 2025-09-30 no está publicado (está en borrador); solo se corrige un corte publicado: para publicarlo ejecute `publicar 2025-09-30`",
            Assert.Single(outcome.ErrorLines));
        Assert.False(File.Exists(Path.Combine(content, "publicaciones", "2025-09-30.yaml")));
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
