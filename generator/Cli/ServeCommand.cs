namespace Pei.Site.Cli;

/// <summary>
/// serve: builds (drafts included) into a temporary folder, serves it on 127.0.0.1, rebuilds on every change to the content
/// or the theme and reloads the open pages; a broken edit shows its diagnostics and keeps the last good site up.
/// </summary>
public static class ServeCommand
{
    public static int Run(string content, string theme, int port, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default) =>
        throw new NotImplementedException("serve");
}
