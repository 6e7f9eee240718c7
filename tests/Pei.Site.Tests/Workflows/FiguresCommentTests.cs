using System.Diagnostics;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Pei.Site.Tests.Workflows;

/// <summary>
/// The pull-request workflow's comment step, run as it is written with bash and a stand-in for `gh` (which answers the
/// comment list through jq, as gh's --jq does, and records what it is asked to change): only a comment written by the
/// workflow itself (github-actions[bot]) is edited; a comment anyone else planted with the marker is never picked.
/// </summary>
public sealed class FiguresCommentTests : IDisposable
{
    private const string Marker = "<!-- pei-site-diff -->";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Script()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, ".github", "workflows", "pull-request.yml"));
        stream.Load(reader);
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)["jobs"];
        return jobs.Children.Values.Cast<YamlMappingNode>()
            .Where(job => job.Children.ContainsKey("steps"))
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            .Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("gh api", StringComparison.Ordinal))["run"].ToString();
    }

    private static object Comment(long id, string login, string type, string body) =>
        new { id, user = new { login, type }, body };

    /// <summary>Runs the step over <paramref name="comments"/>; returns what the stand-in gh was asked to change.</summary>
    private string Run(params object[] comments)
    {
        var bin = Directory.CreateDirectory(temp["bin"]).FullName;
        File.WriteAllText(temp["comments.json"], JsonSerializer.Serialize(comments));
        var gh = Path.Combine(bin, "gh");
        File.WriteAllText(gh, $$"""
            #!/bin/bash
            # gh api --paginate URL --jq EXPR  → the comment list through jq; anything else is recorded.
            if [ "$2" = "--paginate" ]; then
              jq -r "$5" '{{temp["comments.json"]}}'
            else
              echo "$*" >> '{{temp["gh.log"]}}'
            fi
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(gh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.WriteAllText(temp["cifras.md"], "| tabla |\n");
        var start = new ProcessStartInfo("bash", ["-e", "-c", Script()])
        {
            WorkingDirectory = temp.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["REPO"] = "entidad/pei";
        start.Environment["PR"] = "7";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return File.ReadAllText(temp["gh.log"]).Trim();
    }

    [Fact]
    public void A_comment_planted_with_the_marker_before_the_workflows_own_is_left_alone()
    {
        var log = Run(
            Comment(11, "mallory", "User", Marker + "\n| tabla falsa |"),
            Comment(12, "github-actions[bot]", "Bot", Marker + "\n| tabla |"));

        Assert.Equal("api --method PATCH repos/entidad/pei/issues/comments/12 -F body=@comentario.md", log);
    }

    [Theory]
    [InlineData("mallory", "User")]
    [InlineData("github-actions", "User")]
    [InlineData("github-actions[bot]", "User")]
    [InlineData("otra-app[bot]", "Bot")]
    public void With_only_someone_elses_comment_carrying_the_marker_the_workflow_writes_its_own(string login, string type)
    {
        var log = Run(Comment(21, login, type, Marker + "\n| tabla falsa |"));

        Assert.Equal("api --method POST repos/entidad/pei/issues/7/comments -F body=@comentario.md", log);
    }

    [Fact]
    public void A_comment_of_the_workflow_without_the_marker_is_not_edited()
    {
        var log = Run(Comment(31, "github-actions[bot]", "Bot", "Otro mensaje\n" + Marker));

        Assert.Equal("api --method POST repos/entidad/pei/issues/7/comments -F body=@comentario.md", log);
    }
}
