using System.Runtime.ExceptionServices;

namespace Pei.Site.Tests;

/// <summary>Runs work with a generous time limit, so a loader that hangs fails its test instead of the whole run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="work"/> on a dedicated thread: waiting on a thread-pool task from a thread-pool thread
    /// would starve the pool while other tests run, and turn a slow machine into a false timeout.
    /// </summary>
    public static T Run<T>(Func<T> work, string what)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(Limit))
        {
            throw new TimeoutException($"{what} did not finish within {Limit.TotalSeconds} s");
        }
        failure?.Throw();
        return result;
    }
}
