using Pei.Site.Diagnostics;

namespace Pei.Site.Method;

/// <summary>
/// A figure of the method exceeded what <c>decimal</c> represents. The loader's bounds on every figure (at most 10^15,
/// at most six decimals) keep this from happening with content; the method is guarded anyway, and whoever computes turns
/// this into a PEI050 diagnostic at <see cref="Where"/>, never a crash.
/// </summary>
public sealed class FigureOverflowException(SourceSpan where, string figure, string inputs, OverflowException inner)
    : Exception($"{figure}: {inner.Message}", inner)
{
    public SourceSpan Where { get; } = where;

    /// <summary>The figure that could not be computed, in Spanish ("el avance del indicador 4199 al corte 2025-06-30").</summary>
    public string Figure { get; } = figure;

    /// <summary>Where the figures it is computed from are, in Spanish.</summary>
    public string Inputs { get; } = inputs;

    public void Report(DiagnosticBag diagnostics) => diagnostics.Error(Codes.FigureOverflow, Where, Figure, Inputs);
}
