using Spean.Cli;

return await SpeanCommands.Build().Parse(args).InvokeAsync();
