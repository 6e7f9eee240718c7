using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Load;

/// <summary>
/// <see cref="ContentFolder.Read"/> returns a file's bytes exactly (read into an array of the file's length, without a
/// copy), and refuses a file over the limit by one byte with PEI027 naming its size.
/// </summary>
public sealed class ContentFolderReadTests
{
    private const int Limit = 4096;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(Limit)]
    public void A_file_up_to_the_limit_is_read_byte_for_byte(int length)
    {
        using var temp = new TempFolder();
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 3)).ToArray();
        File.WriteAllBytes(temp["a.yaml"], bytes);
        var diagnostics = new DiagnosticBag();

        var read = new ContentFolder(temp.Path, "content").Read(temp["a.yaml"], new SourceSpan("content/a.yaml", 1, 1), diagnostics, Limit);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(bytes, read);
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(3 * Limit)]
    public void A_file_over_the_limit_is_refused_with_its_size(int length)
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp["a.yaml"], new byte[length]);
        var diagnostics = new DiagnosticBag();

        var read = new ContentFolder(temp.Path, "content").Read(temp["a.yaml"], new SourceSpan("content/a.yaml", 1, 1), diagnostics, Limit);

        Assert.Null(read);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(
            $"content/a.yaml:1:1: error PEI027: el archivo pesa {length} bytes y el máximo es {Limit}; un archivo de contenido no debería ser tan grande",
            error.ToString());
    }
}
