using Pei.Site.Load;

namespace Pei.Site.Tests.Load;

/// <summary>
/// The memo serve passes to every rebuild's load: a file whose stamp did not change is taken from it, and nothing a load
/// gives (diagnostics, the computed report) differs from a load without it, whatever was edited, added or removed.
/// </summary>
public sealed class LoadMemoTests : IDisposable
{
    private readonly SettledContent _settled = new();
    private readonly string _content;
    private readonly LoadMemo _memo = new();
    private readonly int _files;

    public LoadMemoTests()
    {
        _content = _settled.Folder;
        _files = Directory.GetFiles(Path.Combine(_content, "objetivos"), "*.yaml", SearchOption.AllDirectories).Count(f => f.Contains("/indicadores/", StringComparison.Ordinal))
            + Directory.GetFiles(Path.Combine(_content, "publicaciones"), "*.yaml").Length;
    }

    public void Dispose() => _settled.Dispose();

    private string Indicator(string id) => _settled.Indicator(id);

    private void Write(string file, string text) => _settled.Write(file, text);

    private void Edit(string file, string from, string to) => _settled.Edit(file, from, to);

    /// <summary>What a load gives, as serve computes it (drafts included): every diagnostic, and plan.json when there is a report.</summary>
    private (string Diagnostics, string PlanJson) Load(LoadMemo? memo)
    {
        var (diagnostics, planJson, _) = _settled.Compute(memo);
        return (diagnostics, planJson);
    }

    /// <summary>Loads with the memo and without it; asserts both give the same and returns how many files the memo load read.</summary>
    private int LoadBoth()
    {
        var memoized = Load(_memo);
        var read = _memo.Read;
        var cold = Load(null);
        Assert.Equal(cold.Diagnostics, memoized.Diagnostics);
        Assert.Equal(cold.PlanJson, memoized.PlanJson);
        return read;
    }

    [Fact]
    public void Edits_additions_and_removals_give_what_a_load_without_the_memo_gives_reading_only_what_changed()
    {
        Assert.Equal(_files, LoadBoth());
        Assert.Equal(0, LoadBoth());
        Assert.Equal(_files, _memo.Reused);

        // A figure of the published cut-off changed: an error, the same with the memo as without.
        var file = Indicator("4199");
        Edit(file, "ejecutado: 0.36456", "ejecutado: 0.49");
        Assert.Equal(1, LoadBoth());
        Assert.Contains("PEI055", Load(_memo).Diagnostics, StringComparison.Ordinal);

        // An edit that keeps the length: another digit.
        Edit(file, "ejecutado: 0.49", "ejecutado: 0.48");
        Assert.Equal(1, LoadBoth());
        Assert.Contains("se publicó 0,36456 y ahora da 0,48", Load(_memo).Diagnostics, StringComparison.Ordinal);

        // Back as published: no error any more.
        Edit(file, "ejecutado: 0.48", "ejecutado: 0.36456");
        Assert.Equal(1, LoadBoth());
        Assert.Equal("", Load(_memo).Diagnostics);

        // A syntax error in one file, then fixed.
        Edit(file, "ponderacion: 50", "ponderacion: cincuenta");
        Assert.Equal(1, LoadBoth());
        Assert.Contains("PEI008", Load(_memo).Diagnostics, StringComparison.Ordinal);
        Edit(file, "ponderacion: cincuenta", "ponderacion: 50");
        Assert.Equal(1, LoadBoth());

        // A new indicator (a copy under another name: its code repeats, an error), then removed again.
        var copy = Path.Combine(Path.GetDirectoryName(file)!, "4199-copia.yaml");
        Write(copy, File.ReadAllText(file));
        Assert.Equal(1, LoadBoth());
        Assert.NotEqual("", Load(_memo).Diagnostics);
        File.Delete(copy);
        Assert.Equal(0, LoadBoth());
        Assert.Equal("", Load(_memo).Diagnostics);

        // A removed indicator of the published cut-off.
        File.Delete(file);
        Assert.Equal(0, LoadBoth());
        Assert.Contains("error PEI", Load(_memo).Diagnostics, StringComparison.Ordinal); // the published figures changed
    }

