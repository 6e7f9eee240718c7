using Pei.Site.Diagnostics;

namespace Pei.Site.Render;

/// <summary>
/// The theme cannot render the site: a template is missing, does not compile or fails while rendering.
/// The message is Spanish and names the file, so the CLI can show it as a diagnostic.
/// </summary>
public sealed class ThemeException : Exception
{
    public ThemeException(string message) : base(message)
    {
    }

    public ThemeException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The theme file at fault (relative to the theme folder, forward slashes), when known.</summary>
    public string? File { get; init; }

    /// <summary>The diagnostic's code: PEI100 (a template), or PEI116 (a file of the theme that is not read, see <see cref="Refused"/>).</summary>
    public DiagnosticCode Code { get; init; } = Codes.ThemeError;

    /// <summary>The problem as a diagnostic, pointing at the file at fault when it is known.</summary>
    public Diagnostic ToDiagnostic(string theme) =>
        new(Code.Code, Severity.Error,
            new SourceSpan(File is { } file ? Path.Combine(theme, file).Replace('\\', '/') : theme, 1, 1),
            Code == Codes.ThemeError ? Codes.ThemeError.Format(Message) : Message);

    /// <summary>
    /// An entry of the theme's <paramref name="folder"/> (static/ or layouts/) that is not read: a link out of the theme's
    /// folder or around a cycle, a broken link, a named pipe or a device (PEI116).
    /// </summary>
    public static ThemeException Refused(string folder, FileSystem.RefusedEntry entry) =>
        new(Codes.ThemeFileRefused.Format($"{folder}/{entry.Relative}", FileSystem.FolderWalk.Explain(entry)))
        {
            File = $"{folder}/{entry.Relative}",
            Code = Codes.ThemeFileRefused,
        };
}
