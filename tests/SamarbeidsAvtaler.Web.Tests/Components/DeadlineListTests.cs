using Bunit;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;

namespace SamarbeidsAvtaler.Web.Tests.Components;

/// <summary>The overview's deadline lists: when in words (since when, not how many days ago) and what to do.</summary>
public sealed class DeadlineListTests : MudTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static Deadline Row(DeadlineKind kind, DateOnly date, Guid? id = null) =>
        new(kind, id ?? Guid.NewGuid(), date, "Tenesteavtale 1: Ansvars- og oppgåvefordeling", "KA-2022-0002", 1,
            AgreementKind.MunicipalCooperationAgreement, ["Områdeutval Bergen kommune", "Helse Bergen HF"], 2);

    [Fact]
    public void An_agreement_due_for_review_and_revision_is_named_once_with_both_dates_and_what_to_do()
    {
        var id = Guid.NewGuid();
        var entry = new ReviewDue(Row(DeadlineKind.Review, new DateOnly(2025, 12, 31), id), new DateOnly(2025, 12, 31), new DateOnly(2024, 8, 1));

        var list = Render<ReviewDueList>(p => p.Add(l => l.Rows, [entry]).Add(l => l.Today, Today).Add(l => l.Count, 1).Add(l => l.Horizon, 90)
            .Add(l => l.ReviewsHref, "/frister?hva=gjennomgang").Add(l => l.RevisionsHref, "/frister?hva=revisjon"));

        list.FindAll($"a[href='/avtaler/{id}']").Should().ContainSingle();
        list.Markup.Should().Contain("Årlig gjennomgang forfalt siden 31.12.2025 og revisjon forfalt siden 01.08.2024.")
            .And.Contain("Gjennomfør gjennomgangen, og revider avtalen med en ny versjon.")
            .And.NotContain("dager siden");
    }

    [Fact]
    public void A_deadline_list_says_since_when_how_long_a_signature_has_waited_and_links_to_the_rest()
    {
        var rows = new[] { Row(DeadlineKind.NoticeTakesEffect, Today.AddDays(-850)), Row(DeadlineKind.NoticeTakesEffect, Today.AddDays(20)) };

        var list = Render<DeadlineList>(p => p.Add(l => l.Title, "Oppsagt").Add(l => l.Rows, rows).Add(l => l.Today, Today).Add(l => l.Count, 12)
            .Add(l => l.Horizon, 90).Add(l => l.MoreHref, "/frister?dager=90&hva=oppsigelse"));

        list.Markup.Should().Contain($"Forfalt siden {Today.AddDays(-850):dd.MM.yyyy}.").And.Contain("Om 20 dager (")
            .And.Contain("Sørg for at en ny avtale er på plass").And.NotContain("dager siden");
        list.Find("a[href='/frister?dager=90&hva=oppsigelse']").TextContent.Should().Be("Se alle 12");
        list.Find("h2").TextContent.Should().Be("Oppsagt (12)");
    }
}
