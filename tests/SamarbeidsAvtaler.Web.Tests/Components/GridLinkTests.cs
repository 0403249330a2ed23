using Bunit;
using MudBlazor;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Tests.Components;

public sealed class GridLinkTests : MudTestContext
{
    [Fact]
    public void A_grid_link_looks_exactly_like_a_MudLink_so_a_MudBlazor_upgrade_cannot_change_one_without_the_other()
    {
        var mudLink = Render<MudLink>(p => p.Add(l => l.Href, "/avtaler/1").AddChildContent("Avtale"));
        var gridLink = Render(GridLink.To("/avtaler/1", "Avtale"));

        var expected = mudLink.Find("a").ClassList;
        gridLink.Find("a").ClassList.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void A_grid_link_carries_its_address_its_text_and_the_callers_own_class()
    {
        var link = Render(GridLink.To("/avvik/7", "AVVIK-2026-0007", "app-nowrap")).Find("a");

        link.GetAttribute("href").Should().Be("/avvik/7");
        link.TextContent.Should().Be("AVVIK-2026-0007");
        link.ClassList.Should().Contain("app-nowrap").And.Contain("mud-link");
    }
}
