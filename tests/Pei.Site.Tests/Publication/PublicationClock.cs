namespace Pei.Site.Tests.Publication;

/// <summary>
/// The tests that run publicar or corregir set SOURCE_DATE_EPOCH (a process-wide variable), so they share one collection
/// and never run at the same time as each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublicationClock
{
    public const string Name = "publicar y corregir";

    /// <summary>2026-11-26 17:00 UTC, noon in Bogotá.</summary>
    public const string Noon26November2026 = "1795712400";

    public static void Set(string? secondsSinceEpoch) => Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", secondsSinceEpoch);
}
