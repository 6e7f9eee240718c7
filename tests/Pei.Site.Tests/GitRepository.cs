using System.Diagnostics;

namespace Pei.Site.Tests;

/// <summary>A git repository in a temporary folder, for the commands that compare the content with a git ref (--base).</summary>
internal static class GitRepository
{
    public static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.email=ci@example.org", "-c", "user.name=CI", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }

    /// <summary>A copy of <paramref name="fixture"/> as <c>content</c> in a new repository, committed on main: the base.</summary>
    public static string WithContent(TempFolder temp, string fixture)
    {
        var content = temp.Copy(fixture, "content");
        Git(temp.Path, "init", "-q", "-b", "main");
        Git(temp.Path, "add", "-A");
        Git(temp.Path, "commit", "-q", "-m", "base");
        return content;
    }
}
