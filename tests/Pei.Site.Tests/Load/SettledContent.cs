using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Render.OpenData;

namespace Pei.Site.Tests.Load;

/// <summary>
/// A copy of the content published on 30 June 2025 for the tests of serve's memos: every file last written an hour ago
/// (older than <see cref="LoadMemo.Settled"/>), so a memo keeps what it read of each, then edited as an editor would, each
/// write dated later than the one before and still in the past, so every edit has a stamp of its own.
/// </summary>
internal sealed class SettledContent : IDisposable
{
    private readonly TempFolder _temp = new();
    private DateTime _clock = DateTime.UtcNow.AddHours(-1);

    public SettledContent()
    {
        Folder = _temp.Copy(Repository.PublishedJune2025, "content");
        Settle(Folder, _clock);
    }

    /// <summary>The content folder.</summary>
    public string Folder { get; }

    public void Dispose() => _temp.Dispose();

    /// <summary>Every file of a content folder last written an hour ago (serve's tests, which copy their own).</summary>
    public static void Settle(string content) => Settle(content, DateTime.UtcNow.AddHours(-1));

    private static void Settle(string content, DateTime written)
    {
        foreach (var file in Directory.GetFiles(content, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, written);
        }
    }

    /// <summary>The file of the indicator <paramref name="id"/>.</summary>
    public string Indicator(string id) => Directory.GetFiles(Folder, id + ".yaml", SearchOption.AllDirectories).Single();

    /// <summary>Writes a file as an editor would, then dates it (in the past, later than any date given before).</summary>
    public void Write(string file, string text)
    {
        File.WriteAllText(file, text);
        _clock = _clock.AddSeconds(1);
        File.SetLastWriteTimeUtc(file, _clock);
    }

    public void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        Write(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>
    /// What a rebuild of serve computes (drafts included) with these memos: every diagnostic, plan.json when there is a
    /// report, and the report.
    /// </summary>
    public (string Diagnostics, string PlanJson, PlanReport? Report) Compute(LoadMemo? load, MethodMemo? method = null)
    {
        var diagnostics = new DiagnosticBag();
        var report = Pipeline.Compute(Folder, diagnostics, new Pipeline.Options { IncludeDrafts = true, Memo = load, Computed = method });
        var json = "(sin informe)";
        if (report is not null)
        {
            using var stream = new MemoryStream();
            PlanJson.Write(report, stream);
            json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
        return (string.Join('\n', diagnostics.Sorted()), json, report);
    }
}
