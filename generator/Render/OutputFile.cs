namespace Pei.Site.Render;

/// <summary>One file of the generated site: a path relative to the output folder (forward slashes) and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content);
