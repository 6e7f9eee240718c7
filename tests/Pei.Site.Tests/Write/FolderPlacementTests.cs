using System.Text;
using Pei.Site.FileSystem;
using Pei.Site.Render;
using Pei.Site.Write;

namespace Pei.Site.Tests.Write;

/// <summary>
/// In a folder the site puts many folders in (<c>indicadores/</c>), one folder in eight is created with its parent
/// marked for ext4 to spread it over the disk (<c>chattr +T</c>), and the mark is removed at once: no folder keeps it,
/// a folder that had it keeps it, and the bytes written are the same.
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
    public void A_build_leaves_no_mark_behind_and_writes_the_same_bytes()
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
        Assert.Equal(80, Directory.GetDirectories(Path.Combine(output, "indicadores")).Length);
        Assert.False(FolderPlacement.IsMarked(Path.Combine(output, "indicadores")));
        Assert.False(FolderPlacement.IsMarked(Path.Combine(output, "objetivos")));
        Assert.False(FolderPlacement.IsMarked(Path.Combine(output, "indicadores", "i00")));
        Assert.False(FolderPlacement.IsMarked(output));
    }

    [Fact]
    public void A_spread_folder_is_created_and_its_parent_left_as_it_was()
    {
        using var temp = new TempFolder();
        var parent = temp["padre"];
        Directory.CreateDirectory(parent);
        FolderPlacement.Create(parent, Path.Combine(parent, "a"), spread: true);
        FolderPlacement.Create(parent, Path.Combine(parent, "b"), spread: false);
        Assert.True(Directory.Exists(Path.Combine(parent, "a")));
        Assert.True(Directory.Exists(Path.Combine(parent, "b")));
        Assert.False(FolderPlacement.IsMarked(parent));

        // A folder someone marked with chattr +T keeps its mark.
        if (MarkKept(parent) == true && Chattr("+T", parent))
        {
            Assert.True(FolderPlacement.IsMarked(parent));
            FolderPlacement.Create(parent, Path.Combine(parent, "c"), spread: true);
            Assert.True(Directory.Exists(Path.Combine(parent, "c")));
            Assert.True(FolderPlacement.IsMarked(parent));
        }
    }

    [Fact]
    public void The_mark_is_only_a_hint_a_missing_parent_or_a_file_is_left_alone()
    {
        using var temp = new TempFolder();
        var file = temp["archivo.txt"];
        File.WriteAllText(file, "texto");
        Assert.ThrowsAny<IOException>(() => FolderPlacement.Create(file, Path.Combine(file, "hijo"), spread: true));
        Assert.False(FolderPlacement.IsMarked(file));
        Assert.Equal("texto", File.ReadAllText(file));

        // A parent that does not exist yet cannot be marked: the folder is still created, with its parent.
        var missing = temp["no-existe"];
        FolderPlacement.Create(missing, Path.Combine(missing, "hijo"), spread: true);
        Assert.True(Directory.Exists(Path.Combine(missing, "hijo")));
        Assert.False(FolderPlacement.IsMarked(missing));
    }

    /// <summary>Runs chattr (e2fsprogs); false when it is missing or refuses.</summary>
    private static bool Chattr(string change, string path)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [change, path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
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
