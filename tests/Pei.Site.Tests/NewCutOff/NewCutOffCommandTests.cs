using System.Text.Json;

namespace Pei.Site.Tests.NewCutOffBehaviour;

/// <summary>nuevo-corte on a copy of the real content: what it adds, what it keeps, and what it refuses.</summary>
public sealed class NewCutOffCommandTests : IDisposable
{
    /// <summary>The quarter after the content's last cut-off, whatever it is today.</summary>
    private static readonly string NewDate = RealContent.PublishedJune2025.NextQuarterEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The indicators with a vigencia in the new cut-off's year: nuevo-corte adds a measurement to each.</summary>
    private static readonly int IndicatorsOfTheYear = RealContent.PublishedJune2025.Plan.Indicators.Count(i => i.FiscalYear(RealContent.PublishedJune2025.NextQuarterEnd.Year) is not null);

    private static readonly string[] MeasurementBlock =
    [
        $"      {NewDate}:",
        "        programado:",
        "        ejecutado:",
        "        observaciones:",
    ];

    /// <summary>The cut-offs build publishes from today's content (drafts left out).</summary>
    private static readonly string[] PublishedBefore =
        RealContent.PublishedJune2025.Report.CutOffs.Select(c => c.CutOff.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private readonly TempFolder temp = new();
    private readonly string content;

    public NewCutOffCommandTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
    }

    public void Dispose() => temp.Dispose();

    private string PlanPath => Path.Combine(content, "plan.yaml");

