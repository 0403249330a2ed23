using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Tests.Parties;

/// <summary>The party register's rules, validation, conflicts and audit rows, proven at the service on real PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class PartyServiceTests(AppFactory app)
{
    internal const string Caseworker = "saksbehandler@demo.local";

    internal static PartyForm Specialist(string name, string hpr) => new()
    {
        Kind = PartyKind.Specialist,
        Name = name,
        HprNumber = hpr,
        Profession = Profession.Psychologist,
        Specialty = "Klinisk voksenpsykologi",
        DateOfBirth = new DateTime(1979, 5, 17),
        StreetAddress = "Testveien 1",
        PostalCode = "0150",
        PostalCity = "Oslo",
    };

    internal static PartyForm Organisation(PartyKind kind, string name, string? orgNo) => new() { Kind = kind, Name = name, OrganisationNumber = orgNo };

    private async Task<T> WithServiceAsync<T>(Func<IPartyService, Task<T>> action)
    {
        await using var scope = app.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IPartyService>());
    }

    private async Task<CommandResult<PartySaved>> SaveAsync(string email, Guid? id, PartyForm form)
    {
        var user = await app.UserAsync(email);
        return await WithServiceAsync(s => s.SaveAsync(user, id, form));
    }

    private async Task<Guid> CreateAsync(PartyForm form)
    {
        var result = await SaveAsync(Caseworker, null, form);
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value!.Id;
    }

    private async Task<PartyForm> FormAsync(Guid id)
    {
        var user = await app.UserAsync(Caseworker);
        return (await WithServiceAsync(s => s.GetFormAsync(user, id)))!;
    }

    [Fact]
    public async Task Caseworker_creates_a_specialist_and_the_creation_is_audited()
    {
        var hpr = Numbers.NewHprNumber();

        var result = await SaveAsync(Caseworker, null, Specialist("Opprett Testesen", hpr));

        result.Status.Should().Be(CommandStatus.Ok);
        await using var db = app.Database.CreateDbContext();
        var party = await db.Parties.SingleAsync(p => p.HprNumber == hpr);
        party.Id.Should().Be(result.Value!.Id);
        party.Name.Should().Be("Opprett Testesen");
        party.Profession.Should().Be(Profession.Psychologist);
        party.DateOfBirth.Should().Be(new DateOnly(1979, 5, 17));

        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Party" && a.EntityId == party.Id.ToString());
        audit.Action.Should().Be(AuditActions.Created);
        audit.ActorName.Should().Be("Sander Saksbehandler");
        audit.Changes.Should().Contain(new FieldChange("HprNumber", null, hpr));
    }

    [Theory]
    [InlineData(nameof(PartyForm.OrganisationNumber), "991324967", "Organisasjonsnummeret er ikke gyldig")]
    [InlineData(nameof(PartyForm.OrganisationNumber), "12345", "Organisasjonsnummeret er ikke gyldig")]
    [InlineData(nameof(PartyForm.Name), "", "Navn må fylles ut.")]
    [InlineData(nameof(PartyForm.Name), "   ", "Navn må fylles ut.")]
    public async Task Invalid_organisation_input_is_refused_with_a_message_for_the_field(string field, string value, string message)
    {
        var name = "Validering HF " + Guid.NewGuid().ToString("N")[..6];
        var form = Organisation(PartyKind.HealthTrust, name, Numbers.NewOrganisationNumber());
        typeof(PartyForm).GetProperty(field)!.SetValue(form, value);

        var result = await SaveAsync(Caseworker, null, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == field && e.Message.StartsWith(message, StringComparison.Ordinal));
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.AnyAsync(p => p.Name == name)).Should().BeFalse();
    }

    public static TheoryData<Action<PartyForm>, string, string> SpecialistErrors => new()
    {
        { f => f.HprNumber = "12ab", nameof(PartyForm.HprNumber), "HPR-nummeret er ikke gyldig" },
        { f => f.HprNumber = "0123456", nameof(PartyForm.HprNumber), "HPR-nummeret er ikke gyldig" },
        { f => f.HprNumber = "", nameof(PartyForm.HprNumber), "HPR-nummer må fylles ut." },
        { f => f.Profession = null, nameof(PartyForm.Profession), "Velg profesjon." },
        { f => f.Profession = (Profession)99, nameof(PartyForm.Profession), "Velg profesjon." },
        { f => f.Specialty = "", nameof(PartyForm.Specialty), "Spesialitet må fylles ut." },
        { f => f.Specialty = new string('s', Party.SpecialtyMaxLength + 1), nameof(PartyForm.Specialty), "Spesialitet kan ha høyst" },
        { f => f.DateOfBirth = null, nameof(PartyForm.DateOfBirth), "Fødselsdato må fylles ut." },
        { f => f.DateOfBirth = new DateTime(1, 1, 1), nameof(PartyForm.DateOfBirth), "Fødselsdatoen må være en dato i fortiden." },
        { f => f.DateOfBirth = new DateTime(9999, 12, 31), nameof(PartyForm.DateOfBirth), "Fødselsdatoen må være en dato i fortiden." },
        { f => f.ContactEmail = "ikke-en-adresse", nameof(PartyForm.ContactEmail), "E-postadressen er ikke gyldig." },
        { f => f.PostalCode = "12", nameof(PartyForm.PostalCode), "Postnummer skal ha 4 siffer." },
        { f => f.StreetAddress = new string('a', 10_000), nameof(PartyForm.StreetAddress), "Adresse kan ha høyst" },
        { f => f.ContactName = new string('k', Party.ContactNameMaxLength + 1), nameof(PartyForm.ContactName), "Kontaktperson kan ha høyst" },
        { f => f.Name = new string('x', Party.NameMaxLength + 1), nameof(PartyForm.Name), $"Navn kan ha høyst {Party.NameMaxLength} tegn." },
    };

    [Theory]
    [MemberData(nameof(SpecialistErrors))]
    public async Task Invalid_specialist_input_is_refused_with_a_norwegian_message(Action<PartyForm> change, string field, string message)
    {
        var hpr = Numbers.NewHprNumber();
        var form = Specialist("Ugyldig " + Guid.NewGuid().ToString("N")[..6], hpr);
        change(form);

        var result = await SaveAsync(Caseworker, null, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == field && e.Message.StartsWith(message, StringComparison.Ordinal));
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.AnyAsync(p => p.HprNumber == hpr || p.Name == form.Name)).Should().BeFalse();
    }

    [Fact]
    public async Task Duplicate_organisation_number_is_refused_beside_the_field()
    {
        // Helse Sør-Øst RHF already holds 991 324 968 in the demo data; spaces must not fool the check.
        var result = await SaveAsync(Caseworker, null, Organisation(PartyKind.RegionalHealthAuthority, "Kopi RHF", "991 324 968"));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle().Which.Should().Be(
            new Domain.FieldError(nameof(PartyForm.OrganisationNumber), "Det finnes allerede en part med dette organisasjonsnummeret."));
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.CountAsync(p => p.OrganisationNumber == "991324968")).Should().Be(1);
    }

    [Fact]
    public async Task Duplicate_hpr_number_is_refused_beside_the_field()
    {
        var hpr = Numbers.NewHprNumber();
        await CreateAsync(Specialist("Første Duplikatsen", hpr));

        var result = await SaveAsync(Caseworker, null, Specialist("Andre Duplikatsen", hpr));

        result.Errors.Should().ContainSingle().Which.Should().Be(
            new Domain.FieldError(nameof(PartyForm.HprNumber), "Det finnes allerede en part med dette HPR-nummeret."));
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.CountAsync(p => p.HprNumber == hpr)).Should().Be(1);
    }

    [Fact]
    public async Task Two_concurrent_saves_of_the_same_numbers_give_one_party_and_a_field_message_never_an_error()
    {
        for (var round = 0; round < 5; round++)
        {
            var orgNo = Numbers.NewOrganisationNumber();
            var hpr = Numbers.NewHprNumber();
            var results = await Task.WhenAll(
                SaveAsync(Caseworker, null, Organisation(PartyKind.Municipality, "Samtidig A", orgNo)),
                SaveAsync("admin@demo.local", null, Organisation(PartyKind.Municipality, "Samtidig B", orgNo)),
                SaveAsync(Caseworker, null, Specialist("Samtidig C", hpr)),
                SaveAsync("admin@demo.local", null, Specialist("Samtidig D", hpr)));

            results.Count(r => r.Succeeded).Should().Be(2);
            results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Status == CommandStatus.Invalid)
                .And.Subject.SelectMany(r => r.Errors).Select(e => e.Field).Should()
                .BeEquivalentTo([nameof(PartyForm.OrganisationNumber), nameof(PartyForm.HprNumber)]);
            await using var db = app.Database.CreateDbContext();
            (await db.Parties.CountAsync(p => p.OrganisationNumber == orgNo)).Should().Be(1);
            (await db.Parties.CountAsync(p => p.HprNumber == hpr)).Should().Be(1);
        }
    }

    [Fact]
    public async Task Editing_a_party_records_each_changed_field_with_old_and_new_value()
    {
        var orgNo = Numbers.NewOrganisationNumber();
        var id = await CreateAsync(Organisation(PartyKind.Institution, "Gammelt Navn DPS", orgNo));

        var form = await FormAsync(id);
        form.Name = "Nytt Navn DPS";
        var result = await SaveAsync(Caseworker, id, form);

        result.Status.Should().Be(CommandStatus.Ok);
        await using var db = app.Database.CreateDbContext();
        var changed = await db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == AuditActions.Changed).ToListAsync();
        changed.Should().ContainSingle().Which.Changes.Should().Equal(new FieldChange("Name", "Gammelt Navn DPS", "Nytt Navn DPS"));
    }

    [Fact]
    public async Task Saving_over_a_party_someone_else_changed_is_a_conflict_with_the_current_values_and_the_input_kept()
    {
        var orgNo = Numbers.NewOrganisationNumber();
        var id = await CreateAsync(Organisation(PartyKind.Municipality, "Samtidig kommune", orgNo));
        var mine = await FormAsync(id);
        var theirs = await FormAsync(id);

        theirs.Name = "Samtidig kommune (endret av en annen)";
        (await SaveAsync("admin@demo.local", id, theirs)).Status.Should().Be(CommandStatus.Ok);

        mine.Name = "Min versjon av navnet";
        mine.ContactName = "Kari Kontakt";
        var staleVersion = mine.Version;
        var result = await SaveAsync(Caseworker, id, mine);

        result.Status.Should().Be(CommandStatus.Conflict);
        result.Message.Should().Contain("Noen andre har lagret endringer i denne parten");
        result.Value!.Current!.Name.Should().Be("Samtidig kommune (endret av en annen)");
        result.Value.Current.Version.Should().NotBe(staleVersion);
        mine.Name.Should().Be("Min versjon av navnet", "the service never touches what the user typed");
        mine.ContactName.Should().Be("Kari Kontakt");
        await using (var db = app.Database.CreateDbContext())
        {
            (await db.Parties.SingleAsync(p => p.Id == id)).Name.Should().Be("Samtidig kommune (endret av en annen)");
        }

        // Having seen the current values, the user saves their version over them.
        mine.Version = result.Value.Current.Version;
        (await SaveAsync(Caseworker, id, mine)).Status.Should().Be(CommandStatus.Ok);
        await using var after = app.Database.CreateDbContext();
        (await after.Parties.SingleAsync(p => p.Id == id)).Name.Should().Be("Min versjon av navnet");
    }

    [Fact]
    public async Task Changing_the_kind_of_a_party_is_refused_with_a_message_not_an_exception()
    {
        var id = await CreateAsync(Organisation(PartyKind.Municipality, "Typefast kommune", Numbers.NewOrganisationNumber()));
        var form = await FormAsync(id);
        form.Kind = PartyKind.HealthTrust;

        var result = await SaveAsync(Caseworker, id, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle().Which.Should().Be(new Domain.FieldError(nameof(PartyForm.Kind), "Typen til en part kan ikke endres."));
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.SingleAsync(p => p.Id == id)).Kind.Should().Be(PartyKind.Municipality);

        form.Kind = (PartyKind)42;
        (await SaveAsync(Caseworker, id, form)).Errors.Should().Contain(e => e.Field == nameof(PartyForm.Kind));
    }

    [Fact]
    public async Task A_referenced_party_can_only_be_deactivated_and_an_unused_one_can_be_deleted()
    {
        var user = await app.UserAsync(Caseworker);
        await using var db = app.Database.CreateDbContext();
        // Helse Bergen HF has institutions under it and a user linked to it.
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        var view = await WithServiceAsync(s => s.GetAsync(user, bergen.Id));
        view!.References.Should().Contain("har underordnede parter");

        var refused = await WithServiceAsync(s => s.DeleteAsync(user, bergen.Id));
        refused.Status.Should().Be(CommandStatus.Refused);
        refused.Message.Should().Contain("kan ikke slettes");
        (await db.Parties.AnyAsync(p => p.Id == bergen.Id)).Should().BeTrue();

        var id = await CreateAsync(Organisation(PartyKind.Municipality, "Feilregistrert kommune", Numbers.NewOrganisationNumber()));
        (await WithServiceAsync(s => s.DeactivateAsync(user, id))).Status.Should().Be(CommandStatus.Ok);
        (await db.Parties.AsNoTracking().SingleAsync(p => p.Id == id)).IsActive.Should().BeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Deactivated)).Should().BeTrue();
        (await WithServiceAsync(s => s.DeactivateAsync(user, id))).Status.Should().Be(CommandStatus.Refused, "a stale page deactivates twice");

        (await WithServiceAsync(s => s.ReactivateAsync(user, id))).Status.Should().Be(CommandStatus.Ok);
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Reactivated)).Should().BeTrue();
        (await WithServiceAsync(s => s.DeleteAsync(user, id))).Status.Should().Be(CommandStatus.Ok);
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
        var user = await app.UserAsync(Caseworker);

        (await WithServiceAsync(s => s.GetAsync(user, specialist.Id)))!.References.Should().Contain("part i eller nevnt i avtaler");
        var refused = await WithServiceAsync(s => s.DeleteAsync(user, specialist.Id));

        refused.Status.Should().Be(CommandStatus.Refused);
        refused.Message.Should().Contain("part i eller nevnt i avtaler");
        (await db.Parties.AnyAsync(p => p.Id == specialist.Id)).Should().BeTrue();
    }

    [Fact]
    public async Task Kommunegruppe_membership_is_saved_and_audited()
    {
        var user = await app.UserAsync(Caseworker);
        var fedje = (await WithServiceAsync(s => s.SearchMunicipalitiesAsync(user, "Fedje"))).Single();
        var voss = (await WithServiceAsync(s => s.SearchMunicipalitiesAsync(user, "voss herad"))).Single();
        var form = Organisation(PartyKind.MunicipalGroup, "Testgruppen " + Guid.NewGuid().ToString("N")[..6], "");
        form.Members = [voss, fedje, fedje];

        var id = await CreateAsync(form);

        await using var db = app.Database.CreateDbContext();
        var group = await db.Parties.Include(p => p.Members).SingleAsync(p => p.Id == id);
        group.Members.Select(m => m.MunicipalityId).Should().BeEquivalentTo([fedje.Id, voss.Id]);
        var audit = await db.AuditEntries.Where(a => a.EntityId == id.ToString()).ToListAsync();
        audit.SelectMany(a => a.Changes).Should().Contain(c => c.Field == "Members" && c.NewValue == "Fedje kommune, Voss herad");
        (await FormAsync(id)).Members.Should().Equal(fedje, voss);

        // A kommune is the only kind that can be a member.
        var edit = await FormAsync(id);
        var rhf = (await WithServiceAsync(s => s.SearchParentsAsync(user, PartyKind.HealthTrust, "Sør-Øst"))).Single();
        edit.Members.Add(rhf);
        (await SaveAsync(Caseworker, id, edit)).Errors.Should().Contain(e => e.Field == nameof(PartyForm.Members));
    }

    [Fact]
    public async Task Two_concurrent_saves_of_a_kommunegruppes_members_give_a_conflict_never_an_error()
    {
        var user = await app.UserAsync(Caseworker);
        var alver = (await WithServiceAsync(s => s.SearchMunicipalitiesAsync(user, "Alver"))).Single();
        var gulen = (await WithServiceAsync(s => s.SearchMunicipalitiesAsync(user, "Gulen"))).Single();
        for (var round = 0; round < 5; round++)
        {
            var id = await CreateAsync(Organisation(PartyKind.MunicipalGroup, "Samtidiggruppen " + round, ""));
            var first = await FormAsync(id);
            var second = await FormAsync(id);
            first.Members = [alver];
            second.Members = [alver, gulen];

            var results = await Task.WhenAll(SaveAsync(Caseworker, id, first), SaveAsync("admin@demo.local", id, second));

            // Never a duplicate-key error: one save lands, the other is refused as a conflict.
            results.Count(r => r.Succeeded).Should().Be(1);
            results.Single(r => !r.Succeeded).Status.Should().Be(CommandStatus.Conflict);
        }

        // One after the other: a stale members-only save is refused too.
        var groupId = await CreateAsync(Organisation(PartyKind.MunicipalGroup, "Etterhverandregruppen", ""));
        var earlier = await FormAsync(groupId);
        var later = await FormAsync(groupId);
        earlier.Members = [alver];
        later.Members = [gulen];
        (await SaveAsync(Caseworker, groupId, earlier)).Status.Should().Be(CommandStatus.Ok);
        (await SaveAsync(Caseworker, groupId, later)).Status.Should().Be(CommandStatus.Conflict);
    }

    [Fact]
    public async Task Parent_is_picked_among_active_parties_of_the_right_kind_and_checked_on_save()
    {
        var user = await app.UserAsync(Caseworker);
        var rhfs = await WithServiceAsync(s => s.SearchParentsAsync(user, PartyKind.HealthTrust, "helse"));
        rhfs.Should().Contain(o => o.Name == "Helse Sør-Øst RHF").And.NotContain(o => o.Name == "Helse Bergen HF");
        (await WithServiceAsync(s => s.SearchParentsAsync(user, PartyKind.Institution, "bergen"))).Should().Contain(o => o.Name == "Helse Bergen HF");
        (await WithServiceAsync(s => s.SearchParentsAsync(user, PartyKind.Municipality, "helse"))).Should().BeEmpty("a kommune has no parent");

        var form = Organisation(PartyKind.HealthTrust, "Ny HF " + Guid.NewGuid().ToString("N")[..6], Numbers.NewOrganisationNumber());
        form.Parent = new PartyOption(Guid.NewGuid(), "Finnes ikke RHF");
        var refused = await SaveAsync(Caseworker, null, form);
        refused.Errors.Should().ContainSingle().Which.Field.Should().Be(nameof(PartyForm.Parent));

        form.Parent = rhfs.First(o => o.Name == "Helse Sør-Øst RHF");
        var id = await CreateAsync(form);
        (await FormAsync(id)).Parent.Should().Be(form.Parent);
    }

    [Fact]
    public async Task Search_finds_by_name_organisation_number_and_hpr_number_and_filters_by_kind()
    {
        var user = await app.UserAsync(Caseworker);
        Task<PartyPage> Search(PartyListState state) => WithServiceAsync(s => s.SearchAsync(user, state));
        var all = PartyListState.Default;

        (await Search(all with { Search = "bergen" })).Rows.Select(r => r.Name).Should()
            .Contain(["Helse Bergen HF", "Bergen kommune"]).And.NotContain("Helse Sør-Øst RHF");
        (await Search(all with { Search = "991 324 968" })).Rows.Should().ContainSingle(r => r.Name == "Helse Sør-Øst RHF");
        var byHpr = await Search(all with { Search = "9900102" });
        byHpr.Total.Should().Be(1);
        byHpr.Rows.Single().Should().Match<PartyRow>(r => r.Name == "Testa Prøvesen" && r.NumberText == "HPR 9900102");
        var specialists = await Search(all with { Kind = PartyKind.Specialist });
        specialists.Rows.Should().Contain(r => r.Name == "Demo Spesialistsen").And.OnlyContain(r => r.Kind == PartyKind.Specialist);
        (await Search(all with { Search = "finnesikke%_" })).Total.Should().Be(0);
    }

    [Fact]
    public async Task List_pages_and_sorts_in_the_database_and_survives_nonsense_from_the_url()
    {
        var user = await app.UserAsync(Caseworker);
        Task<PartyPage> Search(PartyListState state) => WithServiceAsync(s => s.SearchAsync(user, state));

        var first = await Search(PartyListState.Default);
        first.Rows.Should().HaveCount(PartyListState.PageSize);
        first.PageCount.Should().BeGreaterThan(1);
        var second = await Search(PartyListState.Default with { Page = 2 });
        second.Rows.Select(r => r.Id).Should().NotIntersectWith(first.Rows.Select(r => r.Id));

        var descending = await Search(PartyListState.Default with { Descending = true });
        descending.Rows.First().Name.Should().NotBe(first.Rows.First().Name);

        var nonsense = PartyListState.FromQuery("abc\0def", "Ukjent", "kanskje", "tull", "baklengs", "999");
        nonsense.Should().Be(PartyListState.Default with { Search = "abcdef", Page = 999 });
        var beyond = await Search(PartyListState.FromQuery(null, "Specialist", null, "type", "synkende", "999"));
        beyond.Page.Should().Be(beyond.PageCount, "a page past the end shows the last one");
        PartyListState.FromQuery(null, "6", null, null, null, "-1").Should().Be(PartyListState.Default);
    }

    [Fact]
    public async Task A_nul_byte_or_a_huge_search_gives_no_error()
    {
        var user = await app.UserAsync(Caseworker);

        var nul = await WithServiceAsync(s => s.SearchAsync(user, PartyListState.Default with { Search = "Helse Ber\0gen" }));
        var huge = await WithServiceAsync(s => s.SearchAsync(user, PartyListState.Default with { Search = new string('a', 10_000) }));
        var nulPick = await WithServiceAsync(s => s.SearchMunicipalitiesAsync(user, "\0Fedje"));
        var hugePick = await WithServiceAsync(s => s.SearchParentsAsync(user, PartyKind.HealthTrust, new string('\0', 10_000)));

        nul.Rows.Should().Contain(r => r.Name == "Helse Bergen HF", "the NUL byte is removed, not sent to PostgreSQL");
        huge.Total.Should().Be(0);
        nulPick.Should().ContainSingle(o => o.Name == "Fedje kommune");
        hugePick.Should().NotBeEmpty("only control characters: no search text, so the first hits");
    }

    [Fact]
    public async Task Avtalespesialist_sees_only_their_own_party_and_may_change_nothing()
    {
        var specialist = await app.UserAsync("spesialist@demo.local");
        await using var db = app.Database.CreateDbContext();
        var own = await db.Parties.SingleAsync(p => p.Name == "Demo Spesialistsen");
        var other = await db.Parties.SingleAsync(p => p.Name == "Testa Prøvesen");
        var before = await db.Parties.CountAsync();

        var list = await WithServiceAsync(s => s.SearchAsync(specialist, PartyListState.Default with { Kind = PartyKind.Specialist }));
        list.Total.Should().Be(1);
        list.Rows.Single().Name.Should().Be("Demo Spesialistsen");
        (await WithServiceAsync(s => s.SearchAsync(specialist, PartyListState.Default with { Search = "Testa" }))).Total.Should().Be(0);

        var view = await WithServiceAsync(s => s.GetAsync(specialist, own.Id));
        view!.Party.HprNumber.Should().Be("9900101");
        view.CanMaintain.Should().BeFalse();
        // UX review: the RHF is named, but as text: the specialist may not open its page.
        view.Parent.Should().Match<PartyLink>(p => p.Name == "Helse Sør-Øst RHF" && !p.Visible);
        (await WithServiceAsync(s => s.GetAsync(specialist, other.Id))).Should().BeNull();
        (await WithServiceAsync(s => s.GetFormAsync(specialist, own.Id))).Should().BeNull();
        (await WithServiceAsync(s => s.SearchMunicipalitiesAsync(specialist, "Fedje"))).Should().BeEmpty();

        (await WithServiceAsync(s => s.SaveAsync(specialist, null, Organisation(PartyKind.Municipality, "Uautorisert kommune", null))))
            .Status.Should().Be(CommandStatus.Forbidden);
        var form = Specialist("Demo Spesialistsen", "9900101");
        (await WithServiceAsync(s => s.SaveAsync(specialist, own.Id, form))).Status.Should().Be(CommandStatus.Forbidden);
        (await WithServiceAsync(s => s.DeactivateAsync(specialist, own.Id))).Status.Should().Be(CommandStatus.Forbidden);
        (await WithServiceAsync(s => s.DeleteAsync(specialist, other.Id))).Status.Should().Be(CommandStatus.Forbidden);
        (await db.Parties.CountAsync()).Should().Be(before);
        (await db.Parties.AsNoTracking().SingleAsync(p => p.Id == own.Id)).IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Samhandlingssjef_reads_the_register_with_links_but_cannot_change_it()
    {
        var manager = await app.UserAsync("samhandlingssjef@demo.local");
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");

        var view = await WithServiceAsync(s => s.GetAsync(manager, bergen.Id));

        view!.CanMaintain.Should().BeFalse();
        view.References.Should().BeEmpty();
        view.Children.Should().Contain(c => c.Name == "Haraldsplass Diakonale Sykehus AS" && c.Visible);
        view.Parent!.Visible.Should().BeTrue();
        (await WithServiceAsync(s => s.SearchAsync(manager, PartyListState.Default))).Total.Should().BeGreaterThan(PartyListState.PageSize);
        (await WithServiceAsync(s => s.GetFormAsync(manager, bergen.Id))).Should().BeNull();
        (await WithServiceAsync(s => s.SaveAsync(manager, bergen.Id, Organisation(PartyKind.HealthTrust, "Endret", null))))
            .Status.Should().Be(CommandStatus.Forbidden);
        (await WithServiceAsync(s => s.DeactivateAsync(manager, bergen.Id))).Status.Should().Be(CommandStatus.Forbidden);
    }

    [Fact]
    public async Task A_missing_party_is_not_found_for_every_operation()
    {
        var user = await app.UserAsync(Caseworker);
        var missing = Guid.NewGuid();

        (await WithServiceAsync(s => s.GetAsync(user, missing))).Should().BeNull();
        (await WithServiceAsync(s => s.GetFormAsync(user, missing))).Should().BeNull();
        (await WithServiceAsync(s => s.SaveAsync(user, missing, Organisation(PartyKind.Municipality, "Borte kommune", null)))).Status.Should().Be(CommandStatus.NotFound);
        (await WithServiceAsync(s => s.DeactivateAsync(user, missing))).Status.Should().Be(CommandStatus.NotFound);
        (await WithServiceAsync(s => s.ReactivateAsync(user, missing))).Status.Should().Be(CommandStatus.NotFound);
        (await WithServiceAsync(s => s.DeleteAsync(user, missing))).Status.Should().Be(CommandStatus.NotFound);
    }

    [Fact]
    public async Task The_party_history_is_for_the_registers_maintainers_only()
    {
        var id = await CreateAsync(Organisation(PartyKind.Municipality, "Historikk kommune", Numbers.NewOrganisationNumber()));
        await using var scope = app.CreateScope();
        var history = scope.ServiceProvider.GetRequiredService<Features.Audit.AuditHistoryService>();

        var entries = await history.GetAsync(await app.UserAsync(Caseworker), "Party", id.ToString());
        var forManager = await history.GetAsync(await app.UserAsync("samhandlingssjef@demo.local"), "Party", id.ToString());

        entries.Should().ContainSingle().Which.Action.Should().Be(AuditActions.Created);
        forManager.Should().BeEmpty();
        (await history.GetAsync(await app.UserAsync(Caseworker), "AppUser", Guid.NewGuid().ToString())).Should().BeEmpty();
    }
}
