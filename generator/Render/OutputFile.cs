namespace Pei.Site.Render;

/// <summary>One file of the generated site: a path relative to the output folder (forward slashes) and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content);

/// <summary>
/// One file of the site still to be rendered: its path (relative, forward slashes) and how to write its bytes. The Write
/// stage renders each when it is its turn and streams it to disk, so the whole site is never held in memory.
/// </summary>
public sealed record SiteFile(string Path, Action<Stream> Write)
{
    public static SiteFile Of(OutputFile file) => new(file.Path, stream => stream.Write(file.Content));

    /// <summary>Renders the file into memory (tests and the preview server).</summary>
    public OutputFile Render()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return new OutputFile(Path, stream.ToArray());
    }
}