    private string[] IndicatorPaths => Directory.GetFiles(Path.Combine(content, "objetivos"), "*.yaml", SearchOption.AllDirectories)
        .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "indicadores")
        .Order(StringComparer.Ordinal)
        .ToArray();

    private string IndicatorPath(string id) => IndicatorPaths.Single(p => Path.GetFileName(p) == id + ".yaml");

    [Fact]
    public void New_cut_off_exits_zero_and_says_what_it_changed()
    {
        var outcome = Cli.Run("nuevo-corte", NewDate, "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith($"Corte {NewDate} agregado como borrador en plan.yaml y en {IndicatorsOfTheYear} indicadores.\n", outcome.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.EndsWith($"\nComplete programado, ejecutado y observaciones y, cuando el corte esté completo, ejecute `publicar {NewDate}`.\n",
            outcome.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(content + "/plan.yaml", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains(content + "/objetivos/03-comunicacion-publica/indicadores/4199.yaml", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_yaml_gains_exactly_the_draft_item_at_the_end_of_cortes()
    {
        var before = File.ReadAllText(PlanPath);

        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);

        var (at, added) = TextDiff.Insertion(before, File.ReadAllText(PlanPath));
        Assert.Equal([$"  - fecha: {NewDate}", "    borrador: true"], added);
        var lastCutOff = RealContent.PublishedJune2025.Plan.CutOffs[^1];
        Assert.Equal(lastCutOff.Title is { } title ? $"    titulo: {title}" : $"  - fecha: {lastCutOff.Date:yyyy-MM-dd}", Lines(before)[at - 1]);
    }

    [Fact]
    public void Every_indicator_with_a_2025_vigencia_gains_exactly_the_empty_measurement_block()
    {
        var before = IndicatorPaths.ToDictionary(p => p, File.ReadAllText);

        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);

        Assert.Equal(IndicatorsOfTheYear, before.Count(f => File.ReadAllText(f.Key) != f.Value));
        Assert.All(before.Where(f => File.ReadAllText(f.Key) != f.Value), file =>
        {
            var after = File.ReadAllText(file.Key);
            Assert.Equal(Lines(file.Value).Length + 4, Lines(after).Length);
            Assert.Equal(MeasurementBlock, TextDiff.Insertion(file.Value, after).Added);
        });
    }

    [Fact]
    public void The_block_goes_after_the_multi_line_observaciones_of_4199_and_the_rest_stays_byte_for_byte()
    {
        var path = IndicatorPath("4199");
        var before = File.ReadAllText(path);
        Assert.Contains("observaciones: |\n", before, StringComparison.Ordinal);
        Assert.EndsWith("en el mes de julio.\n", before, StringComparison.Ordinal);

        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);

        Assert.Equal(
            before + $"      {NewDate}:\n        programado:\n        ejecutado:\n        observaciones:\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Comments_are_kept_in_every_file()
    {
        var files = IndicatorPaths.Append(PlanPath).ToArray();
        var before = files.ToDictionary(p => p, p => CommentLines(File.ReadAllText(p)));

        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);

        Assert.All(files, p => Assert.Equal(before[p], CommentLines(File.ReadAllText(p))));
        Assert.True(before.Values.Sum(c => c.Length) > 30);
    }

    [Fact]
    public void After_it_validate_passes_with_a_warning_for_each_empty_value_and_build_publishes_only_the_first_cut_off()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);

        var validate = Cli.Run("validate", "--content", content);
        Assert.Equal(0, validate.ExitCode);
        var warnings = validate.Stderr.Split('\n').Where(l => l.Contains(": warning PEI035: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(IndicatorsOfTheYear * 2, warnings.Length);
        Assert.Contains(warnings, w => w.Contains("4199.yaml:", StringComparison.Ordinal) && w.EndsWith($"falta 'programado' en el corte en borrador {NewDate}; complételo antes de publicar el corte", StringComparison.Ordinal));
        Assert.DoesNotContain(": error ", validate.Stderr, StringComparison.Ordinal);

        Assert.Equal(PublishedBefore, PublishedCutOffs());
    }

    [Fact]
    public void Filled_in_and_published_with_publicar_the_cut_off_is_built()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);
        foreach (var path in IndicatorPaths)
        {
            File.WriteAllText(path, File.ReadAllText(path)
                .Replace("        programado:\n", "        programado: 1\n", StringComparison.Ordinal)
                .Replace("        ejecutado:\n", "        ejecutado: 1\n", StringComparison.Ordinal));
        }
        Assert.Equal(0, Cli.Run("publicar", NewDate, "--content", content).ExitCode);

        Assert.Equal([.. PublishedBefore, NewDate], PublishedCutOffs());
    }

    [Fact]
    public void Without_borrador_and_not_filled_in_the_empty_values_are_errors()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);
        RemoveDraftMark();

        var validate = Cli.Run("validate", "--content", content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(IndicatorsOfTheYear * 2, validate.ErrorLines.Length);
        Assert.All(validate.ErrorLines, l => Assert.Contains(": error PEI036: falta '", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-06-30", "plan.yaml:46:12: error PEI024: las fechas de 'cortes' deben ir en orden creciente y sin repetirse: 2025-06-30 viene después de 2025-06-30; el corte 2025-06-30 ya está en la lista")]
    [InlineData("2025-03-31", "plan.yaml:46:12: error PEI024: las fechas de 'cortes' deben ir en orden creciente y sin repetirse: 2025-03-31 viene después de 2025-06-30; nuevo-corte agrega el corte al final de la lista, así que debe ser posterior a 2025-06-30")]
    [InlineData("2025-02-30", "nuevo-corte:1:1: error PEI010: '2025-02-30' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30")]
    [InlineData("mañana", "nuevo-corte:1:1: error PEI010: 'mañana' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30")]
    [InlineData("2025-9-30", "nuevo-corte:1:1: error PEI010: '2025-9-30' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30")]
    [InlineData("٢٠٢٥-٠٩-٣٠", "nuevo-corte:1:1: error PEI010: '٢٠٢٥-٠٩-٣٠' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30")]
    [InlineData("2031-03-31", "nuevo-corte:1:1: error PEI033: el corte 2031-03-31 está fuera del periodo del plan (2024 a 2027)")]
    public void Refused_dates_exit_one_with_the_reason_and_change_nothing(string date, string expected)
    {
        var before = Snapshot();

        var outcome = Cli.Run("nuevo-corte", date, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.EndsWith(expected, line, StringComparison.Ordinal);
        Assert.Contains("no se escribió nada", outcome.Stderr, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void Content_with_errors_is_reported_and_nothing_is_changed()
    {
        var path = IndicatorPath("4199");
        File.WriteAllText(path, File.ReadAllText(path).Replace("unidad: numero", "unidad: numeros", StringComparison.Ordinal));
        var before = Snapshot();

        var outcome = Cli.Run("nuevo-corte", NewDate, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("/4199.yaml:8:9: error PEI011: ", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void Files_with_crlf_line_endings_keep_crlf()
    {
        var lf = TempCopyRun();
        var path = IndicatorPath("4199");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));
        File.WriteAllText(PlanPath, File.ReadAllText(PlanPath).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", content).ExitCode);

        foreach (var (file, expected) in new[] { (path, lf.Indicator), (PlanPath, lf.Plan) })
        {
            var after = File.ReadAllText(file);
            Assert.DoesNotMatch("[^\r]\n", after);
            Assert.Equal(expected.Replace("\n", "\r\n", StringComparison.Ordinal), after);
        }
    }

    [Fact]
    public void A_vigencia_without_cortes_gets_a_cortes_key_with_the_block()
    {
        // Objective 3's three indicators get a 2026 vigencia (weights 50 / 25 / 25) without any measurement yet.
        var objective = Path.GetDirectoryName(IndicatorPath("4199"))!;
        var before = new Dictionary<string, string>();
        foreach (var (id, weight) in new[] { ("4199", 50), ("8116-3", 25), ("8116-4", 25) })
        {
            var path = Path.Combine(objective, id + ".yaml");
            File.AppendAllText(path, $"  2026:  # segunda vigencia\n    meta: 2\n    ponderacion: {weight}\n");
            before[path] = File.ReadAllText(path);
        }
        var others = IndicatorPaths.Where(p => !before.ContainsKey(p)).ToDictionary(p => p, File.ReadAllBytes);

        var outcome = Cli.Run("nuevo-corte", "2026-03-31", "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("en plan.yaml y en 3 indicadores", outcome.Stdout, StringComparison.Ordinal);
        Assert.All(before, file => Assert.Equal(
            file.Value + "    cortes:\n      2026-03-31:\n        programado:\n        ejecutado:\n        observaciones:\n",
            File.ReadAllText(file.Key)));
        Assert.All(others, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
        Assert.Equal(0, Cli.Run("validate", "--content", content).ExitCode);
    }

    private (string Indicator, string Plan) TempCopyRun()
    {
        using var other = new TempFolder();
        var copy = other.Copy(Repository.PublishedJune2025, "content");
        Assert.Equal(0, Cli.Run("nuevo-corte", NewDate, "--content", copy).ExitCode);
        return (
            File.ReadAllText(Directory.GetFiles(copy, "4199.yaml", SearchOption.AllDirectories).Single()),
            File.ReadAllText(Path.Combine(copy, "plan.yaml")));
    }

    private void RemoveDraftMark()
    {
        var plan = File.ReadAllText(PlanPath);
        Assert.Contains("    borrador: true\n", plan, StringComparison.Ordinal);
        File.WriteAllText(PlanPath, plan.Replace("    borrador: true\n", "", StringComparison.Ordinal));
    }

    private string[] PublishedCutOffs()
    {
        var site = temp["site"];
        var build = Cli.Run("build", "--content", content, "--out", site, "--theme", Repository.Theme);
        Assert.True(build.ExitCode == 0, build.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, "datos", "plan.json")));
        return json.RootElement.GetProperty("cortes").EnumerateArray().Select(c => c.GetProperty("fecha").GetString()!).ToArray();
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(content, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.ReadAllBytes);

    private void AssertUnchanged(Dictionary<string, byte[]> before)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static string[] CommentLines(string text) =>
        Lines(text).Where(l => l.TrimStart().StartsWith('#') || l.Contains(" # ", StringComparison.Ordinal)).ToArray();
}
