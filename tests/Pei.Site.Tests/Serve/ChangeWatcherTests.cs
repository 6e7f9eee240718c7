using System.Diagnostics;

namespace Pei.Site.Tests.Serve;

/// <summary>
/// A rebuild of serve reads again only the files the watcher saw change, whatever way an editor saves; and an edit the
/// watcher never reports is still shown, found by the idle check of every file's stamp.
/// </summary>
[StartEarly]
public sealed class ChangeWatcherTests : IAsyncLifetime
{
    private const string Before = "Se espera subsanar el rezago en el mes de julio.";

    private readonly ServedContent _served = new(prepare: Load.SettledContent.Settle);

    public Task InitializeAsync() => _served.InitializeAsync();

    public Task DisposeAsync() => _served.DisposeAsync();

    /// <summary>Lets the first idle check pass, so that the edit's rebuild is the watcher's.</summary>
    private static Task PastFirstIdleCheckAsync() => Task.Delay(Pei.Site.Serve.PreviewServer.Idle + TimeSpan.FromMilliseconds(500));

    [Fact]
    public async Task An_edit_saved_by_renaming_a_new_file_over_the_old_shows_after_a_rebuild_that_reads_only_that_file()
    {
        await PastFirstIdleCheckAsync();
        var file = _served.IndicatorFile("4199");
        // As many editors save: the new text into a hidden file beside it, then renamed over it. (Its own rebuild first,
        // so that a slow machine cannot split the two into rebuilds the test does not expect.)
        var temporary = Path.Combine(Path.GetDirectoryName(file)!, ".4199.yaml.guardando");
        var version = _served.Server.Version;
        await File.WriteAllTextAsync(temporary, (await File.ReadAllTextAsync(file)).Replace(Before, "Se espera subsanar el rezago en agosto.", StringComparison.Ordinal));
        await _served.WaitForRebuildAfterAsync(version);
        Assert.Equal(0, _served.Server.Memo.Read);
        version = _served.Server.Version;
        File.Move(temporary, file, overwrite: true);
        await _served.WaitForRebuildAfterAsync(version);

        var main = (await _served.GetPageAsync("indicadores/4199/")).QuerySelector("main")!.TextContent;
        Assert.Contains("Se espera subsanar el rezago en agosto.", main, StringComparison.Ordinal);
        Assert.True(_served.Server.Memo.Trusted);
        Assert.Equal(1, _served.Server.Memo.Read);
        // The other files' indicators are the objects of the last rebuild: only 4199's objective is computed again, at the
        // one cut-off (2025-06-30).
        Assert.Equal(1, _served.Server.Computed.Computed);
        Assert.True(_served.Server.Computed.Reused > 0);
        Assert.Equal("", _served.Stderr.ToString());
    }

    [Fact]
    public async Task An_edit_the_watcher_never_reports_shows_after_the_idle_check_of_every_stamp()
    {
        var file = _served.IndicatorFile("4199");
        // A hard link outside the content folder: writing through it changes the file, and no event reaches the content's watch.
        var outside = Path.Combine(Path.GetDirectoryName(_served.Content)!, "4199-enlace-duro.yaml");
        Assert.Equal(0, Link(file, outside));
        await PastFirstIdleCheckAsync();
        var version = _served.Server.Version;
        await File.WriteAllTextAsync(outside, (await File.ReadAllTextAsync(outside)).Replace(Before, "Se espera subsanar el rezago en septiembre.", StringComparison.Ordinal));
        using (var limit = new CancellationTokenSource(Pei.Site.Serve.PreviewServer.Poll + ServedContent.Limit))
        {
            await _served.Server.WaitForVersionAsync(version + 1, limit.Token);
        }

        var main = (await _served.GetPageAsync("indicadores/4199/")).QuerySelector("main")!.TextContent;
        Assert.Contains("Se espera subsanar el rezago en septiembre.", main, StringComparison.Ordinal);
        // Rebuilt by the idle check, which asks every stamp again, not by an event.
        Assert.False(_served.Server.Memo.Trusted);
        Assert.Equal("", _served.Stderr.ToString());
    }

    /// <summary>ln: a second name for the file at <paramref name="existing"/>; its exit code.</summary>
    private static int Link(string existing, string created)
    {
        using var ln = Process.Start(new ProcessStartInfo("ln", [existing, created])) ?? throw new InvalidOperationException("ln no arrancó");
        ln.WaitForExit();
        return ln.ExitCode;
    }
}
