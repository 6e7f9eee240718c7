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
        Assert.Contains(runs, r => r.Contains("-- validate --format github", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("-- build", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("bash tests/run.sh", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("-- diff --base", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("gh pr comment", StringComparison.Ordinal));
        Assert.Contains(Uses(workflow), u => u.StartsWith("actions/upload-artifact@v", StringComparison.Ordinal));
        Assert.Contains(Uses(workflow), u => u.StartsWith("actions/cache@v", StringComparison.Ordinal));
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
    public void Every_action_is_pinned_to_a_version_and_permissions_are_least_privilege(string name)
    {
        var workflow = Load(name);
        Assert.All(Uses(workflow), u => Assert.Matches(@"^[\w-]+/[\w-]+@v\d+$", u));
        Assert.Equal("read", ((YamlMappingNode)workflow["permissions"])["contents"].ToString());
        Assert.Single(((YamlMappingNode)workflow["permissions"]).Children);
    }
}
