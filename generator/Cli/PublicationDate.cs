using System.Globalization;
using Pei.Site.Diagnostics;

namespace Pei.Site.Cli;

/// <summary>
/// The date publicar and corregir write, and the day no record may be dated after: today in Bogotá (UTC−5, no daylight
/// saving) by the <see cref="Clock"/>.
/// </summary>
internal static class PublicationDate
{
    public const string Variable = "SOURCE_DATE_EPOCH";
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    /// <summary>Today in Bogotá by <paramref name="clock"/>; null, with a diagnostic, when its SOURCE_DATE_EPOCH is not a number of seconds.</summary>
    public static DateOnly? Today(Clock clock, DiagnosticBag diagnostics)
    {
        var epoch = clock.SourceDateEpoch;
        var now = DateTimeOffset.UtcNow;
        if (!string.IsNullOrEmpty(epoch))
        {
            if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799L)
            {
                diagnostics.Error(Codes.OutOfRange, new SourceSpan(Variable, 1, 1), Variable, epoch, "debe ser un número entero de segundos desde 1970-01-01 UTC");
                return null;
            }
            now = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return DateOnly.FromDateTime(now.ToOffset(Bogota).DateTime);
    }

    /// <summary>
    /// The date publicar or corregir writes: --fecha when given (<paramref name="dated"/>), else today; with today, and
    /// the place diagnostics about that date name ("--fecha", or the command when the date is today's). Null, with a
    /// diagnostic, when --fecha is not a date or SOURCE_DATE_EPOCH is wrong.
    /// </summary>
    public static (DateOnly Date, DateOnly Today, SourceSpan Where)? Of(string? dated, string command, Clock clock, DiagnosticBag diagnostics)
    {
        if (Today(clock, diagnostics) is not { } today)
        {
            return null;
        }
        if (dated is null)
        {
            return (today, today, new SourceSpan(command, 1, 1));
        }
        var where = new SourceSpan("--fecha", 1, 1);
        if (Model.ContentWords.DateOf(dated) is not { } date)
        {
            diagnostics.Error(Codes.InvalidDate, where, dated);
            return null;
        }
        return (date, today, where);
    }
}
