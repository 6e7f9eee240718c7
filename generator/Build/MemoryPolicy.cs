using System.Runtime;

namespace Pei.Site.Build;

/// <summary>
/// The generator's only calls to the garbage collector, each at a moment when the runtime cannot know that most of the
/// heap just died. Measured with the benchmark (tests/benchmark.sh) and the preview's latency check (--serve-latency);
/// the README gives the figures.
/// </summary>
public static class MemoryPolicy
{
    /// <summary>
    /// Between the method and rendering of a build: the load's files and parsed trees are garbage, the pages are yet to
    /// come. One compacting collection here lowers the peak of a large plan.
    /// </summary>
    public static void AfterLoad()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// When the preview has been idle for a while after a rebuild: the old generation is collected then, not in the middle
    /// of the next rebuild, where it made an edit take longer to show.
    /// </summary>
    public static void WhenIdle() => GC.Collect();
}
