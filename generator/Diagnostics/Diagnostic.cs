namespace Pei.Site.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>A position in a content file, 1-based, as planners see it in their editor.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One problem found in the content: data, never an exception.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Where, string Message)
{
    public string SeverityWord => Severity == Severity.Error ? "error" : "warning";

    /// <summary>
    /// The one-line form: <c>path:line:col: error PEIxxx: mensaje</c>. Control and invisible characters from content
    /// (in the path or the message) are written as <c>\u001B</c>, so the line stays one line and cannot act on a terminal.
    /// </summary>
    public override string ToString() => UnsafeCharacters.Printable($"{Where}: {SeverityWord} {Code}: {Message}");
}
