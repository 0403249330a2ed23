using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements.List;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>
/// The agreement list at its service (what the interactive page asks for) and its CSV export over HTTP
/// (which stays an endpoint), on the real database with the demo data.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementListTests(AppFactory app)
{
    /// <summary>A driftsavtale with a unique title so tests sharing the database can find exactly theirs.</summary>
    private async Task<(Agreement Agreement, string Marker)> SaveOperatingAsync(string specialist = "Demo Spesialistsen", bool signed = false)
    {
        await using var db = app.Database.CreateDbContext();
        var marker = "Liste" + Guid.NewGuid().ToString("N")[..8];
        var agreement = AgreementScenarios.OperatingDraft(await db.PartyAsync("Helse Sør-Øst RHF"), await db.PartyAsync(specialist), $"Driftsavtale {marker}");
        if (signed)
        {
            agreement.SignedByAll();
        }

        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return (agreement, marker);
    }

    private async Task<AgreementPage> SearchAsync(string email, AgreementFilter filter, int page = 1, int pageSize = AgreementListState.DefaultPageSize)
    {
        var user = await app.UserAsync(email);
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAgreementListService>().SearchAsync(user, new AgreementListState(filter, page, pageSize));
    }

    private Task<AgreementPage> SearchAsync(AgreementFilter filter) => SearchAsync(WebClient.Caseworker, filter);

    private static AgreementFilter Text(string text) => AgreementFilter.Empty with { Text = text };

    [Fact]
    public async Task Search_finds_by_title_reference_and_party_name()
    {
        var (agreement, marker) = await SaveOperatingAsync("Fiktiv Legesen");

        var byTitle = await SearchAsync(Text(marker.ToLowerInvariant()));
        byTitle.Total.Should().Be(1);
        byTitle.Rows.Single().Title.Should().Be($"Driftsavtale {marker}");
        byTitle.Rows.Single().PartyNames.Should().Equal("Fiktiv Legesen", "Helse Sør-Øst RHF");
        (await SearchAsync(Text(agreement.ReferenceNumber))).Rows.Select(r => r.Id).Should().Equal(agreement.Id);
        (await SearchAsync(Text("fiktiv legesen"))).Rows.Select(r => r.Id).Should().Contain(agreement.Id);
        (await SearchAsync(Text("finnes-ikke-i-registeret"))).Total.Should().Be(0);
    }

    [Fact]
    public async Task Party_name_search_finds_the_same_agreements_by_list_and_by_subquery()
    {
        // The service passes the agreements of the parties so named as a list (fast for a rare name); with more
        // than NamedPartyAgreementLimit of them, or without the list, a subquery must give exactly the same rows.
        var (agreement, marker) = await SaveOperatingAsync("Fiktiv Legesen");
        await using var db = app.Database.CreateDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        foreach (var filter in new[] { Text("fiktiv legesen"), Text("Helse Sør-Øst"), Text(marker), Text("finnes-ikke-i-registeret") })
        {
            var list = await filter.NamedPartyAgreementsAsync(db);
            list.Should().NotBeNull();
            var byList = await filter.Apply(db.Agreements, db, today, list).Select(a => a.Id).Order().ToListAsync();
            var bySubquery = await filter.Apply(db.Agreements, db, today).Select(a => a.Id).Order().ToListAsync();
            byList.Should().Equal(bySubquery, $"«{filter.Text}» must find the same agreements either way");
            if (filter.Text != "finnes-ikke-i-registeret")
            {
                byList.Should().Contain(agreement.Id);
            }
        }

        (await AgreementFilter.Empty.NamedPartyAgreementsAsync(db)).Should().BeNull("without a search text there is nothing to match");
    }

    [Fact]
    public async Task Search_treats_like_wildcards_as_text()
    {
        var (_, marker) = await SaveOperatingAsync();

        (await SearchAsync(Text(marker[..5] + "%" + marker[6..]))).Total.Should().Be(0, "% is a character, not a wildcard");
        (await SearchAsync(Text(marker[..5] + "_" + marker[6..]))).Total.Should().Be(0, "_ is a character, not a wildcard");
    }

    [Fact]
    public async Task Filters_by_kind_status_party_specialty_and_notice()
    {
        var (draft, draftMarker) = await SaveOperatingAsync();
        var (active, activeMarker) = await SaveOperatingAsync(signed: true);
        await using var db = app.Database.CreateDbContext();
        var specialist = await db.PartyAsync("Demo Spesialistsen");

        var activeOperating = await SearchAsync(AgreementFilter.Empty with { Text = "liste", Kind = AgreementKind.OperatingAgreement, Status = AgreementStatus.Active });
        activeOperating.Rows.Select(r => r.Id).Should().Contain(active.Id).And.NotContain(draft.Id);
        activeOperating.Rows.Should().OnlyContain(r => r.Status == AgreementStatus.Active && r.Kind == AgreementKind.OperatingAgreement);

        (await SearchAsync(AgreementFilter.Empty with { Text = draftMarker, Status = AgreementStatus.Draft, PartyId = specialist.Id })).Rows.Select(r => r.Id).Should().Equal(draft.Id);
        (await SearchAsync(AgreementFilter.Empty with { Text = draftMarker, PartyId = Guid.NewGuid() })).Total.Should().Be(0);
        (await SearchAsync(AgreementFilter.Empty with { Text = draftMarker, Kind = AgreementKind.MunicipalCooperationAgreement })).Total.Should().Be(0);
        (await SearchAsync(AgreementFilter.Empty with { Text = draftMarker, Specialty = "øyesykdom" })).Total.Should().Be(1);
        (await SearchAsync(AgreementFilter.Empty with { Text = draftMarker, Specialty = "hud" })).Total.Should().Be(0);
        (await SearchAsync(AgreementFilter.Empty with { Text = activeMarker, UnderNotice = true })).Total.Should().Be(0);
    }

    [Fact]
    public async Task Filters_by_rhf_and_review_due()
    {
        var today = AgreementTestData.Today;
        var reviewed = await app.OperatingAsync(then: a =>
        {
            a.SignedByAll();
            a.RegisterReview(today.AddDays(-300), today);
            return a;
        });
        var municipal = await app.MunicipalAsync(a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var southEast = await db.PartyAsync("Helse Sør-Øst RHF");
        var west = await db.PartyAsync("Helse Vest RHF");

        // RHF: a party, or the RHF above a party (Helse Bergen HF is under Helse Vest).
        (await SearchAsync(AgreementFilter.Empty with { Text = reviewed.ReferenceNumber, RhfId = southEast.Id })).Total.Should().Be(1);
        (await SearchAsync(AgreementFilter.Empty with { Text = reviewed.ReferenceNumber, RhfId = west.Id })).Total.Should().Be(0);
        (await SearchAsync(AgreementFilter.Empty with { Text = municipal.ReferenceNumber, RhfId = west.Id })).Total.Should().Be(1);

        // Reviewed 300 days ago, the next review is due in 65 days.
        (await SearchAsync(AgreementFilter.Empty with { Text = reviewed.ReferenceNumber, ReviewWithinDays = 90 })).Total.Should().Be(1);
        (await SearchAsync(AgreementFilter.Empty with { Text = reviewed.ReferenceNumber, ReviewWithinDays = 30 })).Total.Should().Be(0);
        var review = await SearchAsync(AgreementFilter.Empty with { Text = reviewed.ReferenceNumber });
        review.Rows.Single().NextReviewDate.Should().Be(today.AddDays(65));
    }

    [Fact]
    public async Task Replaced_versions_are_hidden_unless_asked_for()
    {
        await using var db = app.Database.CreateDbContext();
        var (first, marker) = await SaveOperatingAsync(signed: true);
        var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == first.Id);
        var second = tracked.CreateNewVersion("Ny åpningstid", tracked.ValidFrom, AgreementScenarios.Now).SignedByAll();
        db.Agreements.Add(second);
        await db.SaveChangesAsync();
        tracked.MarkReplacedBy(second);
        await db.SaveChangesAsync();

        var list = await SearchAsync(Text(marker));
        list.Total.Should().Be(1);
        list.Rows.Single().Should().Match<AgreementRow>(r => r.Id == second.Id && r.VersionNumber == 2 && r.ReferenceNumber == first.ReferenceNumber);
        (await SearchAsync(AgreementFilter.Empty with { Text = marker, Status = AgreementStatus.Replaced })).Rows.Select(r => r.Id).Should().Equal(first.Id);
        (await SearchAsync(AgreementFilter.Empty with { Text = marker, IncludeReplaced = true, Sort = "referanse", Descending = true }))
            .Rows.Select(r => r.VersionNumber).Should().Equal(2, 1);
    }

    [Fact]
    public async Task Sorts_and_pages_in_the_database()
    {
        var marker = "Side" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        await using (var db = app.Database.CreateDbContext())
        {
            var rhf = await db.PartyAsync("Helse Sør-Øst RHF");
            var specialist = await db.PartyAsync("Demo Spesialistsen");
            foreach (var letter in "EBDAC")
            {
                var agreement = AgreementScenarios.OperatingDraft(rhf, specialist, $"{letter} {marker}", new DateOnly(2020, 1, 1).AddDays(letter - 'A'));
                db.Agreements.Add(agreement);
                ids.Add(agreement.Id);
            }

            await db.SaveChangesAsync();
        }

        var byTitle = AgreementFilter.Empty with { Text = marker, Sort = "tittel", Descending = false };
        var first = await SearchAsync(WebClient.Caseworker, byTitle, page: 1, pageSize: 10);
        first.Rows.Select(r => r.Title[0]).Should().Equal('A', 'B', 'C', 'D', 'E');
        (await SearchAsync(WebClient.Caseworker, byTitle with { Descending = true }, 1, 10)).Rows.Select(r => r.Title[0]).Should().Equal('E', 'D', 'C', 'B', 'A');
        (await SearchAsync(WebClient.Caseworker, AgreementFilter.Empty with { Text = marker }, 1, 10)).Rows.Select(r => r.Title[0])
            .Should().Equal(['E', 'D', 'C', 'B', 'A'], "the default is valid from, newest first");

        // Page sizes other than the offered ones fall back to the default; a page past the end gives the last page.
        var odd = await SearchAsync(WebClient.Caseworker, byTitle, page: 1, pageSize: 3);
        odd.PageSize.Should().Be(AgreementListState.DefaultPageSize);
        var second = await SearchAsync(WebClient.Caseworker, byTitle, page: 99, pageSize: 10);
        second.Page.Should().Be(1);
        second.PageCount.Should().Be(1);
        second.Total.Should().Be(5);
    }

    [Fact]
    public async Task Avtalespesialist_lists_only_their_own_agreements()
    {
        var (ownAgreement, own) = await SaveOperatingAsync("Demo Spesialistsen");
        var (otherAgreement, other) = await SaveOperatingAsync("Demonstra Nevrosen");

        var list = await SearchAsync(WebClient.Specialist, Text("liste"));
        list.Rows.Select(r => r.Id).Should().Contain(ownAgreement.Id).And.NotContain(otherAgreement.Id);
        (await SearchAsync(WebClient.Specialist, Text(other))).Total.Should().Be(0);
        (await SearchAsync(WebClient.Specialist, AgreementFilter.Empty)).Rows.Should().OnlyContain(r => r.PartyNames.Contains("Demo Spesialistsen"));

        var client = await app.LoggedInAsync(WebClient.Specialist);
        (await client.GetStringAsync("/avtaler/eksport.csv?q=liste")).Should().Contain(own).And.NotContain(other);
    }

    [Fact]
    public async Task Kommune_user_lists_only_the_agreements_its_kommune_is_party_to()
    {
        var (_, operatingMarker) = await SaveOperatingAsync();
        await using var db = app.Database.CreateDbContext();
        var askoy = await db.PartyAsync(Infrastructure.Seeding.DemoData.DemoMunicipality);

        var rows = (await SearchAsync(WebClient.Municipality, AgreementFilter.Empty, pageSize: 100)).Rows.Select(r => r.Id).ToList();

        rows.Should().NotBeEmpty("Askøy is party to Helse Bergen's overarching agreement and the agreements under it");
        (await db.AgreementParties.Where(ap => rows.Contains(ap.AgreementId) && ap.PartyId == askoy.Id).Select(ap => ap.AgreementId).Distinct().CountAsync())
            .Should().Be(rows.Count, "every listed agreement has the kommune as a party");
        (await SearchAsync(WebClient.Municipality, Text(operatingMarker))).Total.Should().Be(0);
    }

    [Fact]
    public async Task Samhandlingssjef_lists_only_agreements_their_trust_is_party_to()
    {
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.PartyAsync("Helse Bergen HF");
        var marker = "Trust" + Guid.NewGuid().ToString("N")[..6];
        var withTrust = AgreementScenarios.SpecialistCooperationDraft(bergen, await db.PartyAsync("Eksempel Hjertelund"));
        withTrust.UpdateDraft(new AgreementDetails(AgreementKind.SpecialistCooperationAgreement, $"Samarbeid {marker}", DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1)), AgreementScenarios.Today);
        db.Agreements.Add(withTrust);
        await db.SaveChangesAsync();
        var (operating, operatingMarker) = await SaveOperatingAsync();

        (await SearchAsync(WebClient.CooperationManager, Text(marker))).Rows.Select(r => r.Id).Should().Equal(withTrust.Id);
        (await SearchAsync(WebClient.CooperationManager, Text(operatingMarker))).Total.Should().Be(0);
        (await SearchAsync(WebClient.CooperationManager, AgreementFilter.Empty with { PartyId = (await db.PartyAsync("Demo Spesialistsen")).Id }))
            .Rows.Select(r => r.Id).Should().NotContain(operating.Id, "a party filter never widens what the user may see");
    }

    [Fact]
    public async Task Pickers_offer_rhfs_and_search_parties_as_the_user_may_see_them()
    {
        await using var scope = app.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<IAgreementListService>();
        var caseworker = await app.UserAsync(WebClient.Caseworker);
        var specialist = await app.UserAsync(WebClient.Specialist);

        (await service.RegionalHealthAuthoritiesAsync(caseworker)).Select(p => p.Name).Should().Contain(["Helse Sør-Øst RHF", "Helse Vest RHF"]);
        (await service.RegionalHealthAuthoritiesAsync(specialist)).Should().BeEmpty();
        (await service.SearchPartiesAsync(caseworker, "bergen")).Select(p => p.Name).Should().Contain("Helse Bergen HF");
        (await service.SearchPartiesAsync(caseworker, "\0\0")).Should().BeEmpty();
        (await service.SearchPartiesAsync(caseworker, new string('x', 5000))).Should().BeEmpty();
        (await service.SearchPartiesAsync(specialist, "bergen")).Should().BeEmpty("an avtalespesialist sees only their own party");
        (await service.SearchPartiesAsync(specialist, "spesialistsen")).Select(p => p.Name).Should().Equal("Demo Spesialistsen");

        var bergenId = (await service.SearchPartiesAsync(caseworker, "Helse Bergen HF")).First().Id;
        (await service.FindPartyAsync(caseworker, bergenId))!.Name.Should().Be("Helse Bergen HF");
        (await service.FindPartyAsync(specialist, bergenId)).Should().BeNull();
    }

    [Fact]
    public async Task Nul_bytes_and_nonsense_in_the_url_are_harmless()
    {
        var (_, marker) = await SaveOperatingAsync();
        var values = new Dictionary<string, string?>
        {
            ["q"] = marker + "\0",
            ["type"] = "7",
            ["status"] = "Tull\0",
            ["side"] = "-4",
            ["antall"] = "100000",
            ["frist"] = "abc",
            ["part"] = "ikke-en-guid\0",
            ["rhf"] = "\0",
            ["spesialitet"] = "\0øye\0",
            ["sort"] = "';drop",
            ["retning"] = "\0",
        };

        var state = AgreementListState.From(key => values.GetValueOrDefault(key));

        state.Should().Be(new AgreementListState(AgreementFilter.Empty with { Text = marker, Specialty = "øye" }));
        var user = await app.UserAsync(WebClient.Caseworker);
        await using var scope = app.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<IAgreementListService>().SearchAsync(user, state)).Total.Should().Be(1);
        (await SearchAsync(Text("\0"))).Should().NotBeNull();
        (await SearchAsync(AgreementFilter.Empty with { Text = "a\0b", Specialty = "\0" })).Should().NotBeNull("the service is safe even when a caller forgets to clean");
    }

    [Fact]
    public void The_url_round_trips_the_state()
    {
        var state = new AgreementListState(
            AgreementFilter.Empty with
            {
                Text = "hjerte",
                Kind = AgreementKind.OperatingAgreement,
                Status = AgreementStatus.Active,
                PartyId = Guid.NewGuid(),
                Specialty = "øye",
                RhfId = Guid.NewGuid(),
                ReviewWithinDays = 90,
                UnderNotice = true,
                IncludeReplaced = true,
                Sort = "tittel",
                Descending = true,
            },
            Page: 3,
            PageSize: 50);

        var query = state.ToQuery();

        AgreementListState.From(key => query.GetValueOrDefault(key) as string).Should().Be(state);
        AgreementListState.Default.ToQuery().Values.Should().OnlyContain(v => v == null, "the default list has a bare URL");
    }

    [Fact]
    public async Task Counting_stops_at_a_thousand_and_paging_there()
    {
        // A database of its own: a thousand and one agreements would crowd the shared one.
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            var rhf = AgreementScenarios.Rhf();
            var specialist = AgreementScenarios.Specialist();
            db.Parties.AddRange(rhf, specialist);
            await db.SaveChangesAsync();
            for (var i = 0; i < AgreementListService.CountLimit + 1; i++)
            {
                var agreement = Agreement.CreateDraft(
                    new AgreementDetails(AgreementKind.OperatingAgreement, $"Driftsavtale mange {i}", DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1),
                        PracticePosition: AgreementScenarios.FullPosition()),
                    $"DA-2025-{i:D5}", AgreementScenarios.Now);
                agreement.SetParties([(rhf, "R", "R"), (specialist, "S", "S")]);
                db.Agreements.Add(agreement);
            }

            await db.SaveChangesAsync();
        }

        var service = new AgreementListService(new Contexts(database), TimeProvider.System);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Domain.Users.Roles.Caseworker)], "test"));

        var page = await service.SearchAsync(user, new AgreementListState(AgreementFilter.Empty with { Text = "mange" }, Page: 500, PageSize: 25));

        page.MoreThanCounted.Should().BeTrue();
        page.Total.Should().Be(AgreementListService.CountLimit);
        page.PageCount.Should().Be(40);
        page.Page.Should().Be(40);
        page.Rows.Should().HaveCount(25);
        var exact = await service.SearchAsync(user, new AgreementListState(AgreementFilter.Empty with { Text = "mange 1000" }));
        exact.Should().Match<AgreementPage>(p => p.Total == 1 && !p.MoreThanCounted);
    }

    [Fact]
    public async Task Csv_export_holds_the_filtered_rows_in_norwegian_format()
    {
        var (agreement, marker) = await SaveOperatingAsync("Testa Prøvesen");
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync($"/avtaler/eksport.csv?q={marker}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).ReplaceLineEndings("\n").TrimEnd().Split('\n');
        lines.Should().HaveCount(2);
        lines[0].Should().Be("Referanse;Versjon;Tittel;Type;Status;Parter;Gyldig fra;Gyldig til;Neste gjennomgang;Slutter");
        lines[1].Should().Be($"{agreement.ReferenceNumber};1;Driftsavtale {marker};Driftsavtale;Utkast;\"Helse Sør-Øst RHF, Testa Prøvesen\";01.01.2026;;;");
    }

    [Fact]
    public async Task Csv_export_follows_every_filter_of_the_list()
    {
        var (draft, draftMarker) = await SaveOperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetStringAsync($"/avtaler/eksport.csv?q={draftMarker}&status=Draft&type=OperatingAgreement")).Should().Contain(draft.ReferenceNumber);
        (await client.GetStringAsync($"/avtaler/eksport.csv?q={draftMarker}&status=Active")).Should().NotContain(draft.ReferenceNumber);
        (await client.GetStringAsync($"/avtaler/eksport.csv?q={draftMarker}&part={Guid.NewGuid()}")).Should().NotContain(draft.ReferenceNumber);
    }

    [Fact]
    public async Task Csv_export_defuses_formulas()
    {
        await using var db = app.Database.CreateDbContext();
        var marker = "Formel" + Guid.NewGuid().ToString("N")[..6];
        var agreement = AgreementScenarios.OperatingDraft(await db.PartyAsync("Helse Sør-Øst RHF"), await db.PartyAsync("Demo Spesialistsen"), $"=HYPERLINK(\"x\") {marker}");
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var csv = await client.GetStringAsync($"/avtaler/eksport.csv?q={marker}");

        csv.Should().Contain("\"'=HYPERLINK(\"\"x\"\")");
    }

    [Fact]
    public async Task Csv_export_takes_nul_bytes_and_nonsense_without_error()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        foreach (var url in new[]
        {
            "/avtaler/eksport.csv?q=%00",
            "/avtaler/eksport.csv?q=a%00b&spesialitet=%00&part=%00&rhf=%00&status=%00&type=%00&frist=%00&sort=%00",
            "/avtaler/eksport.csv?type=7&status=Tull&frist=abc&part=ikke-en-guid&sort=%27;drop",
        })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            (await response.Content.ReadAsStringAsync()).Should().StartWith("Referanse;", url);
        }
    }

    [Fact]
    public async Task List_page_answers_with_the_interactive_page_and_keeps_nonsense_harmless()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync("/avtaler?q=%00&type=7&status=Tull&side=-4&frist=abc&part=ikke-en-guid&sort=%27;drop");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("<h1").And.Contain("Avtaler").And.Contain("Last ned CSV");
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => database.CreateDbContext();
    }
}
