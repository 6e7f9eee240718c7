namespace Pei.Site.Diagnostics;

/// <summary>Collects the diagnostics of one run, in the order they are found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    public bool HasErrorsIn(string file) => items.Any(d => d.Severity == Severity.Error && d.Where.File == file);

    public int ErrorCount => items.Count(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    /// <summary>Adds the diagnostics another bag collected (a file read on another thread), in their order.</summary>
    public void AddRange(DiagnosticBag other) => items.AddRange(other.items);

    public void Error(DiagnosticCode code, SourceSpan where, params object[] args) =>
        items.Add(new Diagnostic(code.Code, Severity.Error, where, code.Format(args)));

    public void Warning(DiagnosticCode code, SourceSpan where, params object[] args) =>
        items.Add(new Diagnostic(code.Code, Severity.Warning, where, code.Format(args)));

    /// <summary>Diagnostics sorted by file, line and column, so output is stable whatever the load order.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        items
            .OrderBy(d => d.Where.File, StringComparer.Ordinal)
            .ThenBy(d => d.Where.Line)
            .ThenBy(d => d.Where.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
