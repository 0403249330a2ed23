using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;
using static SamarbeidsAvtaler.Web.Tests.Committees.CommitteeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>Persons at the service on real PostgreSQL: search, seats across bodies, who may change them, conflicts.</summary>
[Collection(AppCollection.Name)]
public sealed class PersonServiceTests(AppFactory app)
{
    [Fact]
    public async Task A_person_in_several_bodies_has_every_seat_on_their_page()
    {
        var hf = await app.HelsefellesskapAsync();
        var ssu = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee, "SSU Prøve"));
        var area = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee, "OU Prøve"));
        var person = await app.PersonAsync("Mange Vervsen", hf.Municipality, "mange@prove.example", GpEmployment.SelfEmployed);
        var member = await app.AddMemberAsync(ssu, person, CommitteeSide.Municipal, representation: Representation.GeneralPractitioner);
        await app.AddMemberAsync(area, person, CommitteeSide.Municipal, MemberRole.Observer);

        var view = (await app.PersonsAsync(s => s.GetAsync(hf.Secretariat(), person.Id)))!;

        view.Seats.Select(s => s.CommitteeName).Should().BeEquivalentTo(["SSU Prøve", "OU Prøve"]);
        view.Seats.Single(s => s.MemberId == member).RoleText.Should().Be("Medlem, fastlege");
        view.Organisation!.Name.Should().Be(hf.Municipality.Name);
        view.GpEmployment.Should().Be(GpEmployment.SelfEmployed);
        view.CanEdit.Should().BeTrue();
        (await app.PersonsAsync(s => s.SearchAsync(hf.Secretariat(), "vervsen"))).Should().ContainSingle(p => p.Id == person.Id)
            .Which.OrganisationName.Should().Be(hf.Municipality.Name);
    }

    [Fact]
    public async Task Concurrent_edits_of_a_person_give_a_conflict_and_keep_the_input()
    {
        var hf = await app.HelsefellesskapAsync();
        var person = await app.PersonAsync("Samtidig Personsen", hf.Trust);
        var mine = (await app.PersonsAsync(s => s.GetFormAsync(Caseworker, person.Id)))!;
        var theirs = (await app.PersonsAsync(s => s.GetFormAsync(Caseworker, person.Id)))!;

        theirs.Phone = "+47 911 11 111";
        (await app.PersonsAsync(s => s.SaveAsync(Caseworker, person.Id, theirs))).Succeeded();
        mine.Title = "Seksjonsleiar";
        var conflict = await app.PersonsAsync(s => s.SaveAsync(Caseworker, person.Id, mine));

        conflict.Status.Should().Be(CommandStatus.Conflict);
        conflict.Value!.Current!.Phone.Should().Be("+47 911 11 111");
        mine.Title.Should().Be("Seksjonsleiar");
        mine.Version = conflict.Value.Current.Version;
        (await app.PersonsAsync(s => s.SaveAsync(Caseworker, person.Id, mine))).Succeeded();
    }

    [Fact]
    public async Task Another_helsefellesskaps_sekretariat_cannot_change_a_person_seated_elsewhere()
    {
        var hf = await app.HelsefellesskapAsync();
        var other = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee));
        var person = await app.PersonAsync("Annanstads Personsen", hf.Municipality, "annan@prove.example");
        await app.AddMemberAsync(id, person, CommitteeSide.Municipal);
        var form = new PersonForm { Name = "Endra Namn", Organisation = new PartyOption(hf.Municipality.Id, hf.Municipality.Name), Version = 1 };

        (await app.PersonsAsync(s => s.SaveAsync(other.Secretariat(), person.Id, form))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.PersonsAsync(s => s.SaveAsync(hf.CooperationManager(), person.Id, form))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.PersonsAsync(s => s.GetAsync(Caseworker, person.Id)))!.Name.Should().Be("Annanstads Personsen");
    }
}
