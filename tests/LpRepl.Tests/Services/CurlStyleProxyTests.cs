using LpRepl.Services.Proxy;

namespace LpRepl.Tests.Services;

/// <summary>The proxy is chosen from the environment as curl chooses it.</summary>
public sealed class CurlStyleProxyTests
{
    private static CurlStyleProxy From(params (string Name, string Value)[] env) =>
        CurlStyleProxy.FromEnvironment(name => env.FirstOrDefault(e => e.Name == name).Value);

    [Theory]
    [InlineData("https://va.idp.liveperson.net/", "http://proxy.corp:3128/")]
    [InlineData("wss://va.msg.liveperson.net/ws_api/account/1/messaging/consumer?v=3", "http://proxy.corp:3128/")]
    public void Should_tunnel_https_and_wss_through_HTTPS_PROXY(string destination, string expected)
    {
        var proxy = From(("HTTPS_PROXY", "proxy.corp:3128"));

        proxy.GetProxy(new Uri(destination)).Should().Be(new Uri(expected));
        proxy.IsBypassed(new Uri(destination)).Should().BeFalse();
    }

    [Fact]
    public void Should_prefer_lower_case_and_fall_back_to_ALL_PROXY()
    {
        From(("https_proxy", "http://lower:1"), ("HTTPS_PROXY", "http://upper:2")).GetProxy(new Uri("https://x/"))!.Authority.Should().Be("lower:1");
        From(("ALL_PROXY", "http://all:3")).GetProxy(new Uri("https://x/"))!.Authority.Should().Be("all:3");
    }

    [Fact]
    public void Should_ignore_upper_case_HTTP_PROXY_for_plain_http_as_curl_does()
    {
        From(("HTTP_PROXY", "http://upper:2")).GetProxy(new Uri("http://x/")).Should().BeNull();
        From(("http_proxy", "http://lower:1")).GetProxy(new Uri("ws://x/"))!.Authority.Should().Be("lower:1");
    }

    [Theory]
    [InlineData("liveperson.net", "va.idp.liveperson.net", true)]
    [InlineData(".liveperson.net", "liveperson.net", true)]
    [InlineData("*.liveperson.net", "va.msg.liveperson.net", true)]
    [InlineData("liveperson.net", "notliveperson.net", false)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("10.0.0.0/8", "10.20.30.40", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/25", "192.168.1.200", false)]
    [InlineData("::1", "[::1]", true)]
    [InlineData("*", "anything.example", true)]
    [InlineData("a.example, b.example", "b.example", true)]
    public void Should_go_direct_for_hosts_in_NO_PROXY(string noProxy, string host, bool direct)
    {
        var proxy = From(("HTTPS_PROXY", "http://proxy:3128"), ("NO_PROXY", noProxy));

        proxy.GetProxy(new Uri($"https://{host}/")).Should().Be(direct ? null : new Uri("http://proxy:3128/"));
    }

    [Fact]
    public void Should_go_direct_when_no_proxy_is_set_and_say_so()
    {
        var proxy = From();

        proxy.IsConfigured.Should().BeFalse();
        proxy.GetProxy(new Uri("https://x/")).Should().BeNull();
        proxy.Describe(new Uri("https://x/")).Should().Be("direct");
    }

    [Fact]
    public void Should_take_credentials_from_the_proxy_url_and_keep_them_out_of_its_address()
    {
        var proxy = From(("HTTPS_PROXY", "http://me:s%40cret@proxy:8080"));

        proxy.GetProxy(new Uri("https://x/")).Should().Be(new Uri("http://proxy:8080/"));
        var credential = proxy.Credentials!.GetCredential(new Uri("http://proxy:8080/"), "Basic")!;
        (credential.UserName, credential.Password).Should().Be(("me", "s@cret"));
        proxy.Describe(new Uri("https://x/")).Should().Be("via proxy http://proxy:8080");
    }

    [Fact]
    public void Should_refuse_a_socks_proxy_with_a_clear_message()
    {
        var act = () => From(("HTTPS_PROXY", "socks5://proxy:1080"));

        act.Should().Throw<ArgumentException>().WithMessage("*socks5://proxy:1080*not an http://*");
    }

    [Fact]
    public void Should_let_the_emulator_add_its_host_to_the_bypass_list()
    {
        var proxy = From(("HTTPS_PROXY", "http://proxy:3128"));

        proxy.Bypass.Add("127.0.0.1");

        proxy.GetProxy(new Uri("https://127.0.0.1:4443/")).Should().BeNull();
        proxy.GetProxy(new Uri("https://va.idp.liveperson.net/")).Should().NotBeNull();
    }
}
