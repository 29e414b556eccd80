using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>User templates from the per-user folder and from --templates: loaded, overriding, and reported when broken.</summary>
public class UserTemplateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_load_user_templates_report_a_broken_one_and_go_on()
    {
        using var home = new TempDir();
        var userFolder = Path.Combine(home.Path, "config", "lprepl", "templates");
        Directory.CreateDirectory(userFolder);
        await File.WriteAllTextAsync(Path.Combine(userFolder, "hello.json.sbn"), "+++\ndescription = \"say hello\"\nparams = { who: \"world\" }\n+++\n{\"kind\":\"req\",\"id\":{{ id }},\"type\":\".GetClock\",\"hello\":{{ json who }}}\n");
        await File.WriteAllTextAsync(Path.Combine(userFolder, "broken.json.sbn"), "+++\ndescription = \"broken\"\n+++\n{\"id\":{{ id + }}}\n");
        var projectFolder = Path.Combine(home.Path, "project-templates");
        Directory.CreateDirectory(projectFolder);
        await File.WriteAllTextAsync(Path.Combine(projectFolder, "hello.json.sbn"), "+++\ndescription = \"project hello\"\nparams = { who: \"team\" }\n+++\n{\"kind\":\"req\",\"id\":{{ id }},\"type\":\".GetClock\",\"hi\":{{ json who }}}\n");
        await using var lprepl = ProcessDriver.StartLpRepl(home, "--templates", projectFolder);

        await lprepl.Stderr.WaitForAsync("broken.json.sbn(4,", Timeout);
        await lprepl.TypeAsync("render hello who=you");
        var frame = await lprepl.Stdout.WaitForAsync("\"type\":\".GetClock\"", Timeout);
        await lprepl.TypeAsync("render publish text=x conversationId=c");
        lprepl.CloseInput();

        frame.Should().Be("{\"kind\":\"req\",\"id\":1,\"type\":\".GetClock\",\"hi\":\"you\"}", "--templates overrides the user folder, which overrides built-ins");
        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(1, "the last line is a bad argument for publish");
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains("publish has no parameter 'conversationId'"));
    }
}
