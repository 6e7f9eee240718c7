namespace Pei.Site.Cli;

/// <summary>
/// The theme a command uses when --theme is not given: <c>site-theme</c> in the working folder (the repository, for
/// developers) or, when there is none, the <c>site-theme</c> beside the program (the download carries it there), so that
/// a planner runs the downloaded program from their repository without --theme.
/// </summary>
internal static class ThemeFolder
{
    public const string Name = "site-theme";

    public static string Resolve(string? given)
    {
        if (given is not null || Directory.Exists(Name))
        {
            return given ?? Name;
        }
        // The program's own path, not AppContext.BaseDirectory: a single-file program runs from where it was unpacked.
        var program = Environment.ProcessPath is { } path ? Path.GetDirectoryName(path) : null;
        var beside = program is null ? null : Path.Combine(program, Name);
        return beside is not null && Directory.Exists(beside) ? beside : Name;
    }
}
