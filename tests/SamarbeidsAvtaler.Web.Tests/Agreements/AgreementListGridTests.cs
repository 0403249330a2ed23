using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Features.Agreements.List;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>What the agreement grid and its filter panel ask the list service for: page, size, sort and filter.</summary>
public sealed class AgreementListGridTests : MudTestContext
{
    private readonly FakeAgreements _service = new();
    private readonly ClaimsPrincipal _user = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, "Saksbehandler")], "test"));

    public AgreementListGridTests() => Services.AddSingleton<IAgreementListService>(_service);

    private IRenderedComponent<AgreementGrid> RenderGrid(AgreementListState state, List<AgreementListState> changes)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<AgreementGrid>(p => p
            .Add(x => x.State, state)
            .Add(x => x.User, _user)
            .Add(x => x.StateChanged, changes.Add));
    }

    [Fact]
    public void The_first_load_asks_for_the_page_sort_and_filter_of_the_url()
    {
        var state = new AgreementListState(AgreementFilter.Empty with { Text = "hjerte", Kind = AgreementKind.OperatingAgreement, Sort = "tittel", Descending = false }, Page: 2, PageSize: 50);
        var changes = new List<AgreementListState>();

        var grid = RenderGrid(state, changes);

        grid.WaitForAssertion(() => _service.Requests.Should().ContainSingle().Which.Should().Be(state));
        grid.WaitForAssertion(() => grid.Markup.Should().Contain("Driftsavtale 1").And.Contain("DA-2026-0001 v2").And.Contain("120 avtaler, side 2 av 3"));
        grid.Find("a[href='/avtaler/00000000-0000-0000-0000-000000000001']").TextContent.Should().Be("Driftsavtale 1");
        changes.Should().BeEmpty("loading what the URL says changes nothing in it");
    }

    [Fact]
    public void A_click_on_a_column_header_sorts_in_the_database_from_the_first_page()
    {
        var changes = new List<AgreementListState>();
        var grid = RenderGrid(AgreementListState.Default with { Page = 3 }, changes);
        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(1));

        grid.FindAll("th").Single(th => th.TextContent.Contains("Tittel")).QuerySelector(".sortable-column-header")!.Click();

        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(2));
        var sorted = _service.Requests[^1];
        sorted.Filter.Sort.Should().Be("tittel");
        sorted.Filter.Descending.Should().BeFalse("a title sorts A to Å first");
        sorted.Page.Should().Be(1);
        changes.Should().ContainSingle().Which.Should().Be(sorted, "the new sort goes to the URL");
    }

    [Fact]
    public void Paging_goes_through_the_url_and_loads_the_page_asked_for()
    {
        var changes = new List<AgreementListState>();
        var grid = RenderGrid(AgreementListState.Default, changes);
        grid.WaitForAssertion(() => grid.Markup.Should().Contain("side 1 av 5"));

        grid.FindAll("button").Single(b => b.TextContent.Trim() == "3").Click();

        changes.Should().ContainSingle().Which.Page.Should().Be(3);
        _service.Requests.Should().HaveCount(1, "the grid waits for the URL to change");

        // The page puts it in the URL; the URL comes back as the grid's state.
        grid.Render(p => p.Add(x => x.State, changes[0]));

        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(2));
        _service.Requests[^1].Should().Be(AgreementListState.Default with { Page = 3 });
        grid.WaitForAssertion(() => grid.Markup.Should().Contain("side 3 av 5"));
    }

    [Fact]
    public void A_new_filter_from_the_url_reloads_with_that_filter()
    {
        var changes = new List<AgreementListState>();
        var grid = RenderGrid(AgreementListState.Default, changes);
        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(1));
        var filtered = AgreementListState.Default.WithFilter(AgreementFilter.Empty with { Status = AgreementStatus.Active, UnderNotice = true, PartyId = Guid.NewGuid() });

        grid.Render(p => p.Add(x => x.State, filtered));

        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(2));
        _service.Requests[^1].Should().Be(filtered);
        changes.Should().BeEmpty();
    }

    [Fact]
    public void A_sort_from_the_url_restarts_the_grid_with_that_sort()
    {
        var changes = new List<AgreementListState>();
        var grid = RenderGrid(AgreementListState.Default, changes);
        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(1));
        var byReview = AgreementListState.Default.WithFilter(AgreementFilter.Empty with { Sort = "gjennomgang", Descending = false });

        grid.Render(p => p.Add(x => x.State, byReview));

        grid.WaitForAssertion(() => _service.Requests.Should().HaveCount(2));
        _service.Requests[^1].Should().Be(byReview);
        changes.Should().BeEmpty("the grid took the sort it was given, it did not make one up");
    }

    [Fact]
    public void No_rows_says_so_in_norwegian()
    {
        _service.Total = 0;
        var grid = RenderGrid(AgreementListState.Default.WithFilter(AgreementFilter.Empty with { Text = "ingenting" }), []);

        grid.WaitForAssertion(() => grid.Markup.Should().Contain("Ingen avtaler passer til søket"));
    }

    [Fact]
    public void Over_a_thousand_is_said_without_counting_further()
    {
        _service.Total = AgreementListService.CountLimit;
        _service.MoreThanCounted = true;

        var grid = RenderGrid(AgreementListState.Default, []);

        grid.WaitForAssertion(() => grid.Markup.Should().Contain("Over 1\u00a0000 avtaler passer"));
    }

    [Fact]
    public void The_search_field_sends_cleaned_text_after_a_pause()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var filters = new List<AgreementFilter>();
        var panel = Render<AgreementFilterPanel>(p => p
            .Add(x => x.Filter, AgreementFilter.Empty)
            .Add(x => x.User, _user)
            .Add(x => x.FilterChanged, filters.Add));

        panel.Find("input[type=search]").Input("  hjerte\0 ");

        panel.WaitForAssertion(() => filters.Should().ContainSingle().Which.Should().Be(AgreementFilter.Empty with { Text = "hjerte" }));
    }

    [Fact]
    public void The_filters_are_folded_away_until_asked_for()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var panel = Render<AgreementFilterPanel>(p => p.Add(x => x.Filter, AgreementFilter.Empty).Add(x => x.User, _user));
        var toggle = panel.FindAll("button").Single(b => b.TextContent.Contains("Vis filtre"));
        toggle.GetAttribute("aria-expanded").Should().Be("false");

        toggle.Click();

        panel.FindAll("button").Single(b => b.TextContent.Contains("Skjul filtre")).GetAttribute("aria-expanded").Should().Be("true");
        var linked = Render<AgreementFilterPanel>(p => p.Add(x => x.Filter, AgreementFilter.Empty with { UnderNotice = true }).Add(x => x.User, _user));
        linked.FindAll("button").Single(b => b.TextContent.Contains("Skjul filtre (1 valgt)")).Should().NotBeNull("a link with filters opens them");
    }

    private sealed class FakeAgreements : IAgreementListService
    {
        public List<AgreementListState> Requests { get; } = [];

        public int Total { get; set; } = 120;

        public bool MoreThanCounted { get; set; }

        public Task<AgreementPage> SearchAsync(ClaimsPrincipal user, AgreementListState state, CancellationToken cancellationToken = default)
        {
            Requests.Add(state);
            var rows = Enumerable.Range(1, Math.Min(Total, 3)).Select(i => new AgreementRow(
                new Guid($"00000000-0000-0000-0000-{i:D12}"), $"DA-2026-{i:D4}", 2, $"Driftsavtale {i}", AgreementKind.OperatingAgreement,
                AgreementStatus.Active, new DateOnly(2026, 1, i), null, null, null, ["Helse Sør-Øst RHF", "Demo Spesialistsen"])).ToList();
            var page = new AgreementPage(rows, Total, MoreThanCounted, state.Page, state.PageSize);
            return Task.FromResult(page with { Page = Math.Min(state.Page, page.PageCount) });
        }

        public async IAsyncEnumerable<AgreementRow> ExportAsync(ClaimsPrincipal user, AgreementFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task<IReadOnlyList<PartyOption>> RegionalHealthAuthoritiesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PartyOption>>([new PartyOption(Guid.NewGuid(), "Helse Sør-Øst RHF", PartyKind.RegionalHealthAuthority)]);

        public Task<IReadOnlyList<PartyOption>> SearchPartiesAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PartyOption>>([]);

        public Task<PartyOption?> FindPartyAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult<PartyOption?>(null);
    }
}
