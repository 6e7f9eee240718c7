return Pei.Site.Cli.CommandLine.Run(args, Console.Out, Console.Error);
