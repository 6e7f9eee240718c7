using Pei.Site.Cli;

namespace Pei.Site.Tests.Publication;

/// <summary>
/// The day the tests of publicar and corregir run on, passed to the command line as its clock (<see cref="Cli.On"/>)
/// rather than set in SOURCE_DATE_EPOCH, which every test of the process would share: so they run alongside the others.
/// </summary>
public static class PublicationClock
{
    /// <summary>2026-11-26 17:00 UTC, noon in Bogotá.</summary>
    public static readonly Clock Noon26November2026 = new("1795712400");
}
