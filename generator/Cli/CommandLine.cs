namespace Pei.Site.Cli;

public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("uso: pei-site build|validate");
        return 2;
    }
}
