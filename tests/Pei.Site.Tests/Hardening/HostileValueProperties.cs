using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CsCheck;

namespace Pei.Site.Tests.Hardening;

/// <summary>The classes of hostile values the second hardening round closed, written into a copy of the real content.</summary>
internal enum HostileKind
{
    ExtremeNumber,
    Markdown,
    InvisibleCharacter,
    OddIndicatorName,
    OddKey,
}

internal sealed record HostileEdit(HostileKind Kind, string Value, int Position)
{
    public override string ToString() => $"{Kind}: {JsonSerializer.Serialize(Value.Length > 120 ? Value[..120] + "…" : Value)} at {Position}";
}

/// <summary>
/// Property: whatever extreme number, deep or huge Markdown, invisible character, odd file name or odd key is written into
/// the real content, validate ends within the time bound either in exit 1 with one-line path:line:col diagnostics, or in
/// exit 0, and then build writes a safe site: no script URL in any href or src, no control character in HTML, CSV or JSON.
/// </summary>
public sealed partial class HostileValueProperties
{
    private static readonly string IndicatorFile = Path.Combine("objetivos", "01-paz-y-reconciliacion", "indicadores", "3979.yaml");

    private static readonly string[] MarkdownPieces =
        ["[a](", "[a", "> ", "1. ", "*", "**a", "a*b", "_a_", "`", "<", "![a](", "\\", "&#x6A;", "<javascript:alert(document.domain)> ",
         "[x](javascript:void(0)) ", "![i](data:text/html,x) ", "[j](JaVa&#x09;ScRiPt:x) ", "<vbscript:x> ", "[t](tel:1) ", "texto ", "\n", "\n\n"];

    private static readonly char[] Characters =
        ['\0', '\u0007', '\u0008', '\u001B', '\u007F', '\u0085', '\u009B', '\u202A', '\u202E', '\u2066', '\u2069', '\u2028', '\uFEFF', '\t', '\u200D', 'é'];

    private static readonly string[] NameParts = ["\n", "\r", " ", ".", "con", "nul", "com1", "LPT9", "aux", "é", "\u202E", "\t", "-", "a", "9"];

    private static readonly Gen<string> ExtremeNumber = Gen.Select(
        Gen.Int[0, 2], Gen.Char["0123456789"].Array[1, 40], Gen.Int[0, 40], Gen.Int[-500, 500], Gen.Bool,
        (sign, digits, point, exponent, withExponent) =>
        {
            var mantissa = new string(digits);
            var at = Math.Min(point, mantissa.Length);
            var text = (sign == 0 ? "" : sign == 1 ? "-" : "+") + mantissa[..at] + (at < mantissa.Length ? "." + mantissa[at..] : "");
            return withExponent ? $"{text}e{exponent}" : text;
        });

    private static readonly Gen<string> HostileMarkdown = Gen.Select(
        Gen.Int[0, MarkdownPieces.Length - 1].Array[1, 3], Gen.Int[1, 30_000],
        (pieces, times) => string.Concat(Enumerable.Repeat(string.Concat(pieces.Select(i => MarkdownPieces[i])), times))[..Math.Min(60_000, times * pieces.Sum(i => MarkdownPieces[i].Length))]);

    private static readonly Gen<HostileEdit> Edit = Gen.OneOf(
        ExtremeNumber.Select(Gen.Int[0, 1000], (v, p) => new HostileEdit(HostileKind.ExtremeNumber, v, p)),
        HostileMarkdown.Select(Gen.Int[0, 1000], (v, p) => new HostileEdit(HostileKind.Markdown, v, p)),
        Gen.Int[0, Characters.Length - 1].Select(Gen.Int[0, 1_000_000], (c, p) => new HostileEdit(HostileKind.InvisibleCharacter, Characters[c].ToString(), p)),
        Gen.Int[0, NameParts.Length - 1].Array[1, 3].Select(Gen.Int[0, 1000], (parts, p) => new HostileEdit(HostileKind.OddIndicatorName, string.Concat(parts.Select(i => NameParts[i])), p)),
        Gen.Int[0, NameParts.Length - 1].Array[1, 3].Select(Gen.Int[0, 1000], (parts, p) => new HostileEdit(HostileKind.OddKey, "x" + string.Concat(parts.Select(i => NameParts[i])), p)));

