using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SamarbeidsAvtaler.DevTools;

namespace SamarbeidsAvtaler.Web.Tests;

/// <summary>The developer tools (tools/SamarbeidsAvtaler.DevTools), outside the product's assemblies.</summary>
public sealed class DevToolsTests
{
    [Theory]
    [InlineData("Production", new[] { "--count", "10" }, 1)]
    [InlineData("Development", new[] { "--count", "tull" }, 2)]
    [InlineData("Development", new[] { "--count", "0" }, 2)]
    public async Task Synthetic_register_command_is_refused_in_Production_and_checks_its_count(string environment, string[] args, int exitCode)
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .BuildServiceProvider();

        (await GenerateAgreementsCommand.RunAsync(services, args)).Should().Be(exitCode);
    }

    [Fact]
    public void The_product_carries_no_developer_tool()
    {
        var types = typeof(Program).Assembly.GetTypes().Select(t => t.Name).ToList();

        types.Should().NotContain([nameof(GenerateAgreementsCommand), nameof(PdfBenchmarkCommand)]);
    }
}
