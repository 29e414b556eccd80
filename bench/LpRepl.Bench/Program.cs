using LpRepl.Bench;

if (args is ["protocol", "requests"])
{
    return RequestCheckBench.Run();
}
if (args is ["lines"])
{
    return LinePartsBench.Run();
}
if (args is ["protocol", .. var rest])
{
    return ProtocolModelBench.Run(rest);
}
var code = TemplateExpansionBench.Run(args);
MultiLineFrameBench.Run();
return code;
