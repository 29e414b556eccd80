using LpRepl.Bench;

var code = TemplateExpansionBench.Run(args);
MultiLineFrameBench.Run();
return code;
