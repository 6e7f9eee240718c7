using YamlDotNet.RepresentationModel;

namespace Pei.Site.Tests.Workflows;

public class WorkflowTests
{
    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, ".github", "workflows", name));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .Where(job => job.Children.ContainsKey("steps"))
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>());

    private static IEnumerable<string> Uses(YamlMappingNode workflow) =>
        Steps(workflow).Where(s => s.Children.ContainsKey("uses")).Select(s => s["uses"].ToString());

    private static IEnumerable<string> Runs(YamlMappingNode workflow) =>
        Steps(workflow).Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString());

    [Fact]
    public void Pull_request_workflow_validates_with_annotations_builds_tests_and_uploads_the_site()
    {
        var workflow = Load("pull-request.yml");
        Assert.True(((YamlMappingNode)workflow["on"]).Children.ContainsKey("pull_request"));
        Assert.Equal("read", ((YamlMappingNode)workflow["permissions"])["contents"].ToString());
        var runs = Runs(workflow).ToList();
        Assert.Contains(runs, r => r.Contains("-- validate --format github --base \"origin/${{ github.base_ref }}\"", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("-- build", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("bash tests/run.sh", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("dotnet format Pei.Site.sln --verify-no-changes", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("-- diff --base", StringComparison.Ordinal));
        Assert.Contains(Uses(workflow), u => u.StartsWith("actions/upload-artifact@v", StringComparison.Ordinal));
        Assert.Contains(Uses(workflow), u => u.StartsWith("actions/cache@v", StringComparison.Ordinal));
    }

    [Fact]
    public void Pull_request_figures_go_to_the_job_summary_and_the_log_and_to_one_comment_updated_in_place()
    {
        var workflow = Load("pull-request.yml");
        var steps = Steps(workflow).ToList();

        var diff = steps.Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("-- diff --base", StringComparison.Ordinal))["run"].ToString();
        Assert.Contains("cat cifras.md >> \"$GITHUB_STEP_SUMMARY\"", diff, StringComparison.Ordinal);
        Assert.Contains(diff.Split('\n'), line => line.Trim() == "cat cifras.md");

        var comment = steps.Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("gh api", StringComparison.Ordinal));
        Assert.Equal("${{ !cancelled() && steps.cifras.outcome == 'success' && github.event.pull_request.head.repo.full_name == github.repository }}", comment["if"].ToString());
        var script = comment["run"].ToString();
        Assert.Contains("<!-- pei-site-diff -->", script, StringComparison.Ordinal);
        Assert.Contains("--method PATCH \"repos/$REPO/issues/comments/$id\"", script, StringComparison.Ordinal);
        Assert.Contains("--method POST \"repos/$REPO/issues/$PR/comments\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("gh pr comment", script, StringComparison.Ordinal);
        // A failing step is never hidden: a fork's pull request skips the comment instead.
        Assert.All(steps, s => Assert.False(s.Children.ContainsKey("continue-on-error")));
    }

    [Fact]
    public void Pull_request_checks_the_records_against_the_target_branch_with_its_history_checked_out()
    {
        var steps = Steps(Load("pull-request.yml")).ToList();

        var checkout = steps.Single(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("actions/checkout@v", StringComparison.Ordinal));
        Assert.Equal("0", ((YamlMappingNode)checkout["with"])["fetch-depth"].ToString());
        var validate = steps.Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("-- validate", StringComparison.Ordinal));
        var build = steps.Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("-- build", StringComparison.Ordinal));
        Assert.True(steps.IndexOf(checkout) < steps.IndexOf(validate) && steps.IndexOf(validate) < steps.IndexOf(build));
        Assert.Contains("--base \"origin/${{ github.base_ref }}\"", validate["run"].ToString(), StringComparison.Ordinal);
        // The table of figures and record changes is written even when validation failed, so reviewers see what was refused.
        var diff = steps.Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("-- diff --base \"origin/${{ github.base_ref }}\"", StringComparison.Ordinal));
        Assert.Equal("cifras", diff["id"].ToString());
        Assert.Equal("${{ !cancelled() }}", diff["if"].ToString());
    }

    [Fact]
    public void Pull_request_workflow_caches_the_html_validator_by_the_lock_file()
    {
        var cache = Steps(Load("pull-request.yml"))
            .Where(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("actions/cache@", StringComparison.Ordinal))
            .Select(s => (YamlMappingNode)s["with"])
            .Single(w => w["path"].ToString() == "tests/node_modules");

        Assert.Contains("hashFiles('tests/package-lock.json')", cache["key"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Release_workflow_packs_one_pei_site_folder_per_platform_on_a_version_tag_and_writes_the_sizes_to_its_summary()
    {
        var workflow = Load("release.yml");
        var push = (YamlMappingNode)((YamlMappingNode)workflow["on"])["push"];
        Assert.Equal(["v*"], ((YamlSequenceNode)push["tags"]).Children.Select(t => t.ToString()));
        var runs = string.Join("\n", Runs(workflow));

        Assert.Contains("for rid in linux-x64 win-x64 osx-arm64; do", runs, StringComparison.Ordinal);
        // The same publish the release test unpacks and runs (Release/SelfContainedDownloadTests.cs).
        Assert.Contains($"dotnet publish generator -r \"$rid\" {string.Join(' ', Release.SelfContainedDownload.PublishArguments)} -o \"$out\"", runs, StringComparison.Ordinal);
        Assert.Contains("out=\"dist/$rid/pei-site\"", runs, StringComparison.Ordinal);
        Assert.Contains("cp -r site-theme \"$out/site-theme\"", runs, StringComparison.Ordinal);
        Assert.Contains("cp generator/Download/LEEME.txt \"$out/LEEME.txt\"", runs, StringComparison.Ordinal);
        Assert.Contains("tar -C dist/linux-x64 -czf \"dist/pei-site-$GITHUB_REF_NAME-linux-x64.tar.gz\" pei-site", runs, StringComparison.Ordinal);
        Assert.Contains("tar -C dist/osx-arm64 -czf \"dist/pei-site-$GITHUB_REF_NAME-osx-arm64.tar.gz\" pei-site", runs, StringComparison.Ordinal);
        Assert.Contains("(cd dist/win-x64 && zip -qr \"../pei-site-$GITHUB_REF_NAME-win-x64.zip\" pei-site)", runs, StringComparison.Ordinal);
        Assert.Contains(">> \"$GITHUB_STEP_SUMMARY\"", runs, StringComparison.Ordinal);
        Assert.Contains($"limit=$((60 * 1000 * 1000))", runs, StringComparison.Ordinal);
        Assert.Contains("gh release upload \"$GITHUB_REF_NAME\" dist/*.tar.gz dist/*.zip --clobber", runs, StringComparison.Ordinal);
        var job = (YamlMappingNode)((YamlMappingNode)workflow["jobs"])["release"];
        Assert.Equal("write", ((YamlMappingNode)job["permissions"])["contents"].ToString());
    }

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("publish.yml")]
    [InlineData("release.yml")]
    public void Every_run_script_is_valid_bash(string name)
    {
        foreach (var script in Runs(Load(name)))
        {
            var start = new System.Diagnostics.ProcessStartInfo("bash", ["-n"]) { RedirectStandardInput = true, RedirectStandardError = true };
            using var bash = System.Diagnostics.Process.Start(start)!;
            bash.StandardInput.Write(script);
            bash.StandardInput.Close();
            var error = bash.StandardError.ReadToEnd();
            bash.WaitForExit();
            Assert.True(bash.ExitCode == 0, $"{name}: {error}\n{script}");
        }
    }

    [Fact]
    public void Publish_workflow_deploys_to_pages_with_the_official_actions_and_a_manual_trigger()
    {
        var workflow = Load("publish.yml");
        var on = (YamlMappingNode)workflow["on"];
        Assert.True(on.Children.ContainsKey("push"));
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));
        var uses = Uses(workflow).ToList();
        Assert.Contains(uses, u => u.StartsWith("actions/configure-pages@v", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact@v", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/deploy-pages@v", StringComparison.Ordinal));
        var deploy = (YamlMappingNode)((YamlMappingNode)workflow["jobs"])["deploy"];
        var permissions = (YamlMappingNode)deploy["permissions"];
        Assert.Equal("write", permissions["pages"].ToString());
        Assert.Equal("write", permissions["id-token"].ToString());
    }

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("publish.yml")]
    [InlineData("release.yml")]
    public void Every_action_is_pinned_to_a_version_and_permissions_are_least_privilege(string name)
    {
        var workflow = Load(name);
        Assert.All(Uses(workflow), u => Assert.Matches(@"^[\w-]+/[\w-]+@v\d+$", u));
        Assert.Equal("read", ((YamlMappingNode)workflow["permissions"])["contents"].ToString());
        Assert.Single(((YamlMappingNode)workflow["permissions"]).Children);
    }
}
