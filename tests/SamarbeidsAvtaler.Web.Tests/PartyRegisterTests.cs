using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PartyRegisterTests(AppFactory app)
{
    private static Dictionary<string, string> Specialist(string name, string hpr) => new()
    {
        ["Form.Kind"] = "Specialist",
        ["Form.Name"] = name,
        ["Form.HprNumber"] = hpr,
        ["Form.Profession"] = "Psychologist",
        ["Form.Specialty"] = "Klinisk voksenpsykologi",
        ["Form.DateOfBirth"] = "1979-05-17",
        ["Form.StreetAddress"] = "Testveien 1",
        ["Form.PostalCode"] = "0150",
        ["Form.PostalCity"] = "Oslo",
    };

    private static Dictionary<string, string> Organisation(string kind, string name, string orgNo) => new()
    {
        ["Form.Kind"] = kind,
        ["Form.Name"] = name,
        ["Form.OrganisationNumber"] = orgNo,
    };

    [Fact]
    public async Task Caseworker_creates_a_specialist_and_the_creation_is_audited()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var hpr = Numbers.NewHprNumber();

        var response = await client.PostFormAsync("/parter/ny?type=Specialist", "party", Specialist("Opprett Testesen", hpr));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.RedirectPath().Should().StartWith("/parter/");
        await using var db = app.Database.CreateDbContext();
        var party = await db.Parties.SingleAsync(p => p.HprNumber == hpr);
        party.Name.Should().Be("Opprett Testesen");
        party.Profession.Should().Be(Profession.Psychologist);
        party.DateOfBirth.Should().Be(new DateOnly(1979, 5, 17));

        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Party" && a.EntityId == party.Id.ToString());
        audit.Action.Should().Be(AuditActions.Created);
        audit.ActorName.Should().Be("Sander Saksbehandler");
        audit.Changes.Should().Contain(new FieldChange("HprNumber", null, hpr));

        var page = await client.GetHtmlAsync(response.RedirectPath());
        page.Should().Contain("Opprett Testesen").And.Contain("Endringene er lagret").And.Contain("Opprettet");
    }

    [Theory]
    [InlineData("Form.OrganisationNumber", "991324967", "Organisasjonsnummeret er ikke gyldig")]
    [InlineData("Form.OrganisationNumber", "12345", "Organisasjonsnummeret er ikke gyldig")]
    [InlineData("Form.Name", "", "Navn må fylles ut.")]
    public async Task Invalid_organisation_input_is_refused_beside_the_field_and_kept(string field, string value, string message)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Organisation("HealthTrust", "Validering HF " + Guid.NewGuid().ToString("N")[..6], Numbers.NewOrganisationNumber());
        fields[field] = value;
        fields["Form.ContactName"] = "Kari «Kontakt» Æøå";

        var response = await client.PostFormAsync("/parter/ny?type=HealthTrust", "party", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain(message).And.Contain("aria-invalid=\"true\"");
        WebClient.InputValue(html, "Form.ContactName").Should().Be("Kari «Kontakt» Æøå");
        WebClient.InputValue(html, field).Should().Be(value);
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.AnyAsync(p => p.Name == fields["Form.Name"])).Should().BeFalse();
    }

    [Theory]
    [InlineData("Form.HprNumber", "12ab", "HPR-nummeret er ikke gyldig")]
    [InlineData("Form.HprNumber", "0123456", "HPR-nummeret er ikke gyldig")]
    [InlineData("Form.HprNumber", "", "HPR-nummer må fylles ut.")]
    [InlineData("Form.Specialty", "", "Spesialitet må fylles ut.")]
    [InlineData("Form.DateOfBirth", "", "Fødselsdato må fylles ut.")]
    [InlineData("Form.DateOfBirth", "31.02.1970", "Fødselsdatoen må være en gyldig dato")]
    [InlineData("Form.ContactEmail", "ikke-en-adresse", "E-postadressen er ikke gyldig.")]
    [InlineData("Form.PostalCode", "12", "Postnummer skal ha 4 siffer.")]
    public async Task Invalid_specialist_input_is_refused_with_a_norwegian_message(string field, string value, string message)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var name = "Ugyldig " + Guid.NewGuid().ToString("N")[..6];
        var fields = Specialist(name, Numbers.NewHprNumber());
        fields[field] = value;

        var response = await client.PostFormAsync("/parter/ny?type=Specialist", "party", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain(message);
        WebClient.InputValue(html, "Form.Name").Should().Be(name);
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.AnyAsync(p => p.Name == name)).Should().BeFalse();
    }

    [Fact]
    public async Task Over_long_name_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Organisation("Municipality", new string('x', Party.NameMaxLength + 1), Numbers.NewOrganisationNumber());

        var response = await client.PostFormAsync("/parter/ny?type=Municipality", "party", fields);

        (await response.HtmlAsync()).Should().Contain($"Navn kan ha høyst {Party.NameMaxLength} tegn.");
    }

    [Fact]
    public async Task Duplicate_organisation_number_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        // Helse Sør-Øst RHF already holds 991 324 968 in the demo data; spaces must not fool the check.
        var response = await client.PostFormAsync("/parter/ny?type=RegionalHealthAuthority", "party",
            Organisation("RegionalHealthAuthority", "Kopi RHF", "991 324 968"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Det finnes allerede en part med dette organisasjonsnummeret.");
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.CountAsync(p => p.OrganisationNumber == "991324968")).Should().Be(1);
    }

    [Fact]
    public async Task Duplicate_hpr_number_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var hpr = Numbers.NewHprNumber();
        (await client.PostFormAsync("/parter/ny?type=Specialist", "party", Specialist("Første Duplikatsen", hpr))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await client.PostFormAsync("/parter/ny?type=Specialist", "party", Specialist("Andre Duplikatsen", hpr));

        (await response.HtmlAsync()).Should().Contain("Det finnes allerede en part med dette HPR-nummeret.");
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.CountAsync(p => p.HprNumber == hpr)).Should().Be(1);
    }

    [Fact]
    public async Task Editing_a_party_records_each_changed_field_with_old_and_new_value()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var orgNo = Numbers.NewOrganisationNumber();
        var created = await client.PostFormAsync("/parter/ny?type=Institution", "party", Organisation("Institution", "Gammelt Navn DPS", orgNo));
        var id = created.RedirectPath().Split('/', '?')[2];

        var edit = await client.GetHtmlAsync($"/parter/{id}/rediger");
        var fields = Organisation("Institution", "Nytt Navn DPS", orgNo);
        fields["Form.Version"] = WebClient.InputValue(edit, "Form.Version")!;
        var response = await client.PostFormAsync($"/parter/{id}/rediger", "party", fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateDbContext();
        var changed = await db.AuditEntries.Where(a => a.EntityId == id && a.Action == AuditActions.Changed).ToListAsync();
        changed.Should().ContainSingle().Which.Changes.Should().Equal(new FieldChange("Name", "Gammelt Navn DPS", "Nytt Navn DPS"));
    }

    [Fact]
    public async Task Saving_over_a_party_someone_else_changed_is_refused_and_keeps_the_input()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var orgNo = Numbers.NewOrganisationNumber();
        var created = await client.PostFormAsync("/parter/ny?type=Municipality", "party", Organisation("Municipality", "Samtidig kommune", orgNo));
        var id = created.RedirectPath().Split('/', '?')[2];
        var staleVersion = WebClient.InputValue(await client.GetHtmlAsync($"/parter/{id}/rediger"), "Form.Version")!;

        // Another caseworker saves first.
        var first = Organisation("Municipality", "Samtidig kommune (endret av en annen)", orgNo);
        first["Form.Version"] = staleVersion;
        (await client.PostFormAsync($"/parter/{id}/rediger", "party", first)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var second = Organisation("Municipality", "Min versjon av navnet", orgNo);
        second["Form.Version"] = staleVersion;
        var response = await client.PostFormAsync($"/parter/{id}/rediger", "party", second);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Noen andre har lagret endringer i denne parten");
        WebClient.InputValue(html, "Form.Name").Should().Be("Min versjon av navnet");
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.SingleAsync(p => p.OrganisationNumber == orgNo)).Name.Should().Be("Samtidig kommune (endret av en annen)");
    }

    [Fact]
    public async Task A_referenced_party_can_only_be_deactivated_and_an_unused_one_can_be_deleted()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        await using var db = app.Database.CreateDbContext();
        // Helse Bergen HF has institutions under it and a user linked to it.
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        (await client.GetHtmlAsync($"/parter/{bergen.Id}/status")).Should().Contain("kan ikke slettes");

        var refused = await client.PostFormAsync($"/parter/{bergen.Id}/status", "status", new() { ["handling"] = "slett" });
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await db.Parties.AnyAsync(p => p.Id == bergen.Id)).Should().BeTrue();

        var created = await client.PostFormAsync("/parter/ny?type=Municipality", "party", Organisation("Municipality", "Feilregistrert kommune", Numbers.NewOrganisationNumber()));
        var id = Guid.Parse(created.RedirectPath().Split('/', '?')[2]);
        (await client.PostFormAsync($"/parter/{id}/status", "status", new() { ["handling"] = "deaktiver" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await db.Parties.AsNoTracking().SingleAsync(p => p.Id == id)).IsActive.Should().BeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Deactivated)).Should().BeTrue();

        (await client.PostFormAsync($"/parter/{id}/status", "status", new() { ["handling"] = "aktiver" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync($"/parter/{id}/status", "status", new() { ["handling"] = "slett" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await db.Parties.AnyAsync(p => p.Id == id)).Should().BeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Deleted)).Should().BeTrue();
    }

    [Fact]
    public async Task A_party_in_an_agreement_cannot_be_deleted()
    {
        await using var db = app.Database.CreateDbContext();
        var specialist = Testing.AgreementScenarios.Specialist("Avtalebundet Testesen", Numbers.NewHprNumber());
        db.Parties.Add(specialist);
        db.Agreements.Add(Testing.AgreementScenarios.OperatingDraft(await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF"), specialist));
        await db.SaveChangesAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetHtmlAsync($"/parter/{specialist.Id}/status")).Should().Contain("part i eller nevnt i avtaler");
        var refused = await client.PostFormAsync($"/parter/{specialist.Id}/status", "status", new() { ["handling"] = "slett" });

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await db.Parties.AnyAsync(p => p.Id == specialist.Id)).Should().BeTrue();
    }

    [Fact]
    public async Task Kommunegruppe_membership_is_saved_and_audited()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        await using var db = app.Database.CreateDbContext();
        var members = await db.Parties.Where(p => p.Name == "Fedje kommune" || p.Name == "Voss herad").Select(p => p.Id).ToListAsync();
        var fields = Organisation("MunicipalGroup", "Testgruppen", "");
        var page = await client.GetAsync("/parter/ny?type=MunicipalGroup");
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var body = fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("_handler", "party"))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token))
            .Concat(members.Select(m => KeyValuePair.Create("medlemmer", m.ToString())));

        var response = await client.PostAsync("/parter/ny?type=MunicipalGroup", new FormUrlEncodedContent(body));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var group = await db.Parties.Include(p => p.Members).SingleAsync(p => p.Name == "Testgruppen");
        group.Members.Select(m => m.MunicipalityId).Should().BeEquivalentTo(members);
        var audit = await db.AuditEntries.Where(a => a.EntityId == group.Id.ToString()).ToListAsync();
        audit.SelectMany(a => a.Changes).Should().Contain(c => c.Field == "Members" && c.NewValue == "Fedje kommune, Voss herad");
    }

    [Fact]
    public async Task Search_finds_by_name_organisation_number_and_hpr_number_and_filters_by_kind()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetHtmlAsync("/parter?q=bergen")).Should().Contain("Helse Bergen HF").And.Contain("Bergen kommune").And.NotContain("Helse Sør-Øst RHF");
        (await client.GetHtmlAsync("/parter?q=991+324+968")).Should().Contain("Helse Sør-Øst RHF");
        (await client.GetHtmlAsync("/parter?q=9900102")).Should().Contain("Testa Prøvesen").And.Contain("1 part");
        var specialists = await client.GetHtmlAsync("/parter?type=Specialist");
        specialists.Should().Contain("Demo Spesialistsen").And.NotContain("Helse Bergen HF");
        (await client.GetHtmlAsync("/parter?q=finnesikke%25_")).Should().Contain("Ingen parter passer til søket");
    }

    [Fact]
    public async Task List_is_paginated_and_survives_nonsense_query_values()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var first = await client.GetHtmlAsync("/parter");
        first.Should().Contain("aria-label=\"Neste side\"");
        var beyond = await client.GetHtmlAsync("/parter?side=999&sort=tull&type=Ukjent");
        beyond.Should().Contain("aria-current=\"true\"");
        (await client.GetAsync("/parter?side=abc")).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Htmx_request_gets_the_results_fragment_without_the_page_shell()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var request = new HttpRequestMessage(HttpMethod.Get, "/parter?q=haraldsplass");
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);

        var html = await response.HtmlAsync();
        html.Should().Contain("id=\"parter-resultat\"").And.Contain("Haraldsplass Diakonale Sykehus AS");
        html.Should().NotContain("<html").And.NotContain("app-header");
    }
}
