namespace LpRepl.App;

/// <summary>The entry point: everything happens in <see cref="App.RunAsync"/>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => App.RunAsync(args);
}