    [Fact]
    public void A_change_to_the_cut_offs_in_plan_yaml_reads_every_file_again()
    {
        Assert.Equal(_files, LoadBoth());
        var plan = Path.Combine(_content, "plan.yaml");
        Edit(plan, "    titulo: Segundo trimestre 2025\n", "    titulo: Segundo trimestre 2025\n  - fecha: 2025-09-30\n    borrador: true\n");
        Assert.Equal(_files, LoadBoth());
        Assert.Contains("PEI022", Load(_memo).Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_written_moments_ago_is_read_again_on_every_load_until_it_settles()
    {
        Assert.Equal(_files, LoadBoth());
        var file = Indicator("4199");
        // Written now and left with that time: the file system's clock may not tick before the next write.
        File.WriteAllText(file, File.ReadAllText(file).Replace("ejecutado: 0.36456", "ejecutado: 0.36457", StringComparison.Ordinal));
        Assert.Equal(1, LoadBoth());
        Assert.Equal(1, LoadBoth());
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - LoadMemo.Settled - TimeSpan.FromSeconds(1));
        Assert.Equal(1, LoadBoth());
        Assert.Equal(0, LoadBoth());
    }

    private static HashSet<string> Paths(params string[] paths) => new(paths, StringComparer.Ordinal);

    [Fact]
    public void A_load_told_what_the_watcher_saw_reads_only_those_files_and_takes_the_others_without_asking()
    {
        Assert.Equal(_files, LoadBoth());
        Assert.False(_memo.Trusted);

        // The watcher saw one file change: only it is read, the folder is not walked again, and the load is a cold load's.
        var file = Indicator("4199");
        Edit(file, "ejecutado: 0.36456", "ejecutado: 0.49");
        _memo.Watched(Paths(file), structure: false);
        Assert.Equal(1, LoadBoth());
        Assert.True(_memo.Trusted);
        Assert.False(_memo.Walked);
        Assert.Contains("PEI055", Load(_memo).Diagnostics, StringComparison.Ordinal);

        // A folder named stands for everything under it (a folder renamed, or swapped with another).
        var folder = Path.GetDirectoryName(file)!;
        _memo.Watched(Paths(folder), structure: true);
        Assert.Equal(Directory.GetFiles(folder, "*.yaml").Length, LoadBoth());
        Assert.True(_memo.Trusted);
        Assert.True(_memo.Walked);

        // An edit the watcher did not report is not seen while the watcher is trusted: what Stale is for.
        Edit(file, "ejecutado: 0.49", "ejecutado: 0.36456");
        _memo.Watched(Paths(), structure: false);
        var trusted = Load(_memo);
        Assert.Equal(0, _memo.Read);
        Assert.Contains("PEI055", trusted.Diagnostics, StringComparison.Ordinal);
        Assert.True(_memo.Stale());
        // Stale leaves the next load to ask every stamp (even if the watcher vouches for it) and walk the folder again.
        _memo.Watched(Paths(), structure: false);
        Assert.Equal(1, LoadBoth());
        Assert.False(_memo.Trusted);
        Assert.True(_memo.Walked);
        Assert.Equal("", Load(_memo).Diagnostics);
        Assert.False(_memo.Stale());

        // A file created without an event: the folder's walk differs.
        File.WriteAllText(Path.Combine(folder, ".nota-sin-aviso"), "x");
        Assert.True(_memo.Stale());

        // A watcher that lost events: every stamp is asked.
        _memo.Watched(null, structure: true);
        Assert.Equal(0, LoadBoth());
        Assert.False(_memo.Trusted);
    }

    [Fact]
    public void The_watcher_is_not_trusted_for_content_that_holds_a_symbolic_link()
    {
        // A link (hidden, so the loader ignores it) to a file of the content: an edit through either path reaches the
        // other, and a watcher reports only the path written to.
        var file = Indicator("4199");
        File.CreateSymbolicLink(Path.Combine(_content, ".enlace-4199.yaml"), file);
        Assert.Equal(_files, LoadBoth());

        Edit(file, "ejecutado: 0.36456", "ejecutado: 0.49");
        _memo.Watched(Paths(), structure: false);
        Assert.Equal(1, LoadBoth());
        Assert.False(_memo.Trusted);
        Assert.Contains("PEI055", Load(_memo).Diagnostics, StringComparison.Ordinal);
    }
}
