using System.IO.Compression;
using System.Text;

namespace Pei.Site.Tests.Write;

/// <summary>What a reviewer reads when a reference output no longer matches (see <see cref="ReferenceOutputTests"/>).</summary>
public sealed class SiteSnapshotTests
{
    [Fact]
    public void A_difference_shows_the_missing_and_extra_files_and_a_unified_diff_of_the_changed_lines()
    {
        using var temp = new TempFolder();
        var lines = Enumerable.Range(1, 20).Select(i => $"línea {i}").ToList();
        Site(temp["antes"], ("index.html", string.Join('\n', lines) + "\n"), ("css/sitio.css", "a{}\n"), ("datos/cortes.csv", "a,b\r\n1,2\r\n"),
            ("img/logo.png", "\u0089PNG\0\u0001"));
        SiteSnapshot.Of(temp["antes"]).Save(temp["referencia"], temp["referencia.sha256"]);
        lines[4] = "línea cinco";
        lines.Insert(15, "nueva");
        Site(temp["despues"], ("index.html", string.Join('\n', lines) + "\n"), ("robots.txt", "User-agent: *\n"), ("datos/cortes.csv", "a,b\n1,2\n"),
            ("img/logo.png", "\u0089PNG\0\u0002"));

        var differences = SiteSnapshot.Of(temp["despues"]).DifferencesFrom(SiteSnapshot.Load(temp["referencia"], temp["referencia.sha256"]));

        Assert.Equal(
            """
            esperados y no generados (1):
              css/sitio.css
            generados y no esperados (1):
              robots.txt
            distintos (3):
              datos/cortes.csv
              img/logo.png
              index.html

            --- esperado/datos/cortes.csv
            +++ generado/datos/cortes.csv
            @@ -1,2 +1,2 @@
            -a,b␍
            -1,2␍
            +a,b
            +1,2

            img/logo.png: esperado sha256 09824c6bec844d272dd1a01cd876409dfaf7b650d0ec2fc2e88a1e6a8596f762, generado sha256 19ed57bd94881e1149f7fd0a7439e1ddc58702bfdc40b63793a2b6392a3cc818

            --- esperado/index.html
            +++ generado/index.html
            @@ -2,7 +2,7 @@
             línea 2
             línea 3
             línea 4
            -línea 5
            +línea cinco
             línea 6
             línea 7
             línea 8
            @@ -13,6 +13,7 @@
             línea 13
             línea 14
             línea 15
            +nueva
             línea 16
             línea 17
             línea 18

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            differences);
    }

    [Fact]
    public void A_workbook_is_kept_as_its_xml_parts_one_element_per_line_and_its_entries_must_have_the_fixed_time()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["sitio/datos"]);
        File.WriteAllBytes(temp["sitio/datos/libro.xlsx"], Zip(new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var snapshot = SiteSnapshot.Of(temp["sitio"]);

        Assert.Equal(["datos/libro.xlsx/xl/hoja.xml"], snapshot.Texts.Keys);
        Assert.Equal("\uFEFF<?xml version=\"1.0\"?>\n<x:hoja>\n<x:c>uno\ndos</x:c>\n<x:c />\n</x:hoja>", Encoding.UTF8.GetString(snapshot.Texts.Values.Single()));
        Assert.Empty(snapshot.Hashes);

        File.WriteAllBytes(temp["sitio/datos/libro.xlsx"], Zip(new DateTimeOffset(2025, 6, 30, 10, 0, 0, TimeSpan.Zero)));
        var refused = Assert.Throws<InvalidDataException>(() => SiteSnapshot.Of(temp["sitio"]));
        Assert.StartsWith("datos/libro.xlsx: la entrada xl/hoja.xml tiene la hora 2025-06-30T10:00:00", refused.Message, StringComparison.Ordinal);
    }

    private static void Site(string folder, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, text.StartsWith('\u0089') ? [.. text.Select(c => (byte)c)] : Encoding.UTF8.GetBytes(text));
        }
    }

    private static byte[] Zip(DateTimeOffset time)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("xl/hoja.xml");
            entry.LastWriteTime = time;
            using var stream = entry.Open();
            stream.Write([0xEF, 0xBB, 0xBF, .. "<?xml version=\"1.0\"?><x:hoja><x:c>uno\ndos</x:c><x:c /></x:hoja>"u8]);
        }
        return bytes.ToArray();
    }
}
