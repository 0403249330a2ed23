using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;
using static SamarbeidsAvtaler.Web.Tests.Committees.CommitteeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>Bodies at the service on real PostgreSQL: the form's refusals, conflicts, defaults, wind-up, leadership and the rule check.</summary>
[Collection(AppCollection.Name)]
public sealed class CommitteeServiceTests(AppFactory app)
{
    private Task<CommandResult<CommitteeSaved>> SaveAsync(Guid? id, CommitteeForm form) => app.CommitteesAsync(s => s.SaveAsync(Caseworker, id, form));

    private async Task<CommitteeForm> FormAsync(Guid id) => (await app.CommitteesAsync(s => s.GetFormAsync(Caseworker, id)))!;

    [Fact]
    public async Task Concurrent_edits_of_a_body_give_a_conflict_with_the_stored_values_and_nothing_is_lost()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee, "Strategisk samarbeidsutval"));
        var mine = await FormAsync(id);
        var theirs = await FormAsync(id);

        theirs.Mandate = "Deira mandat";
        (await SaveAsync(id, theirs)).Succeeded();
        mine.Mandate = "Mitt mandat";
        var conflict = await SaveAsync(id, mine);

        conflict.Status.Should().Be(CommandStatus.Conflict);
        conflict.Message.Should().Contain("Noen andre har lagret endringer i dette utvalget");
        conflict.Value!.Current!.Mandate.Should().Be("Deira mandat");
        mine.Mandate.Should().Be("Mitt mandat", "the input is kept");
        (await app.ViewAsync(id)).Mandate.Should().Be("Deira mandat", "no lost update");

        // Saving again over the version now stored is the user's informed choice.
        mine.Version = conflict.Value.Version;
        (await SaveAsync(id, mine)).Succeeded();
        (await app.ViewAsync(id)).Mandate.Should().Be("Mitt mandat");
    }

    [Fact]
    public async Task A_name_taken_in_the_helsefellesskap_is_a_field_message_not_an_error()
    {
        var hf = await app.HelsefellesskapAsync();
        var other = await app.HelsefellesskapAsync();
        await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee, "Områdeutval Nordhordland"));

        var duplicate = await SaveAsync(null, hf.Body(CommitteeKind.AreaCommittee, "områdeutval nordhordland"));

        duplicate.Status.Should().Be(CommandStatus.Invalid);
        duplicate.Errors.Should().ContainSingle(e => e.Field == nameof(CommitteeForm.Name)).Which.Message.Should().Contain("finnes allerede");
        (await SaveAsync(null, other.Body(CommitteeKind.AreaCommittee, "Områdeutval Nordhordland"))).Succeeded();
    }

    [Theory]
    [InlineData("Strategisk\u0007samarbeidsutval", "kontrolltegn")]
    [InlineData("Strategisk\nsamarbeidsutval", "kontrolltegn")]
    [InlineData("", "må fylles ut")]
    public async Task Bad_text_in_the_body_form_comes_back_beside_the_field(string name, string message)
    {
        var hf = await app.HelsefellesskapAsync();
        var form = hf.Body(CommitteeKind.StrategicCommittee, name);

        var result = await SaveAsync(null, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == nameof(CommitteeForm.Name)).Which.Message.Should().Contain(message);
        form.Name.Should().Be(name);
    }

    [Fact]
    public async Task Too_long_text_and_a_missing_kind_or_helsefellesskap_are_field_messages()
    {
        var hf = await app.HelsefellesskapAsync();
        var form = hf.Body(CommitteeKind.StrategicCommittee);
        form.ShortName = new string('S', Committee.ShortNameMaxLength + 1);
        form.Mandate = new string('m', Committee.TextMaxLength + 1);
        form.OverarchingAgreementId = null;
        form.TermYears = 11;

        var result = await SaveAsync(null, form);

        result.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            [nameof(CommitteeForm.ShortName), nameof(CommitteeForm.Mandate), nameof(CommitteeForm.OverarchingAgreementId), nameof(CommitteeForm.TermYears)]);
        (await SaveAsync(null, new CommitteeForm { Name = "Uten type" })).Errors.Should().ContainSingle(e => e.Field == nameof(CommitteeForm.Kind));
    }

    [Fact]
    public async Task A_faglig_samarbeidsutvalg_is_appointed_by_and_reports_to_the_ssu_unless_told_otherwise()
    {
        var hf = await app.HelsefellesskapAsync();
        var ssu = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee, "SSU"));

        var professional = await app.CreateBodyAsync(hf.Body(CommitteeKind.ProfessionalCommittee, "Medisinsk fagleg utval"));

        var view = await app.ViewAsync(professional);
        view.AppointedByCommittee!.Id.Should().Be(ssu);
        view.ReportsTo!.Id.Should().Be(ssu);
        (await app.ViewAsync(ssu)).ReportedToBy.Should().ContainSingle(l => l.Id == professional);
        (await app.CommitteesAsync(s => s.BodiesOfAsync(Caseworker, hf.AgreementId))).Select(b => b.Id).Should().BeEquivalentTo([ssu, professional]);

        // A body of another helsefellesskap cannot be the one it reports to.
        var other = await app.HelsefellesskapAsync();
        var foreign = await app.CreateBodyAsync(other.Body(CommitteeKind.StrategicCommittee));
        var form = await FormAsync(professional);
        form.ReportsToCommitteeId = foreign;
        (await SaveAsync(professional, form)).Errors.Should().ContainSingle(e => e.Field == nameof(CommitteeForm.ReportsToCommitteeId));
    }

    [Fact]
    public async Task An_omradeutvalg_covers_kommuner_only_and_the_area_change_is_audited()
    {
        var hf = await app.HelsefellesskapAsync();
        var form = hf.Body(CommitteeKind.AreaCommittee, "Områdeutval Prøve");
        form.AreaMunicipalities = [new PartyOption(hf.Trust.Id, hf.Trust.Name)];
        (await SaveAsync(null, form)).Errors.Should().ContainSingle(e => e.Field == nameof(CommitteeForm.AreaMunicipalities));

        form.AreaMunicipalities = [new PartyOption(hf.Municipality.Id, hf.Municipality.Name), new PartyOption(hf.OtherMunicipality.Id, hf.OtherMunicipality.Name)];
        var id = (await SaveAsync(null, form)).Succeeded().Id;

        (await app.ViewAsync(id)).AreaMunicipalities.Select(m => m.Id).Should().BeEquivalentTo([hf.Municipality.Id, hf.OtherMunicipality.Id]);
        var edit = await FormAsync(id);
        edit.AreaMunicipalities.RemoveAll(m => m.Id == hf.OtherMunicipality.Id);
        (await SaveAsync(id, edit)).Succeeded();
        (await app.ViewAsync(id)).AreaMunicipalities.Should().ContainSingle(m => m.Id == hf.Municipality.Id);
        await using var db = app.Database.CreateDbContext();
        var changes = (await db.AuditEntries.Where(a => a.EntityType == nameof(Committee) && a.EntityId == id.ToString()).ToListAsync())
            .SelectMany(a => a.Changes).Where(c => c.Field == "AreaMunicipalities").ToList();
        changes.Should().HaveCount(2);
        changes[^1].NewValue.Should().Be(hf.Municipality.Name);
    }

    [Fact]
    public async Task A_wound_up_body_leaves_the_active_list_and_can_be_reopened()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.ProfessionalCommittee, "Felles underutval for akuttmedisin"));
        var version = (await app.ViewAsync(id)).Version;

        (await app.CommitteesAsync(s => s.WindUpAsync(Caseworker, id, null, version))).Errors.Should().ContainSingle(e => e.Field == "WoundUpOn");
        (await app.CommitteesAsync(s => s.WindUpAsync(Caseworker, id, new DateOnly(1850, 1, 1), version))).Errors.Should().ContainSingle(e => e.Field == "WoundUpOn");
        (await app.CommitteesAsync(s => s.WindUpAsync(Caseworker, id, Today, version))).ShouldSucceed();
        (await app.CommitteesAsync(s => s.WindUpAsync(Caseworker, id, Today, version))).Status.Should().Be(CommandStatus.Conflict, "the page's version is old");

        (await app.CommitteesAsync(s => s.ListAsync(Caseworker, new CommitteeFilter(CommitteeKind.ProfessionalCommittee)))).Should().NotContain(r => r.Id == id);
        (await app.CommitteesAsync(s => s.ListAsync(Caseworker, new CommitteeFilter(CommitteeKind.ProfessionalCommittee, false))))
            .Should().ContainSingle(r => r.Id == id).Which.WoundUpOn.Should().Be(Today);

        var woundUp = (await app.ViewAsync(id)).Version;
        (await app.CommitteesAsync(s => s.ReopenAsync(Caseworker, id, woundUp))).ShouldSucceed();
        (await app.ViewAsync(id)).IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task The_list_is_filtered_by_kind_and_sorted_by_kind_then_name()
    {
        var hf = await app.HelsefellesskapAsync();
        var area = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee, "Å-utvalet"));
        var area2 = await app.CreateBodyAsync(hf.Body(CommitteeKind.AreaCommittee, "B-utvalet"));
        var ssu = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee, "Ö-SSU"));

        var rows = (await app.CommitteesAsync(s => s.ListAsync(hf.CooperationManager(), new CommitteeFilter()))).ToList();

        rows.Select(r => r.Id).Should().Equal(ssu, area2, area);
        rows.Should().OnlyContain(r => r.Helsefellesskap.Contains(hf.Municipality.Name) && r.AgreementId == hf.AgreementId);
        (await app.CommitteesAsync(s => s.ListAsync(hf.CooperationManager(), new CommitteeFilter(CommitteeKind.StrategicCommittee))))
            .Select(r => r.Id).Should().Equal(ssu);
    }

    [Fact]
    public async Task R17_an_ssu_leader_and_deputy_leader_from_the_same_side_is_refused()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee));
        var a = await app.AddMemberAsync(id, await app.PersonAsync("Kommune Aa", hf.Municipality), CommitteeSide.Municipal);
        var b = await app.AddMemberAsync(id, await app.PersonAsync("Kommune Bb", hf.OtherMunicipality), CommitteeSide.Municipal);
        var c = await app.AddMemberAsync(id, await app.PersonAsync("Sjukehus Cc", hf.Trust), CommitteeSide.SpecialistService);
        var version = (await app.ViewAsync(id)).Version;

        var refused = await app.CommitteesAsync(s => s.SaveLeadershipAsync(Caseworker, id,
            new LeadershipForm { Year = Today.Year, ChairMemberId = a, DeputyChairMemberId = b, Version = version }));

        refused.Status.Should().Be(CommandStatus.Invalid);
        refused.Errors.Should().ContainSingle(e => e.Field == nameof(LeadershipForm.DeputyChairMemberId)).Which.Message.Should().Contain("R17");
        (await app.CommitteesAsync(s => s.SaveLeadershipAsync(Caseworker, id,
            new LeadershipForm { Year = Today.Year, ChairMemberId = a, DeputyChairMemberId = c, Version = version }))).ShouldSucceed();
        var leadership = (await app.ViewAsync(id)).Leadership.Should().ContainSingle().Subject;
        leadership.Chair!.PersonName.Should().Be("Kommune Aa");
        leadership.DeputyChair!.Side.Should().Be(CommitteeSide.SpecialistService);
    }

    [Fact]
    public async Task The_rule_check_counts_breaches_and_warnings_in_the_list_and_gives_the_panel_with_the_seeds_words()
    {
        var hf = await app.HelsefellesskapAsync();
        var id = await app.CreateBodyAsync(hf.Body(CommitteeKind.StrategicCommittee, "SSU Prøve"));

        var findings = (await app.CommitteesAsync(s => s.ComplianceAsync(hf.CooperationManager(), id, Today.Year)))!;
        findings.Should().Contain(f => f.Rule == "R16" && f.Level == ComplianceLevel.Warning && f.SeedQuote != null);
        var lastYear = (await app.CommitteesAsync(s => s.ComplianceAsync(hf.CooperationManager(), id, Today.Year - 1)))!;
        lastYear.Should().Contain(f => f.Rule == "R16" && f.Level == ComplianceLevel.Breach, "a past year without four meetings is a breach");

        var row = (await app.CommitteesAsync(s => s.ListAsync(hf.CooperationManager(), new CommitteeFilter()))).Single(r => r.Id == id);
        row.Breaches.Should().Be(findings.Count(f => f.Level == ComplianceLevel.Breach));
        row.Warnings.Should().Be(findings.Count(f => f.Level == ComplianceLevel.Warning));
        var overview = await app.CommitteesAsync(s => s.OverviewAsync(hf.CooperationManager()));
        overview.Should().ContainSingle(o => o.Committee.Id == id).Which.Findings.Should().BeEquivalentTo(findings);
    }
}
