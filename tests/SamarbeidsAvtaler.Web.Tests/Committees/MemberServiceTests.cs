using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;
using static SamarbeidsAvtaler.Web.Tests.Committees.CommitteeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>Memberships at the service on real PostgreSQL: the rules' refusals beside their fields, and concurrency.</summary>
[Collection(AppCollection.Name)]
public sealed class MemberServiceTests(AppFactory app)
{
    private async Task<CommandResult<MemberSaved>> SaveAsync(Guid committeeId, MemberForm form, Guid? memberId = null) =>
        await app.MembersAsync(s => s.SaveAsync(Caseworker, committeeId, memberId, form));

    [Fact]
    public async Task A_member_added_twice_is_refused_beside_the_person_and_nothing_is_saved()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee));
        var person = await app.PersonAsync("Dobbel Testesen", hf.Municipality);
        await app.AddMemberAsync(id, person, CommitteeSide.Municipal);

        var view = await app.ViewAsync(id);
        var result = await SaveAsync(id, Member(person, CommitteeSide.Municipal, view.Version, role: MemberRole.Observer));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.Person)).Which.Message.Should().Contain("allerede medlem");
        (await app.ViewAsync(id)).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task R15_a_term_longer_than_the_body_allows_is_refused_with_the_rule()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var person = await app.PersonAsync("Lang Testesen", hf.Trust);
        var view = await app.ViewAsync(id);

        var result = await SaveAsync(id, Member(person, CommitteeSide.SpecialistService, view.Version, years: 5));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.TermTo)).Which.Message.Should().Contain("4 år").And.Contain("R15");

        // Four years is allowed.
        (await SaveAsync(id, Member(person, CommitteeSide.SpecialistService, view.Version, years: 4))).Succeeded();
    }

    [Fact]
    public async Task R15_a_fastlege_serves_at_most_four_years_even_where_the_body_allows_more()
    {
        var hf = await app.HelsefellesskapAsync();
        var body = hf.Body(CommitteeKind.ProfessionalCommittee);
        body.TermYears = 6;
        var id = await app.CreateBodyAsync(body);
        var gp = await app.PersonAsync("Fastlege Testesen", hf.Municipality, gp: GpEmployment.SelfEmployed);
        var view = await app.ViewAsync(id);

        var result = await SaveAsync(id, Member(gp, CommitteeSide.Municipal, view.Version, years: 5, representation: Representation.GeneralPractitioner));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == nameof(MemberForm.TermTo) && e.Message.Contains("fastlege", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task R19_a_seat_quota_past_its_most_seats_is_refused_beside_the_person()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var view = await app.ViewAsync(id);
        (await app.CommitteesAsync(s => s.AddQuotaAsync(Caseworker, id, new QuotaForm
        {
            Label = hf.Trust.Name,
            Side = CommitteeSide.SpecialistService,
            MinSeats = 1,
            MaxSeats = 1,
            Organisations = [new PartyOption(hf.Trust.Id, hf.Trust.Name)],
            Version = view.Version,
        }))).ShouldSucceed();
        await app.AddMemberAsync(id, await app.PersonAsync("Første Testesen", hf.Trust), CommitteeSide.SpecialistService);
        var second = await app.PersonAsync("Andre Testesen", hf.Trust);

        var result = await SaveAsync(id, Member(second, CommitteeSide.SpecialistService, (await app.ViewAsync(id)).Version));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.Person)).Which.Message.Should().Contain("høyst");

        // An observer does not count towards the quota.
        (await SaveAsync(id, Member(second, CommitteeSide.SpecialistService, (await app.ViewAsync(id)).Version, role: MemberRole.Observer))).Succeeded();
    }

    [Fact]
    public async Task Two_member_changes_from_the_same_page_give_a_conflict_for_the_second_and_a_retry_is_checked_again()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var first = await app.PersonAsync("Brukar Kommunesen", hf.Municipality);
        var second = await app.PersonAsync("Brukar Kommunedotter", hf.OtherMunicipality);
        var version = (await app.ViewAsync(id)).Version;

        (await SaveAsync(id, Member(first, CommitteeSide.Municipal, version, representation: Representation.UserRepresentative))).Succeeded();
        var late = Member(second, CommitteeSide.Municipal, version, representation: Representation.UserRepresentative);
        var conflict = await SaveAsync(id, late);

        conflict.Status.Should().Be(CommandStatus.Conflict);
        conflict.Message.Should().Contain("Noen andre har lagret");
        conflict.Value!.CommitteeVersion.Should().NotBe(version);

        // The retry on the version now stored is checked against the first add: one user representative per side (R19).
        late.CommitteeVersion = conflict.Value.CommitteeVersion;
        var retry = await SaveAsync(id, late);
        retry.Status.Should().Be(CommandStatus.Invalid);
        retry.Errors.Should().Contain(e => e.Field == nameof(MemberForm.Representation));
        (await app.ViewAsync(id)).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task Two_adds_at_the_same_moment_cannot_both_pass_the_count()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var a = await app.PersonAsync("Samtidig Aa", hf.Municipality);
        var b = await app.PersonAsync("Samtidig Bb", hf.OtherMunicipality);
        var version = (await app.ViewAsync(id)).Version;

        var results = await Task.WhenAll(
            SaveAsync(id, Member(a, CommitteeSide.Municipal, version, representation: Representation.UserRepresentative)),
            SaveAsync(id, Member(b, CommitteeSide.Municipal, version, representation: Representation.UserRepresentative)));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Should().ContainSingle(r => r.Status == CommandStatus.Conflict);
        (await app.ViewAsync(id)).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task A_deputy_must_stand_in_for_a_voting_member_of_the_same_body()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var otherBody = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee));
        var observer = await app.AddMemberAsync(id, await app.PersonAsync("Observatør Testesen", hf.Municipality), CommitteeSide.Municipal, MemberRole.Observer);
        var elsewhere = await app.AddMemberAsync(otherBody, await app.PersonAsync("Annet Utvalgsen", hf.Municipality), CommitteeSide.Municipal);
        var deputy = await app.PersonAsync("Vara Testesen", hf.Municipality);

        foreach (var principal in new[] { observer, elsewhere })
        {
            var result = await SaveAsync(id, Member(deputy, CommitteeSide.Municipal, (await app.ViewAsync(id)).Version, role: MemberRole.Deputy, deputyFor: principal));
            result.Status.Should().Be(CommandStatus.Invalid);
            result.Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.DeputyForMemberId)).Which.Message.Should().Contain("stemmeberettiget medlem");
        }

        var member = await app.AddMemberAsync(id, await app.PersonAsync("Medlem Testesen", hf.Municipality), CommitteeSide.Municipal);
        var saved = (await SaveAsync(id, Member(deputy, CommitteeSide.Municipal, (await app.ViewAsync(id)).Version, role: MemberRole.Deputy, deputyFor: member))).Succeeded();
        (await app.ViewAsync(id)).Members.Should().ContainSingle(m => m.Id == saved.Id).Which.DeputyForName.Should().Be("Medlem Testesen");
    }

    [Fact]
    public async Task Removing_a_member_who_leads_a_year_is_refused_and_ending_the_term_is_suggested()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var chair = await app.AddMemberAsync(id, await app.PersonAsync("Leiar Kommunesen", hf.Municipality), CommitteeSide.Municipal);
        var deputyChair = await app.AddMemberAsync(id, await app.PersonAsync("Nestleiar Sjukehussen", hf.Trust), CommitteeSide.SpecialistService);
        var version = (await app.ViewAsync(id)).Version;
        (await app.CommitteesAsync(s => s.SaveLeadershipAsync(Caseworker, id, new LeadershipForm
        {
            Year = Today.Year,
            ChairMemberId = chair,
            DeputyChairMemberId = deputyChair,
            Version = version,
        }))).ShouldSucceed();

        var refused = await app.MembersAsync(async s => await s.RemoveAsync(Caseworker, id, chair, (await app.ViewAsync(id)).Version));

        refused.Status.Should().Be(CommandStatus.Refused);
        refused.Message.Should().Contain("leder eller nestleder i " + Today.Year).And.Contain("Avslutt perioden i stedet");

        // Ending the term before the year's end would leave the year without its leader: refused beside the date.
        var early = await app.MembersAsync(async s => await s.EndTermAsync(Caseworker, id, chair, new DateOnly(Today.Year - 1, 12, 31), (await app.ViewAsync(id)).Version));
        early.Status.Should().Be(CommandStatus.Invalid);

        // A member registered by mistake goes, and the removal is in the audit trail.
        var mistake = await app.AddMemberAsync(id, await app.PersonAsync("Feil Registrertsen", hf.OtherMunicipality), CommitteeSide.Municipal);
        (await app.MembersAsync(async s => await s.RemoveAsync(Caseworker, id, mistake, (await app.ViewAsync(id)).Version))).ShouldSucceed();
        await using var db = app.Database.CreateDbContext();
        (await db.CommitteeMembers.AnyAsync(m => m.Id == mistake)).Should().BeFalse();
        (await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(CommitteeMember) && a.EntityId == mistake.ToString() && a.Action == AuditActions.Deleted))
            .Changes.Should().Contain(new FieldChange("PersonName", "Feil Registrertsen", null));
    }

    [Fact]
    public async Task Ending_a_term_moves_the_member_to_the_past_members_with_their_personal_deputy()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee));
        var started = Today.AddYears(-1).ToDateTime(TimeOnly.MinValue);
        var memberForm = Member(await app.PersonAsync("Slutt Testesen", hf.Municipality), CommitteeSide.Municipal, (await app.ViewAsync(id)).Version, years: 3);
        memberForm.TermFrom = started;
        var member = (await SaveAsync(id, memberForm)).Succeeded().Id;
        var deputyForm = Member(await app.PersonAsync("Vara Sluttesen", hf.Municipality), CommitteeSide.Municipal, (await app.ViewAsync(id)).Version,
            years: 3, role: MemberRole.Deputy, deputyFor: member);
        deputyForm.TermFrom = started;
        var deputy = (await SaveAsync(id, deputyForm)).Succeeded().Id;
        var end = Today.AddDays(-1);

        (await app.MembersAsync(async s => await s.EndTermAsync(Caseworker, id, member, end, (await app.ViewAsync(id)).Version))).ShouldSucceed();

        var view = await app.ViewAsync(id);
        view.Members.Should().OnlyContain(m => m.TermTo == end && m.IsPast(view.Today));
        view.Members.Select(m => m.Id).Should().BeEquivalentTo([member, deputy]);
    }

    [Fact]
    public async Task Control_characters_and_too_long_text_come_back_as_field_messages_with_the_input_kept()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee));
        var person = await app.PersonAsync("Tegn Testesen", hf.Municipality);
        var form = Member(person, CommitteeSide.Municipal, (await app.ViewAsync(id)).Version);
        form.AppointedBy = "Bergen\u0007kommune";

        var result = await SaveAsync(id, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.AppointedBy)).Which.Message.Should().Contain("kontrolltegn");
        form.AppointedBy.Should().Be("Bergen\u0007kommune");

        form.AppointedBy = new string('x', CommitteeMember.AppointedByMaxLength + 1);
        (await SaveAsync(id, form)).Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.AppointedBy)).Which.Message.Should().Contain("høyst");

        form.AppointedBy = null;
        form.TermTo = new DateTime(9999, 12, 31);
        (await SaveAsync(id, form)).Errors.Should().ContainSingle(e => e.Field == nameof(MemberForm.TermTo));

        var personName = await app.PersonsAsync(s => s.SaveAsync(Caseworker, null, new PersonForm { Name = "Ola\u0000Nordmann" }));
        personName.Errors.Should().ContainSingle(e => e.Field == nameof(PersonForm.Name));
        var email = await app.PersonsAsync(s => s.SaveAsync(Caseworker, null, new PersonForm { Name = "Ola Nordmann", Email = "ikke-en-adresse" }));
        email.Errors.Should().ContainSingle(e => e.Field == nameof(PersonForm.Email));
    }
}