    [GeneratedRegex(@"\A.+:\d+:\d+: (error|warning) PEI\d{3}: .+\z")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"(?<=:\s+)-?\d+(\.\d+)?(?=\s*(#.*)?$)", RegexOptions.Multiline)]
    private static partial Regex NumberValue();

    [GeneratedRegex(@"(?i)^\s*(javascript|vbscript|data|file)\s*:")]
    private static partial Regex ScriptUrl();

    [Fact]
    public void Hostile_values_end_in_line_diagnostics_or_a_safe_site_within_the_time_bound()
    {
        Edit.Sample(edit =>
        {
            using var temp = new TempFolder();
            var content = temp.Copy(Repository.PublishedJune2025, "content");
            Apply(edit, content);

            var validate = Bounded.Run(() => Cli.Run("validate", "--content", content), $"validating {edit}");

            Assert.True(validate.ExitCode is 0 or 1, $"{edit}: exit {validate.ExitCode}\n{validate.Stderr}");
            Assert.DoesNotContain(validate.Stderr + validate.Stdout, c => char.IsControl(c) && c is not ('\n' or '\r'));
            var lines = validate.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            if (validate.ExitCode == 1)
            {
                Assert.True(lines.Count >= 2, $"{edit}: {validate.Stderr}");
                Assert.All(lines[..^1], line => Assert.Matches(DiagnosticLine(), line));
                Assert.Contains(lines, line => line.Contains(": error PEI", StringComparison.Ordinal));
                return;
            }
            var site = Path.Combine(temp.Path, "_site");
            var build = Bounded.Run(() => Cli.Run("build", "--content", content, "--out", site, "--theme", Repository.Theme), $"building {edit}");
            Assert.True(build.ExitCode == 0, $"{edit}: validate passed but build failed:\n{build.Stderr}");
            AssertSafe(site, edit);
        }, iter: 60, threads: 2);
    }

    private static void AssertSafe(string site, HostileEdit edit)
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.GetFiles(site, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html") || f.EndsWith(".csv") || f.EndsWith(".json")))
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Any(c => UnsafeCharactersIn(c)), $"{edit}: control or bidirectional character in {file}");
            Assert.DoesNotContain("&#x1B;", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("&#x202E;", text, StringComparison.OrdinalIgnoreCase);
            if (file.EndsWith(".html"))
            {
                var document = parser.ParseDocument(text);
                foreach (var url in document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? ""))
                {
                    Assert.False(ScriptUrl().IsMatch(url.Replace("\t", "")), $"{edit}: unsafe URL '{url}' in {file}");
                }
            }
        }
    }

    private static bool UnsafeCharactersIn(char c) => Diagnostics.UnsafeCharacters.IsRefused(c);

    private static void Apply(HostileEdit edit, string content)
    {
        var indicator = Path.Combine(content, IndicatorFile);
        switch (edit.Kind)
        {
            case HostileKind.ExtremeNumber:
                var text = File.ReadAllText(indicator);
                var numbers = NumberValue().Matches(text);
                var number = numbers[edit.Position % numbers.Count];
                File.WriteAllText(indicator, text[..number.Index] + edit.Value + text[(number.Index + number.Length)..]);
                break;
            case HostileKind.Markdown:
                // JSON string escapes are YAML double-quoted escapes for these characters.
                File.AppendAllText(indicator, "        observaciones: " + JsonSerializer.Serialize(edit.Value) + "\n");
                break;
            case HostileKind.InvisibleCharacter:
                var files = Directory.GetFiles(content, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
                var target = files[edit.Position % files.Length];
                var body = File.ReadAllText(target);
                var at = edit.Position % (body.Length + 1);
                File.WriteAllText(target, body[..at] + edit.Value + body[at..], new UTF8Encoding(false));
                break;
            case HostileKind.OddIndicatorName:
                File.Copy(indicator, Path.Combine(Path.GetDirectoryName(indicator)!, (edit.Position % 2 == 0 ? "" : "8116-3") + edit.Value + ".yaml"));
                break;
            case HostileKind.OddKey:
                File.AppendAllText(indicator, JsonSerializer.Serialize(edit.Value) + ": 1\n");
                break;
        }
    }
}
