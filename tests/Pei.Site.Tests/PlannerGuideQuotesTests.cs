using System.Text.RegularExpressions;

namespace Pei.Site.Tests;

/// <summary>
/// The guide's sections on nuevo-corte, importing, the year change and discarding a draft quote the commands' messages
/// word for word: each message is produced here on a fixture (Load/Cases/_base) and looked for in content/README.md,
/// with only counts, positions, ids and the content folder's path free (the guide's examples are of the real plan).
/// </summary>
public sealed partial class PlannerGuideQuotesTests : IDisposable
{
    private static readonly string Guide = File.ReadAllText(Repository.PathTo("content", "README.md")).ReplaceLineEndings("\n");

    private readonly TempFolder temp = new();
    private readonly string content;

    public PlannerGuideQuotesTests() => content = temp.Copy(Repository.BaseCase, "content");

    public void Dispose() => temp.Dispose();

    [GeneratedRegex(@"(?<![\d-])\d+(?![\d-])")]
    private static partial Regex Count();

    /// <summary>Asserts that a line of the guide reads as <paramref name="line"/>, but for counts and the content folder.</summary>
    private void Quoted(string line, string? free = null)
    {
        var text = line.Replace(content, "content", StringComparison.Ordinal);
        var pattern = Count().Replace(Regex.Escape(text), @"\d+");
        if (free is not null)
        {
            pattern = pattern.Replace(Regex.Escape(free), ".+", StringComparison.Ordinal);
        }
        Assert.Matches(new Regex(@"^\s*" + pattern + "$", RegexOptions.Multiline), Guide);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Nuevo_corte_and_descartar_messages_are_quoted_as_printed()
    {
        var added = Cli.Run("nuevo-corte", "2025-09-30", "--content", content);
        Quoted(Lines(added.Stdout)[0]);
        Quoted(Lines(added.Stdout)[1]);
        Quoted(Lines(added.Stdout)[^1]);

        var discarded = Cli.Run("descartar", "2025-09-30", "--content", content);
        Quoted(Lines(discarded.Stdout)[0]);

        var published = Cli.Run("descartar", "2025-06-30", "--content", content);
        var lines = Lines(published.Stderr);
        Quoted(lines[0]);
        Quoted(lines[1]);
    }

    [Fact]
    public void The_year_change_list_of_nuevo_corte_is_quoted_as_printed()
    {
        var outcome = Cli.Run("nuevo-corte", "2026-03-31", "--content", content);
        var lines = Lines(outcome.Stdout);
        var attention = Array.FindIndex(lines, l => l.StartsWith("Atención:", StringComparison.Ordinal));

        Quoted(lines[attention]);
        Quoted(lines[attention + 1], "101, 102");
        Quoted(lines[^2]);
        Quoted(lines[^1]);
    }

    [Fact]
    public void The_closing_line_of_a_refused_import_is_quoted_as_printed()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        var sheet = temp["corte.csv"];
        File.WriteAllText(sheet, "corte;id (no editar);programado;ejecutado;observaciones\n2025-09-30;101;3;96 %;\n2025-09-30;102;95;96;\n2025-09-30;201;70;66;\n2025-09-30;202;2;2;\n2025-09-30;203;1;12;\n");

        var outcome = Cli.Run("importar", sheet, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        var lines = Lines(outcome.Stderr);
        Assert.Equal("1 error, 1 advertencia; no se escribió nada.", lines[^1]);
        Quoted(lines[^1]);
        Assert.Contains(lines, l => l.Contains("warning PEI021", StringComparison.Ordinal));
    }
}
