using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees;
using static SamarbeidsAvtaler.Web.Tests.Committees.CommitteeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>Who sees and who keeps the bodies (issue 9 § 6), proven at the services on real PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class CommitteeAccessTests(AppFactory app)
{
    [Fact]
    public async Task Caseworker_and_administrator_see_and_keep_every_body_and_the_creation_is_audited()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var administrator = User(Roles.Administrator);

        var rows = await app.CommitteesAsync(s => s.ListAsync(administrator, new CommitteeFilter()));
        rows.Should().Contain(r => r.Id == id && r.AgreementId == hf.AgreementId);
        foreach (var user in new[] { Caseworker, administrator })
        {
            var view = await app.ViewAsync(id, user);
            view.CanMaintain.Should().BeTrue();
        }

        var form = (await app.CommitteesAsync(s => s.GetFormAsync(administrator, id)))!;
        form.Mandate = "Følgje opp samarbeidsavtalen.";
        (await app.CommitteesAsync(s => s.SaveAsync(administrator, id, form))).Succeeded();

        await using var db = app.Database.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Committee) && a.EntityId == id.ToString()).ToListAsync();
        entries.Should().Contain(a => a.Action == AuditActions.Created && a.ActorName == "Sander Saksbehandler");
        entries.SelectMany(a => a.Changes).Should().Contain(c => c.Field == "Mandate" && c.NewValue == "Følgje opp samarbeidsavtalen.");
    }

    [Fact]
    public async Task Sekretariat_keeps_the_bodies_of_its_own_helsefellesskap_but_not_anothers()
    {
        var own = await app.HelsefellesskapAsync();
        var other = await app.HelsefellesskapAsync();
        var secretariat = own.Secretariat();
        var foreign = await app.CreateBodyAsync(other.Body(CommitteeKind.StrategicCommittee));

        // Its own helsefellesskap: create, change, add a member.
        var agreements = await app.CommitteesAsync(s => s.OverarchingAgreementsAsync(secretariat));
        agreements.Select(a => a.Id).Should().Contain(own.AgreementId).And.NotContain(other.AgreementId);
        var id = await app.CreateBodyAsync(own.Body(CommitteeKind.AreaCommittee), secretariat);
        var person = await app.PersonAsync("Sekretær Testesen", own.Municipality);
        (await app.AddMemberAsync(id, person, CommitteeSide.Municipal, user: secretariat)).Should().NotBeEmpty();

        // Another's: not listed, not found, and not a helsefellesskap to create bodies in.
        var rows = await app.CommitteesAsync(s => s.ListAsync(secretariat, new CommitteeFilter(Active: null)));
        rows.Select(r => r.Id).Should().Contain(id).And.NotContain(foreign);
        (await app.CommitteesAsync(s => s.GetAsync(secretariat, foreign))).Should().BeNull();
        (await app.CommitteesAsync(s => s.GetFormAsync(secretariat, foreign))).Should().BeNull();
        var foreignVersion = (await app.ViewAsync(foreign)).Version;
        (await app.CommitteesAsync(s => s.WindUpAsync(secretariat, foreign, Today, foreignVersion))).Status.Should().Be(CommandStatus.NotFound);
        (await app.MembersAsync(s => s.SaveAsync(secretariat, foreign, null, Member(person, CommitteeSide.Municipal, foreignVersion))))
            .Status.Should().Be(CommandStatus.NotFound);
        var intoOther = await app.CommitteesAsync(s => s.SaveAsync(secretariat, null, other.Body(CommitteeKind.AreaCommittee)));
        intoOther.Status.Should().Be(CommandStatus.Invalid);
        intoOther.Errors.Should().Contain(e => e.Field == nameof(CommitteeForm.OverarchingAgreementId));
    }

    [Fact]
    public async Task Samhandlingssjef_reads_the_bodies_of_the_helsefellesskap_but_cannot_change_them()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var person = await app.PersonAsync("Lese Testesen", hf.Trust, "lese@prove.example");
        var memberId = await app.AddMemberAsync(id, person, CommitteeSide.SpecialistService);
        var manager = hf.CooperationManager();

        var view = await app.ViewAsync(id, manager);
        view.CanMaintain.Should().BeFalse();
        view.Members.Should().ContainSingle(m => m.Id == memberId).Which.Email.Should().Be("lese@prove.example");
        (await app.CommitteesAsync(s => s.ListAsync(manager, new CommitteeFilter()))).Should().Contain(r => r.Id == id);

        (await app.CommitteesAsync(s => s.GetFormAsync(manager, id))).Should().BeNull();
        var form = hf.Body(CommitteeKind.StrategicCommittee);
        form.Version = view.Version;
        (await app.CommitteesAsync(s => s.SaveAsync(manager, id, form))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.CommitteesAsync(s => s.SaveAsync(manager, null, form))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.CommitteesAsync(s => s.WindUpAsync(manager, id, Today, view.Version))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.MembersAsync(s => s.SaveAsync(manager, id, null, Member(person, CommitteeSide.SpecialistService, view.Version))))
            .Status.Should().Be(CommandStatus.Forbidden);
        (await app.MembersAsync(s => s.RemoveAsync(manager, id, memberId, view.Version))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.PersonsAsync(s => s.SearchAsync(manager, "Lese"))).Should().BeEmpty("only those who keep bodies pick persons");
        (await app.ViewAsync(id)).Members.Should().ContainSingle("nothing was changed");
    }

    [Fact]
    public async Task Avtalespesialist_sees_no_bodies_and_no_persons()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var person = await app.PersonAsync("Skjult Testesen", hf.Trust, "skjult@prove.example");
        await app.AddMemberAsync(id, person, CommitteeSide.SpecialistService);
        var specialist = User(Roles.Specialist, hf.Trust.Id);

        (await app.CommitteesAsync(s => s.ListAsync(specialist, new CommitteeFilter(Active: null)))).Should().BeEmpty();
        (await app.CommitteesAsync(s => s.OverviewAsync(specialist))).Should().BeEmpty();
        (await app.CommitteesAsync(s => s.GetAsync(specialist, id))).Should().BeNull();
        (await app.CommitteesAsync(s => s.ComplianceAsync(specialist, id, Today.Year))).Should().BeNull();
        (await app.PersonsAsync(s => s.GetAsync(specialist, person.Id))).Should().BeNull();
        (await app.PersonsAsync(s => s.SearchAsync(specialist, "Skjult"))).Should().BeEmpty();
        (await app.CommitteesAsync(s => s.SaveAsync(specialist, null, hf.Body(CommitteeKind.AreaCommittee)))).Status.Should().Be(CommandStatus.NotFound);
        (await app.CommitteesAsync(s => s.WindUpAsync(specialist, id, Today, 0))).Status.Should().Be(CommandStatus.NotFound);
    }

    [Fact]
    public async Task Contact_details_are_hidden_from_users_outside_the_helsefellesskap()
    {
        var hf = await app.HelsefellesskapAsync();
        var other = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee));
        var person = await app.PersonAsync("Kontakt Testesen", hf.Municipality, "kontakt@prove.example");
        await app.AddMemberAsync(id, person, CommitteeSide.Municipal);

        // Inside the helsefellesskap: the contact details and the seat.
        var inside = (await app.PersonsAsync(s => s.GetAsync(hf.CooperationManager(), person.Id)))!;
        inside.ContactVisible.Should().BeTrue();
        inside.Email.Should().Be("kontakt@prove.example");
        inside.Phone.Should().NotBeNull();
        inside.Seats.Should().ContainSingle(s => s.CommitteeId == id);

        // Another helsefellesskap's sekretariat may find the person by name (to add them), but sees no contact and no seats.
        var outsider = other.Secretariat();
        (await app.PersonsAsync(s => s.SearchAsync(outsider, "Kontakt Testesen"))).Should().ContainSingle(p => p.Id == person.Id);
        var outside = (await app.PersonsAsync(s => s.GetAsync(outsider, person.Id)))!;
        outside.ContactVisible.Should().BeFalse();
        outside.Email.Should().BeNull();
        outside.Phone.Should().BeNull();
        outside.Seats.Should().BeEmpty();
        outside.CanEdit.Should().BeFalse();
        (await app.PersonsAsync(s => s.GetFormAsync(outsider, person.Id))).Should().BeNull();

        // Another helsefellesskap's samhandlingssjef does not find the person at all.
        (await app.PersonsAsync(s => s.GetAsync(other.CooperationManager(), person.Id))).Should().BeNull();
    }
}
