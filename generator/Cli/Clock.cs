namespace Pei.Site.Cli;

/// <summary>
/// Where the commands take today from: the day of SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC, the
/// reproducible-builds convention, as text: it is checked when read) when set, so runs can be repeated, else the real
/// time. The program reads it from its environment once (<see cref="FromEnvironment"/>); a caller that runs the command
/// line in-process passes its own, since the environment is shared by everything running in the process.
/// </summary>
public sealed record Clock(string? SourceDateEpoch)
{
    /// <summary>SOURCE_DATE_EPOCH as the process's environment has it now.</summary>
    public static Clock FromEnvironment() => new(Environment.GetEnvironmentVariable(PublicationDate.Variable));
}
