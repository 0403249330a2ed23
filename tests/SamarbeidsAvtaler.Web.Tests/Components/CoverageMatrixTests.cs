using Bunit;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;

namespace SamarbeidsAvtaler.Web.Tests.Components;

public sealed class CoverageMatrixTests : MudTestContext
{
    private static readonly Guid AgreementId = Guid.NewGuid();

    private static CoverageResult Result()
    {
        var areas = new[]
        {
            new CoverageArea(4, "Døgnopphold for øyeblikkelig hjelp (§ 3-5)"),
            new CoverageArea(10, "Forebygging"),
            new CoverageArea(8, "Jordmortjenester"),
        };
        var cells = new Dictionary<int, CoverageCell>
        {
            [4] = new(CoverageState.Covered, AgreementId, "KA-2026-0042", new DateOnly(2027, 12, 31), 1),
            [10] = CoverageCell.Missing,
            [8] = new(CoverageState.ReviewOverdue, AgreementId, "KA-2026-0042", new DateOnly(2025, 12, 31), 2),
        };
        return new CoverageResult(areas, [new CoverageRow(Guid.NewGuid(), "Ulvik herad", cells)], 1, 1, 1);
    }

    private IRenderedComponent<CoverageMatrix> RenderMatrix() =>
        Render<CoverageMatrix>(p => p.Add(m => m.Result, Result()).Add(m => m.Caption, "§ 6-2-dekning for kommunene i Vossagruppa"));

    [Fact]
    public void Column_headers_carry_the_points_number_and_name()
    {
        var matrix = RenderMatrix();

        var headers = matrix.FindAll("thead th[scope='col']");
        headers.Select(h => h.TextContent.Trim()).First().Should().Be("Kommune");
        var point4 = headers[1];
        point4.QuerySelector(".app-matrix__number")!.TextContent.Should().Be("4");
        point4.QuerySelector("abbr")!.GetAttribute("title").Should().Be("Døgnopphold for øyeblikkelig hjelp (§ 3-5)");
        point4.QuerySelector("abbr")!.TextContent.Replace("\u00AD", "", StringComparison.Ordinal).Should().Be("Øyeblikkelig hjelp døgn", "the visible heading names the point, shortened");
        point4.TextContent.Should().Contain("Punkt 4: Døgnopphold for øyeblikkelig hjelp (§ 3-5)", "screen readers get the full name");
        headers[2].QuerySelector("abbr")!.TextContent.Replace("\u00AD", "", StringComparison.Ordinal).Should().Be("Forebygging");
        headers.Last().TextContent.Trim().Should().Be("Dekket");
    }

    [Fact]
    public void A_covered_cell_links_to_its_agreement_and_a_missing_one_does_not()
    {
        var matrix = RenderMatrix();

        var cells = matrix.FindAll("tbody td");
        var covered = cells[0].QuerySelector("a")!;
        covered.GetAttribute("href").Should().Be($"/avtaler/{AgreementId}");
        covered.GetAttribute("aria-label").Should().Be("Dekket av KA-2026-0042");
        covered.TextContent.Should().Contain("Dekket");
        cells[1].QuerySelector("a").Should().BeNull();
        cells[1].TextContent.Should().Contain("Mangler");
        var overdue = cells[2].QuerySelector("a")!;
        overdue.GetAttribute("href").Should().Be($"/avtaler/{AgreementId}");
        overdue.GetAttribute("aria-label").Should().Be("Gjennomgang forfalt for KA-2026-0042");
        overdue.GetAttribute("title").Should().Contain("31.12.2025").And.Contain("og 1 til");
        cells[3].TextContent.Trim().Should().Be("2 av 3");
    }

    [Fact]
    public void R4_a_point_under_an_ended_overarching_agreement_says_why_it_is_missing_and_is_not_counted()
    {
        var cells = new Dictionary<int, CoverageCell> { [8] = new(CoverageState.ParentEnded, AgreementId, "KA-2022-0007", null, 1) };
        var result = new CoverageResult([new CoverageArea(8, "Jordmortjenester")], [new CoverageRow(Guid.NewGuid(), "Voss herad", cells)], 1, 1, 1);

        var matrix = Render<CoverageMatrix>(p => p.Add(m => m.Result, result).Add(m => m.Caption, "Dekning"));

        var cell = matrix.Find("tbody td a");
        cell.TextContent.Should().Contain("Overordnet avsluttet");
        cell.GetAttribute("title").Should().Contain("KA-2022-0007 dekker ikke lenger").And.Contain("R4");
        matrix.FindAll("tbody td").Last().TextContent.Trim().Should().Be("0 av 1");
    }

    [Fact]
    public void The_table_scrolls_in_its_own_labelled_box_with_the_kommune_column_as_row_headers()
    {
        var matrix = RenderMatrix();

        var box = matrix.Find("div.app-matrix-scroll");
        box.GetAttribute("role").Should().Be("region");
        box.GetAttribute("tabindex").Should().Be("0", "keyboard users can scroll it");
        box.GetAttribute("aria-label").Should().Be("§ 6-2-dekning for kommunene i Vossagruppa");
        matrix.Find("caption").TextContent.Should().Be("§ 6-2-dekning for kommunene i Vossagruppa");
        matrix.Find("tbody th[scope='row']").ClassList.Should().Contain("app-matrix__name");
        matrix.Find("tbody th[scope='row']").TextContent.Should().Be("Ulvik herad");
    }
}
