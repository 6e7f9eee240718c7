namespace Pei.Site.Cli;

/// <summary>
/// nuevo-corte &lt;AAAA-MM-DD&gt;: adds the cut-off to plan.yaml as a draft and a measurement block to fill in to every
/// indicator with a vigencia for that year, keeping each file's comments, order and formatting.
/// </summary>
public static class NewCutOffCommand
{
    public static Pipeline.Result Run(string content, string date) =>
        throw new NotImplementedException("nuevo-corte");
}
