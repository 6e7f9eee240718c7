namespace Pei.Site.Tests;

/// <summary>Runs work with a generous time limit, so a loader that hangs fails its test instead of the whole run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static T Run<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        if (Task.WhenAny(task, Task.Delay(Limit)).GetAwaiter().GetResult() != task)
        {
            throw new TimeoutException($"{what} did not finish within {Limit.TotalSeconds} s");
        }
        return task.GetAwaiter().GetResult();
    }
}
