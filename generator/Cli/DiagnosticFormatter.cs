using Pei.Site.Diagnostics;

namespace Pei.Site.Cli;

/// <summary>How diagnostics are printed: the plain one-line form, or GitHub Actions workflow commands.</summary>
internal static class DiagnosticFormatter
{
    public static Func<Diagnostic, string> For(string format) => format == "github" ? GitHub : Text;

    public static string Text(Diagnostic diagnostic) => diagnostic.ToString();

    /// <summary>
    /// <c>::error file=…,line=…,col=…,title=PEIxxx::mensaje</c>, escaped as the workflow command syntax requires, after
    /// control and invisible characters are made visible as in the text form.
    /// </summary>
    public static string GitHub(Diagnostic diagnostic) =>
        $"::{diagnostic.SeverityWord} file={Property(diagnostic.Where.File)},line={diagnostic.Where.Line},col={diagnostic.Where.Column},title={Property(diagnostic.Code)}::{Data(diagnostic.Code + ": " + diagnostic.Message)}";

    private static string Data(string text) =>
        UnsafeCharacters.Printable(text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
