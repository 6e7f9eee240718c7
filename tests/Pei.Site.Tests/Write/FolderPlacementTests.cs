using System.Text;
using Pei.Site.FileSystem;
using Pei.Site.Render;
using Pei.Site.Write;

namespace Pei.Site.Tests.Write;

/// <summary>
/// A folder the site puts many folders in (<c>indicadores/</c>) is marked for ext4 to spread them over the disk
/// (<c>chattr +T</c>); nothing else is marked, and the bytes written are the same.
/// </summary>
public class FolderPlacementTests
{
    [Fact]
    public void Crowded_lists_each_folder_the_paths_put_at_least_64_folders_in()
    {
        var paths = Enumerable.Range(0, 64).Select(i => $"indicadores/i{i:00}/index.html")
            .Concat(Enumerable.Range(0, 63).Select(i => $"objetivos/o{i:00}/index.html"))
            .Concat(Enumerable.Range(0, 200).Select(i => $"datos/archivo-{i}.csv")) // files, not folders
            .Concat(Enumerable.Range(0, 70).Select(i => $"cortes/2025-03-31/indicadores/c{i}/tabla/index.html"))
            .Append("index.html");
        Assert.Equal(["cortes/2025-03-31/indicadores", "indicadores"], StagedSite.Crowded(paths).Order(StringComparer.Ordinal));

        var topLevel = Enumerable.Range(0, 64).Select(i => $"seccion-{i}/index.html");
        Assert.Equal([""], StagedSite.Crowded(topLevel));
        Assert.Empty(StagedSite.Crowded(topLevel.Skip(1)));
    }

    [Fact]
    public void A_build_marks_only_the_crowded_folder_where_the_file_system_knows_the_mark_and_writes_the_same_bytes()
    {
        using var temp = new TempFolder();
        var files = Enumerable.Range(0, 80).Select(i => $"indicadores/i{i:00}/index.html")
            .Concat(Enumerable.Range(0, 10).Select(i => $"objetivos/o{i}/index.html"))
            .Append("index.html")
            .Select(path => new SiteFile(path, stream => stream.Write(Encoding.UTF8.GetBytes("<p>" + path + "</p>"))))
            .ToList();
        var output = temp["_site"];
        SiteWriter.Write(files, output, TimeSpan.FromSeconds(5));

        foreach (var file in files)
        {
            Assert.Equal("<p>" + file.Path + "</p>", File.ReadAllText(Path.Combine(output, file.Path)));
        }
        // ext2, ext3 and ext4 keep the mark; tmpfs, btrfs, XFS and the network file systems refuse it; an overlay keeps it
        // where its upper layer does, so the mark is not asserted there (this repository's machines write on ext4).
        if (MarkKept(output) is { } kept)
        {
            Assert.Equal(kept, FolderPlacement.IsSpread(Path.Combine(output, "indicadores")));
        }
        Assert.False(FolderPlacement.IsSpread(Path.Combine(output, "objetivos")));
        Assert.False(FolderPlacement.IsSpread(Path.Combine(output, "indicadores", "i00")));
        Assert.False(FolderPlacement.IsSpread(output));
    }

    [Fact]
    public void The_mark_is_only_a_hint_a_missing_folder_or_a_file_is_left_alone()
    {
        using var temp = new TempFolder();
        FolderPlacement.SpreadSubfolders(temp["no-existe"]);
        var file = temp["archivo.txt"];
        File.WriteAllText(file, "texto");
        FolderPlacement.SpreadSubfolders(file);
        Assert.False(FolderPlacement.IsSpread(file));
        Assert.Equal("texto", File.ReadAllText(file));
        Assert.False(Directory.Exists(temp["no-existe"]));
    }

    /// <summary>
    /// Whether the file system that holds <paramref name="path"/> (the longest mount point above it) keeps
    /// FS_TOPDIR_FL: true on ext2, ext3 and ext4, null on an overlay or a FUSE mount (it depends on what is beneath),
    /// false elsewhere.
    /// </summary>
    private static bool? MarkKept(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        var real = Path.GetFullPath(path);
        var type = File.ReadAllLines("/proc/self/mounts")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 2 && (real == fields[1] || real.StartsWith(fields[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(fields => fields[1].Length)?[2];
        return type switch
        {
            "ext2" or "ext3" or "ext4" => true,
            "overlay" or "fuse" => null,
            _ when type?.StartsWith("fuse.", StringComparison.Ordinal) == true => null,
            _ => false,
        };
    }
}
