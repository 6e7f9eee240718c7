namespace Pei.Site.Method;

/// <summary>
/// Work on a few large items (the cut-offs), each on one of the cores, the results in the items' order. Parallel.For and
/// not PLINQ: PLINQ's generic machinery is not precompiled, and compiling it cost every run hundreds of methods.
/// </summary>
internal static class InParallel
{
    public static TResult[] Select<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> select)
    {
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, i => results[i] = select(items[i]));
        return results;
    }
}
