namespace Pei.Site.Diagnostics;

/// <summary>Collects the diagnostics of one run, in the order they are found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    /// <summary>The files with an error, so that asking about one file costs the same however many diagnostics there are.</summary>
    private readonly HashSet<string> filesWithErrors = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => ErrorCount > 0;

    public bool HasErrorsIn(string file) => filesWithErrors.Contains(file);

    public int ErrorCount { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        items.Add(diagnostic);
        if (diagnostic.Severity == Severity.Error)
        {
            ErrorCount++;
            filesWithErrors.Add(diagnostic.Where.File);
        }
    }

    /// <summary>Adds the diagnostics another bag collected (a file read on another thread), in their order.</summary>
    public void AddRange(DiagnosticBag other)
    {
        foreach (var diagnostic in other.items)
        {
            Add(diagnostic);
        }
    }

    public void Error(DiagnosticCode code, SourceSpan where, params object[] args) =>
        Add(new Diagnostic(code.Code, Severity.Error, where, code.Format(args)));

    public void Warning(DiagnosticCode code, SourceSpan where, params object[] args) =>
        Add(new Diagnostic(code.Code, Severity.Warning, where, code.Format(args)));

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
