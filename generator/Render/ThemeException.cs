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

    /// <summary>The problem as a PEI100 diagnostic, pointing at the template at fault when it is known.</summary>
    public Diagnostic ToDiagnostic(string theme) =>
        new(Codes.ThemeError.Code, Severity.Error,
            new SourceSpan(File is { } file ? Path.Combine(theme, file).Replace('\\', '/') : theme, 1, 1),
            Codes.ThemeError.Format(Message));
}
