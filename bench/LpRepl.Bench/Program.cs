using LpRepl.Bench;

return TemplateExpansionBench.Run(args);
