using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;
using SamarbeidsAvtaler.Web.Features.Disputes;
using static SamarbeidsAvtaler.Web.Tests.Disputes.DisputeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Disputes;

/// <summary>Disputes about interpreting the agreements (R23) at the service, on real PostgreSQL: the ladder, statements, access, conflicts, the log.</summary>
[Collection(AppCollection.Name)]
public sealed class DisputeServiceTests(AppFactory app)
{
    [Fact]
    public async Task R23_the_ladder_is_climbed_one_step_at_a_time_and_the_SSU_step_puts_the_dispute_on_the_chosen_meeting_as_its_next_numbered_item()
    {
        var h = await app.HelsefellesskapAsync();
        var id = await app.RaiseAsync(h);
        var secretariat = await app.UserAsync(Secretariat);

        var view = await app.ViewAsync(id);
        view.CaseNumber.Should().MatchRegex(@"^TVIST-\d{4}-\d{4}$");
        view.CurrentStep.Should().Be(EscalationStep.ServiceLevel);
        view.Ladder.Select(s => s.Step).Should().Equal(DisputeLadder.Steps);
        view.Ladder.Should().ContainSingle(s => s.IsCurrent).Which.Step.Should().Be(EscalationStep.ServiceLevel);

        var skip = await app.WithDisputesAsync(s => s.EscalateAsync(secretariat, id, view.Version, EscalationStep.StrategicCommittee, new EscalateForm { MeetingId = h.Meeting }));
        skip.Status.Should().Be(CommandStatus.Refused);
        skip.Message.Should().Contain("trinn for trinn");
        await using (var db = app.Database.CreateDbContext())
        {
            (await db.AgendaItems.AnyAsync(i => i.MeetingId == h.Meeting)).Should().BeFalse("a refused step leaves the meeting as it was");
        }

        await app.EscalateAsync(id, EscalationStep.DisagreementProtocol);

        // A party's own user does not take the case to the SSU: the samarbeidssekretariat does.
        var kommune = await app.UserAsync(Municipality);
        var version = (await app.ViewAsync(id)).Version;
        (await app.WithDisputesAsync(s => s.EscalateAsync(kommune, id, version, EscalationStep.StrategicCommittee, new EscalateForm { MeetingId = h.Meeting })))
            .Message.Should().Be(DisputeService.SsuBySecretariatMessage);

        // A meeting of another helsefellesskap's SSU is not offered, and is refused beside the field.
        var other = await app.HelsefellesskapAsync("Bergen kommune");
        (await app.WithDisputesAsync(s => s.GetSsuMeetingsAsync(secretariat, id))).Select(m => m.MeetingId).Should().Equal(h.Meeting);
        var wrong = await app.WithDisputesAsync(s => s.EscalateAsync(secretariat, id, version, EscalationStep.StrategicCommittee, new EscalateForm { MeetingId = other.Meeting }));
        wrong.Errors.Should().ContainSingle(e => e.Field == nameof(EscalateForm.MeetingId));

        await using (var db = app.Database.CreateDbContext())
        {
            // Another item already on the body's agenda this year: the dispute gets the number after it.
            var meeting = await db.Meetings.SingleAsync(m => m.Id == h.Meeting);
            meeting.AddAgendaItem(1, new Domain.Committees.AgendaItemDetails("Budsjett"), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var ssu = await app.WithDisputesAsync(s => s.EscalateAsync(secretariat, id, version, EscalationStep.StrategicCommittee,
            new EscalateForm { MeetingId = h.Meeting, Comment = "Sekretariatet legger saken fram for SSU." }));
        ssu.Status.Should().Be(CommandStatus.Ok, ssu.Message);

        view = await app.ViewAsync(id);
        await using (var db = app.Database.CreateDbContext())
        {
            var item = await db.AgendaItems.SingleAsync(i => i.MeetingId == h.Meeting && i.Number == 2);
            item.Title.Should().Be($"Tvist {view.CaseNumber}: Testtvist om tolking av punkt 5");
            var step = await db.DisputeSteps.SingleAsync(s => s.DisputeId == id && s.Step == EscalationStep.StrategicCommittee);
            step.AgendaItemId.Should().Be(item.Id);
            ssu.Message.Should().Contain($"{item.Number}/{item.Year}");
        }

        view.CurrentStep.Should().Be(EscalationStep.StrategicCommittee);
        var ssuStep = view.Ladder.Single(s => s.Step == EscalationStep.StrategicCommittee);
        ssuStep.IsCurrent.Should().BeTrue();
        ssuStep.MeetingLink.Should().Be($"/utvalg/{h.Ssu}/moter/{h.Meeting}");
        ssuStep.ActorName.Should().Be("Sigrid Sekretariat");
        ssuStep.Comment.Should().Be("Sekretariatet legger saken fram for SSU.");
        view.Ladder.Where(s => s.Step != EscalationStep.NationalDisputeBoard).Should().OnlyContain(s => s.Reached && s.EnteredAt != null);

        await app.EscalateAsync(id, EscalationStep.NationalDisputeBoard);
        var top = await app.ViewAsync(id);
        top.NextStep.Should().BeNull();
        (await app.WithDisputesAsync(s => s.EscalateAsync(secretariat, id, top.Version, EscalationStep.NationalDisputeBoard, new EscalateForm())))
            .Status.Should().Be(CommandStatus.Refused);
    }

    [Fact]
    public async Task R23_a_statement_is_advisory_unless_the_agreement_says_binding_and_none_is_given_at_service_level()
    {
        var h = await app.HelsefellesskapAsync();
        var caseworker = await app.UserAsync(Caseworker);
        var today = TimeProvider.System.Today();
        var advisory = await app.RaiseAsync(h);

        var early = await app.WithDisputesAsync(s => s.RecordStatementAsync(caseworker, advisory, 0, new StatementForm()));
        early.Status.Should().Be(CommandStatus.Invalid, "the date and the text are missing");
        var raised = (await app.ViewAsync(advisory)).Version;
        var atServiceLevel = await app.WithDisputesAsync(s => s.RecordStatementAsync(caseworker, advisory, raised,
            new StatementForm { Statement = "Uttalelse", GivenOn = today.ToDateTime(TimeOnly.MinValue) }));
        atServiceLevel.Status.Should().Be(CommandStatus.Refused);

        await app.EscalateAsync(advisory, EscalationStep.DisagreementProtocol);
        await app.EscalateAsync(advisory, EscalationStep.StrategicCommittee, h.Meeting);
        var view = await app.ViewAsync(advisory);
        view.StatementsBinding.Should().BeFalse();
        view.CurrentStatementForce.Should().Be(StatementForce.Advisory);
        var recorded = await app.WithDisputesAsync(s => s.RecordStatementAsync(caseworker, advisory, view.Version,
            new StatementForm { Statement = "SSU anbefaler at partene følger kommunens lesing.", GivenOn = today.ToDateTime(TimeOnly.MinValue) }));
        recorded.Status.Should().Be(CommandStatus.Ok, recorded.Message);
        (await app.ViewAsync(advisory)).Ladder.Single(s => s.IsCurrent).StatementForce.Should().Be(StatementForce.Advisory);
        await using (var db = app.Database.CreateDbContext())
        {
            // Every change goes to the audit trail, with who made it: the statement too, filed under the dispute.
            var audit = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(DisputeStep) && e.EntityId == advisory.ToString()).ToListAsync();
            audit.Should().ContainSingle(e => e.Changes.Any(c => c.Field == nameof(DisputeStep.Statement)))
                .Which.Should().Match<AuditEntry>(e => e.ActorName == "Sander Saksbehandler" && e.ActorUserId != null);
            audit.SelectMany(e => e.Changes).Should().Contain(c => c.Field == nameof(DisputeStep.Statement) && c.NewValue == "SSU anbefaler at partene følger kommunens lesing.");
        }

        // The overarching agreement is changed to say statements bind (seed 004): the tjenesteavtale under it follows.
        await using (var scope = app.CreateScope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>();
            var detail = await scope.ServiceProvider.GetRequiredService<AgreementDetailService>().GetAsync(caseworker, h.Overarching);
            var input = AgreementTermsInput.From(detail!.Agreement);
            input.DisputeStatementsBinding = true;
            (await lifecycle.SetTermsAsync(caseworker, h.Overarching, input, detail.Version)).Status.Should().Be(CommandStatus.Ok);
        }

        await app.EscalateAsync(advisory, EscalationStep.NationalDisputeBoard);
        view = await app.ViewAsync(advisory);
        view.StatementsBinding.Should().BeTrue();
        view.BindingSource.Should().NotBeNull();
        var binding = await app.WithDisputesAsync(s => s.RecordStatementAsync(caseworker, advisory, view.Version,
            new StatementForm { Statement = "Nemnda gir kommunen medhold.", GivenOn = today.ToDateTime(TimeOnly.MinValue) }));
        binding.Message.Should().Contain("bindende");
        var national = (await app.ViewAsync(advisory)).Ladder.Single(s => s.Step == EscalationStep.NationalDisputeBoard);
        national.StatementForce.Should().Be(StatementForce.Binding);
        national.StatementGivenOn.Should().Be(today);
        (await app.ViewAsync(advisory)).Ladder.Single(s => s.Step == EscalationStep.StrategicCommittee).StatementForce
            .Should().Be(StatementForce.Advisory, "a statement keeps the force it was given with");
    }

    [Fact]
    public async Task Access_a_kommune_sees_only_its_own_disputes_the_HF_its_own_and_a_specialist_or_an_outsider_none()
    {
        var askoy = await app.HelsefellesskapAsync();
        var bergen = await app.HelsefellesskapAsync("Bergen kommune");
        var own = await app.RaiseAsync(askoy, Municipality, "Kommunens egen testtvist");
        var others = await app.RaiseAsync(bergen);

        var kommune = await app.UserAsync(Municipality);
        (await app.WithDisputesAsync(s => s.GetAsync(kommune, own))).Should().NotBeNull();
        (await app.WithDisputesAsync(s => s.GetAsync(kommune, others))).Should().BeNull();
        var list = await app.WithDisputesAsync(s => s.SearchAsync(kommune, DisputeFilter.None, 0, 100));
        list.Rows.Should().Contain(r => r.Id == own).And.NotContain(r => r.Id == others);
        list.Rows.Should().OnlyContain(r => r.RaisingPartyName == "Askøy kommune" || r.OtherPartyName == "Askøy kommune");
        (await app.WithDisputesAsync(s => s.ResolveAsync(kommune, others, 0, new ResolveForm { Resolution = "Enige" }))).Status.Should().Be(CommandStatus.NotFound);

        // A kommune raises only for itself.
        var forOther = Form(bergen);
        forOther.AgreementId = askoy.Service;
        forOther.RaisingPartyId = askoy.TrustId;
        forOther.OtherPartyId = askoy.MunicipalityId;
        (await app.WithDisputesAsync(s => s.RaiseAsync(kommune, forOther))).Errors.Should().ContainSingle(e => e.Field == nameof(NewDisputeForm.RaisingPartyId));
        (await app.WithDisputesAsync(s => s.RaiseAsync(kommune, Form(bergen)))).Errors.Should().ContainSingle(e => e.Field == nameof(NewDisputeForm.AgreementId));

        var manager = await app.UserAsync(Manager);
        (await app.WithDisputesAsync(s => s.GetAsync(manager, others)))!.CanAct.Should().BeTrue("Helse Bergen HF is the other side");
        (await app.ViewAsync(others, Secretariat)).CanTakeToSsu.Should().BeTrue();
        (await app.ViewAsync(own, Administrator)).CanAct.Should().BeTrue();

        var specialist = await app.UserAsync(Specialist);
        (await app.WithDisputesAsync(s => s.GetAsync(specialist, own))).Should().BeNull();
        (await app.WithDisputesAsync(s => s.SearchAsync(specialist, DisputeFilter.None, 0, 25))).Total.Should().Be(0);
        (await app.WithDisputesAsync(s => s.RaiseAsync(specialist, Form(askoy)))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.WithDisputesAsync(s => s.GetRaiseOptionsAsync(specialist))).Agreements.Should().BeEmpty();

        var outsider = await app.OutsiderAsync(Roles.Secretariat);
        (await app.WithDisputesAsync(s => s.GetAsync(outsider, own))).Should().BeNull();
        (await app.WithDisputesAsync(s => s.EscalateAsync(outsider, own, 0, EscalationStep.DisagreementProtocol, new EscalateForm()))).Status.Should().Be(CommandStatus.NotFound);
        var outsideManager = await app.OutsiderAsync(Roles.CooperationManager);
        (await app.WithDisputesAsync(s => s.SearchAsync(outsideManager, new DisputeFilter("Kommunens egen testtvist", null, null), 0, 25))).Total.Should().Be(0);
    }

    [Fact]
    public async Task The_list_filters_by_search_step_and_open_or_resolved()
    {
        var h = await app.HelsefellesskapAsync();
        var key = Guid.NewGuid().ToString("N")[..8];
        var open = await app.RaiseAsync(h, title: $"Filtertest {key} åpen");
        var settled = await app.RaiseAsync(h, title: $"Filtertest {key} løst");
        var caseworker = await app.UserAsync(Caseworker);
        await app.EscalateAsync(open, EscalationStep.DisagreementProtocol);
        var version = (await app.ViewAsync(settled)).Version;
        (await app.WithDisputesAsync(s => s.ResolveAsync(caseworker, settled, version, new ResolveForm { Resolution = "Partene ble enige på tjenestenivå." })))
            .Status.Should().Be(CommandStatus.Ok);

        async Task<IEnumerable<Guid>> Find(DisputeFilter filter) => (await app.WithDisputesAsync(s => s.SearchAsync(caseworker, filter, 0, 100))).Rows.Select(r => r.Id);
        (await Find(new DisputeFilter(key, null, null))).Should().BeEquivalentTo([open, settled]);
        (await Find(new DisputeFilter(key, EscalationStep.DisagreementProtocol, null))).Should().Equal(open);
        (await Find(new DisputeFilter(key, null, true))).Should().Equal(settled);
        (await Find(new DisputeFilter(key, null, false))).Should().Equal(open);
        (await Find(DisputeFilter.FromQuery($"%{key}\0", "ssu", "apne"))).Should().BeEmpty();
        DisputeFilter.FromQuery(null, "tull", "tull").Should().Be(DisputeFilter.None);

        // Resolved at service level, the dispute is closed to every further step.
        var resolved = await app.ViewAsync(settled);
        resolved.IsResolved.Should().BeTrue();
        resolved.CanAct.Should().BeFalse();
        (await app.WithDisputesAsync(s => s.EscalateAsync(caseworker, settled, resolved.Version, EscalationStep.DisagreementProtocol, new EscalateForm())))
            .Status.Should().Be(CommandStatus.Refused);
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_end_in_one_saved_and_one_conflict_with_nothing_half_saved()
    {
        var h = await app.HelsefellesskapAsync();
        var id = await app.RaiseAsync(h);
        var caseworker = await app.UserAsync(Caseworker);
        var version = (await app.ViewAsync(id)).Version;

        var first = await app.WithDisputesAsync(s => s.EscalateAsync(caseworker, id, version, EscalationStep.DisagreementProtocol, new EscalateForm()));
        var second = await app.WithDisputesAsync(s => s.ResolveAsync(caseworker, id, version, new ResolveForm { Resolution = "Enige." }));

        first.Status.Should().Be(CommandStatus.Ok);
        second.Status.Should().Be(CommandStatus.Conflict);
        second.Message.Should().Be(DisputeService.ConflictMessage);
        var view = await app.ViewAsync(id);
        view.IsResolved.Should().BeFalse();
        view.CurrentStep.Should().Be(EscalationStep.DisagreementProtocol);
    }

    [Fact]
    public async Task Every_view_of_a_case_goes_to_the_access_log_and_an_unseen_one_writes_nothing()
    {
        var h = await app.HelsefellesskapAsync();
        var id = await app.RaiseAsync(h);
        var kommune = await app.UserAsync(Municipality);
        var specialist = await app.UserAsync(Specialist);

        (await app.WithDisputesAsync(s => s.RecordViewAsync(kommune, id))).Should().BeTrue();
        (await app.WithDisputesAsync(s => s.RecordViewAsync(kommune, id))).Should().BeTrue();
        (await app.WithDisputesAsync(s => s.RecordViewAsync(specialist, id))).Should().BeFalse();

        await using var db = app.Database.CreateDbContext();
        var entries = await db.AccessLog.AsNoTracking().Where(e => e.CaseId == id).ToListAsync();
        entries.Should().HaveCount(2).And.OnlyContain(e => e.CaseKind == CaseKinds.Dispute && e.UserName == "Kari Kommune" && e.Action == AccessLogEntry.Viewed);
        entries[0].ReferenceNumber.Should().Be((await app.ViewAsync(id)).CaseNumber);
    }

    [Fact]
    public async Task R24_a_birth_number_in_the_question_is_refused_without_repeating_it_and_nothing_is_stored()
    {
        var h = await app.HelsefellesskapAsync();
        var caseworker = await app.UserAsync(Caseworker);
        var number = ValidBirthNumber();
        var form = Form(h, "Testtvist med identitet");
        form.Question = $"Gjelder pasient {number[..6]} {number[6..]}.";

        var result = await app.WithDisputesAsync(s => s.RaiseAsync(caseworker, form));

        result.Status.Should().Be(CommandStatus.Invalid);
        var error = result.Errors.Should().ContainSingle(e => e.Field == nameof(NewDisputeForm.Question)).Subject;
        error.Message.Should().NotContain(number[..6]).And.NotContain(number[6..]);
        await using var db = app.Database.CreateDbContext();
        (await db.Disputes.AnyAsync(d => d.Title == "Testtvist med identitet")).Should().BeFalse();
    }

    [Fact]
    public async Task A_claim_for_documented_loss_is_recorded_as_information_and_checked_beside_its_fields()
    {
        var h = await app.HelsefellesskapAsync();
        var id = await app.RaiseAsync(h);
        var manager = await app.UserAsync(Manager);
        var version = (await app.ViewAsync(id)).Version;

        var empty = await app.WithDisputesAsync(s => s.RecordLossClaimAsync(manager, id, version, new LossClaimForm()));
        empty.Errors.Select(e => e.Field).Should().BeEquivalentTo([nameof(LossClaimForm.LossClaimAmount), nameof(LossClaimForm.LossClaimDescription), nameof(LossClaimForm.LossClaimedOn)]);
        var future = await app.WithDisputesAsync(s => s.RecordLossClaimAsync(manager, id, version, LossClaim(12_500m, DateTime.Today.AddYears(1))));
        future.Errors.Should().ContainSingle(e => e.Field == nameof(LossClaimForm.LossClaimedOn));

        var ok = await app.WithDisputesAsync(s => s.RecordLossClaimAsync(manager, id, version, LossClaim(12_500m, DateTime.Today)));
        ok.Status.Should().Be(CommandStatus.Ok, ok.Message);
        var view = await app.ViewAsync(id);
        view.LossClaimAmount.Should().Be(12_500m);
        view.CurrentStep.Should().Be(EscalationStep.ServiceLevel, "a loss claim has no consequence of its own");
        view.IsResolved.Should().BeFalse();
    }

    [Fact]
    public async Task R23_a_claim_for_documented_loss_can_still_be_recorded_after_the_dispute_is_resolved()
    {
        var h = await app.HelsefellesskapAsync();
        var id = await app.RaiseAsync(h, title: "Testtvist som ender med tapskrav");
        var manager = await app.UserAsync(Manager);
        await app.ResolveAsync(id);

        var resolved = await app.ViewAsync(id, Manager);
        resolved.CanAct.Should().BeFalse("a resolved dispute takes no further step");
        resolved.CanClaimLoss.Should().BeTrue("the loss is often documented after the parties agree on the breach (seed 004)");
        var claim = await app.WithDisputesAsync(s => s.RecordLossClaimAsync(manager, id, resolved.Version, LossClaim(48_000m, DateTime.Today)));

        claim.Status.Should().Be(CommandStatus.Ok, claim.Message);
        var after = await app.ViewAsync(id);
        after.LossClaimAmount.Should().Be(48_000m);
        after.IsResolved.Should().BeTrue("a loss claim has no consequence of its own");
    }
}
