using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Features.Parties;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Parties;

public sealed class PartyGridTests : MudTestContext
{
    private readonly FakePartyService _service = new();

    public PartyGridTests() => Services.AddSingleton<IPartyService>(_service);

    [Fact]
    public void The_grid_asks_the_service_for_exactly_the_state_from_the_url_and_shows_its_page()
    {
        var state = PartyListState.FromQuery("bergen", "Municipality", "true", "sted", "synkende", "2");
        RenderProviders();

        var grid = Render<PartyGrid>(p => p.Add(g => g.State, state).Add(g => g.User, new System.Security.Claims.ClaimsPrincipal()));

        grid.WaitForAssertion(() => _service.Searches.Should().NotBeEmpty());
        _service.Searches.Should().AllBeEquivalentTo(new PartyListState("bergen", PartyKind.Municipality, true, "sted", true, 2));
        grid.WaitForAssertion(() => grid.Markup.Should().Contain("Part 2-1"));
        grid.Find("[role=status]").TextContent.Should().Be("60 parter, side 2 av 3");
    }

    [Fact]
    public void A_new_state_from_the_url_loads_that_page_and_a_page_click_goes_out_as_a_new_state()
    {
        var state = PartyListState.Default;
        PartyListState? requested = null;
        RenderProviders();
        var grid = Render<PartyGrid>(p => p.Add(g => g.State, state).Add(g => g.User, new System.Security.Claims.ClaimsPrincipal())
            .Add(g => g.StateChanged, (PartyListState s) => requested = s));
        grid.WaitForAssertion(() => grid.Markup.Should().Contain("Part 1-1"));

        grid.Render(p => p.Add(g => g.State, state with { Search = "fedje", Page = 3 }));

        grid.WaitForAssertion(() => _service.Searches.Last().Should().Be(state with { Search = "fedje", Page = 3 }));
        grid.WaitForAssertion(() => grid.Markup.Should().Contain("Part 3-1"));

        grid.FindAll("nav button, .mud-pagination button").First(b => b.TextContent.Trim() == "2").Click();
        requested.Should().Be(state with { Search = "fedje", Page = 2 });
    }

    [Fact]
    public void A_header_click_goes_to_the_url_as_sort_and_direction_and_the_url_gives_the_same_sort_back()
    {
        var changes = new List<PartyListState>();
        RenderProviders();
        var grid = Render<PartyGrid>(p => p.Add(g => g.State, PartyListState.Default with { Page = 2 }).Add(g => g.User, new System.Security.Claims.ClaimsPrincipal())
            .Add(g => g.StateChanged, (PartyListState s) => changes.Add(s)));
        grid.WaitForAssertion(() => _service.Searches.Should().NotBeEmpty());

        var header = grid.FindAll("th").Single(th => th.TextContent.Contains("Sted")).QuerySelector(".sortable-column-header")!;
        header.Click();
        grid.WaitForAssertion(() => changes.Should().NotBeEmpty());
        grid.FindAll("th").Single(th => th.TextContent.Contains("Sted")).QuerySelector(".sortable-column-header")!.Click();
        grid.WaitForAssertion(() => changes.Last().Descending.Should().BeTrue());

        var sorted = changes.Last();
        sorted.Should().Be(PartyListState.Default with { Sort = "sted", Descending = true }, "a new sort starts on the first page");
        var query = sorted.ToQuery();
        query["sort"].Should().Be("sted");
        query["retning"].Should().Be("synkende", "the direction is written as the agreement list writes it");

        // Reload: the URL's values give the same list.
        PartyListState.FromQuery(null, null, null, (string?)query["sort"], (string?)query["retning"], null).Should().Be(sorted);
    }
}
