using Pei.Site.Build;
using Pei.Site.Diagnostics;

namespace Pei.Site.Cli;

/// <summary>
/// validate [--base REF]: the content as build would check it, with no record dated after today; with a base, also the
/// publication records against those at the base (git archive), which the content may only add to.
/// </summary>
public static class ValidateCommand
{
    /// <param name="clock">Where today comes from (<see cref="Clock"/>).</param>
    public static Pipeline.Result Run(string content, string? baseRef, Clock clock)
    {
        var diagnostics = new DiagnosticBag();
        if (PublicationDate.Today(clock, diagnostics) is not { } today)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var options = new Pipeline.Options { Today = today, YearTargets = true };
        if (baseRef is null)
        {
            return Pipeline.Validate(content, options);
        }
        if (GitContent.RefusedRef(baseRef) is { } refused)
        {
            diagnostics.Error(Codes.InvalidGitRef, new SourceSpan(content, 1, 1), UnsafeCharacters.Printable(baseRef), refused);
            return Pipeline.Result.Refused(diagnostics);
        }
        using var baseContent = GitContent.Extract(content, baseRef, out var problem);
        if (baseContent is null)
        {
            diagnostics.Error(Codes.GitRefUnreadable, new SourceSpan(content, 1, 1), baseRef, problem);
            return Pipeline.Result.Refused(diagnostics);
        }
        var result = Pipeline.Validate(content, options with { Base = Pipeline.Records(baseContent.Path, baseRef) });
        return result.Summary.Length == 0 ? result
            : result with { Summary = result.Summary + $"\nLos registros de publicación conservan todo lo que tenían en {baseRef}." };
    }
}
