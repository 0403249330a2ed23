using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Tests.Agreements;
using static SamarbeidsAvtaler.Web.Tests.Committees.Meetings.MeetingTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Meetings;

/// <summary>Meetings, agenda numbering, attendance and minutes, proven at the service on real PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingServiceTests(AppFactory app)
{
    private Task<ClaimsPrincipal> CaseworkerAsync() => app.UserAsync(WebClient.Caseworker);

    private async Task<Committee> BodyAsync(string shortName = "SSU") => await app.CommitteeAsync(await app.BergenHelsefellesskapAsync(), shortName);

    private async Task<Guid> PlanAsync(ClaimsPrincipal user, Guid committeeId, DateOnly date)
    {
        var result = await app.MeetingsAsync(s => s.PlanAsync(user, committeeId, Form(date)));
        result.Status.Should().Be(CommandStatus.Ok, result.Describe());
        return result.Value;
    }

    private async Task<MeetingView> ViewAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId) =>
        (await app.MeetingsAsync(s => s.GetAsync(user, committeeId, meetingId)))!;

    private async Task<uint> VersionAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId) => (await ViewAsync(user, committeeId, meetingId)).Version;

    private async Task<uint> AddItemAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId, string title)
    {
        var version = await VersionAsync(user, committeeId, meetingId);
        var result = await app.MeetingsAsync(s => s.AddAgendaItemAsync(user, meetingId, new AgendaItemForm { Title = title }, version));
        result.Status.Should().Be(CommandStatus.Ok, result.Describe());
        return result.Value;
    }

    /// <summary>A meeting a week ago, marked held, with a draft text: ready for approval.</summary>
    private async Task<(Committee Body, Guid MeetingId)> HeldMeetingWithDraftAsync(ClaimsPrincipal user)
    {
        var body = await BodyAsync();
        var id = await PlanAsync(user, body.Id, Today.AddDays(-7));
        (await app.MeetingsAsync(async s => await s.MarkHeldAsync(user, id, await VersionAsync(user, body.Id, id)))).Status.Should().Be(CommandStatus.Ok);
        var draft = await app.MeetingsAsync(async s => await s.SaveMinutesDraftAsync(user, id, new MinutesForm { MinutesText = "Sak 1: vedtatt." },
            await VersionAsync(user, body.Id, id)));
        draft.Status.Should().Be(CommandStatus.Ok, draft.Describe());
        return (body, id);
    }

    // ---- Numbering ---------------------------------------------------------------------------

    [Fact]
    public async Task Agenda_numbers_run_per_body_and_year_restart_in_a_new_year_and_do_not_collide_across_bodies()
    {
        var user = await CaseworkerAsync();
        var ssu = await BodyAsync("SSU");
        var ou = await BodyAsync("OU");
        var march = await PlanAsync(user, ssu.Id, new DateOnly(2030, 3, 12));
        var june = await PlanAsync(user, ssu.Id, new DateOnly(2030, 6, 4));
        var nextYear = await PlanAsync(user, ssu.Id, new DateOnly(2031, 2, 1));
        var other = await PlanAsync(user, ou.Id, new DateOnly(2030, 3, 12));

        await AddItemAsync(user, ssu.Id, march, "Budsjett");
        await AddItemAsync(user, ssu.Id, march, "Årsmelding");
        await AddItemAsync(user, ssu.Id, june, "Avvik");
        await AddItemAsync(user, ssu.Id, nextYear, "Konstituering");
        await AddItemAsync(user, ou.Id, other, "Oppstart");

        (await ViewAsync(user, ssu.Id, march)).AgendaItems.Select(i => i.Label).Should().Equal("SSU 1/2030", "SSU 2/2030");
        (await ViewAsync(user, ssu.Id, june)).AgendaItems.Select(i => i.Label).Should().Equal("SSU 3/2030");
        (await ViewAsync(user, ssu.Id, nextYear)).AgendaItems.Select(i => i.Label).Should().Equal("SSU 1/2031");
        (await ViewAsync(user, ou.Id, other)).AgendaItems.Select(i => i.Label).Should().Equal("OU 1/2030");
    }

    [Fact]
    public async Task Two_additions_to_the_same_meeting_at_once_end_in_one_item_and_one_conflict_never_an_error()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, new DateOnly(2030, 5, 5));
        var version = await VersionAsync(user, body.Id, meeting);

        var results = await Task.WhenAll(Enumerable.Range(1, 2).Select(n =>
            app.MeetingsAsync(s => s.AddAgendaItemAsync(user, meeting, new AgendaItemForm { Title = $"Sak {n}" }, version))));

        results.Select(r => r.Status).Should().OnlyContain(s => s == CommandStatus.Ok || s == CommandStatus.Conflict);
        results.Should().Contain(r => r.Succeeded);
        var numbers = (await ViewAsync(user, body.Id, meeting)).AgendaItems.Select(i => i.Number).ToList();
        numbers.Should().OnlyHaveUniqueItems().And.HaveCount(results.Count(r => r.Succeeded));
        results.Where(r => r.Status == CommandStatus.Conflict).Should().OnlyContain(r => r.Message == MeetingService.ConflictMessage);
    }

    [Fact]
    public async Task Additions_to_different_meetings_of_one_body_at_once_get_distinct_numbers()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meetings = new List<Guid>();
        for (var i = 1; i <= 4; i++)
        {
            meetings.Add(await PlanAsync(user, body.Id, new DateOnly(2030, i, 10)));
        }

        var versions = new List<uint>();
        foreach (var id in meetings)
        {
            versions.Add(await VersionAsync(user, body.Id, id));
        }

        var results = await Task.WhenAll(meetings.Select((id, i) =>
            app.MeetingsAsync(s => s.AddAgendaItemAsync(user, id, new AgendaItemForm { Title = $"Sak i møte {i}" }, versions[i]))));

        results.Should().OnlyContain(r => r.Status == CommandStatus.Ok || r.Status == CommandStatus.Conflict);
        var numbers = new List<int>();
        foreach (var id in meetings)
        {
            numbers.AddRange((await ViewAsync(user, body.Id, id)).AgendaItems.Select(i => i.Number));
        }

        numbers.Should().OnlyHaveUniqueItems().And.HaveCount(results.Count(r => r.Succeeded));
        numbers.Should().BeEquivalentTo(Enumerable.Range(1, numbers.Count));
    }

    [Fact]
    public async Task A_meeting_with_numbered_items_cannot_move_to_another_year()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, new DateOnly(2030, 12, 15));
        await AddItemAsync(user, body.Id, meeting, "Budsjett");

        var version = await VersionAsync(user, body.Id, meeting);
        var moved = await app.MeetingsAsync(s => s.UpdateAsync(user, meeting, Form(new DateOnly(2031, 1, 5)), version));

        moved.Status.Should().Be(CommandStatus.Invalid);
        moved.Errors.Should().ContainSingle(e => e.Field == nameof(MeetingForm.Date) && e.Message.Contains("nummerert for 2030"));
        var sameYear = await app.MeetingsAsync(s => s.UpdateAsync(user, meeting, Form(new DateOnly(2030, 12, 1)), version));
        sameYear.Status.Should().Be(CommandStatus.Ok, sameYear.Describe());
    }

    // ---- Meeting status ----------------------------------------------------------------------

    [Fact]
    public async Task Marking_a_meeting_held_before_its_date_is_refused()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var future = await PlanAsync(user, body.Id, Today.AddDays(10));
        var today = await PlanAsync(user, body.Id, Today);

        var early = await app.MeetingsAsync(async s => await s.MarkHeldAsync(user, future, await VersionAsync(user, body.Id, future)));
        var onTheDay = await app.MeetingsAsync(async s => await s.MarkHeldAsync(user, today, await VersionAsync(user, body.Id, today)));

        early.Status.Should().Be(CommandStatus.Refused);
        early.Message.Should().Contain("før møtedagen");
        (await ViewAsync(user, body.Id, future)).Status.Should().Be(MeetingStatus.Planned);
        onTheDay.Status.Should().Be(CommandStatus.Ok, onTheDay.Describe());
        (await ViewAsync(user, body.Id, today)).Status.Should().Be(MeetingStatus.Held);
    }

    [Fact]
    public async Task Only_a_planned_meeting_without_agenda_can_be_deleted_and_the_deletion_is_audited()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var empty = await PlanAsync(user, body.Id, Today.AddDays(20));
        var withItem = await PlanAsync(user, body.Id, Today.AddDays(30));
        await AddItemAsync(user, body.Id, withItem, "Budsjett");
        var held = await PlanAsync(user, body.Id, Today.AddDays(-1));
        (await app.MeetingsAsync(async s => await s.MarkHeldAsync(user, held, await VersionAsync(user, body.Id, held)))).Succeeded.Should().BeTrue();

        (await app.MeetingsAsync(async s => await s.DeleteAsync(user, withItem, await VersionAsync(user, body.Id, withItem)))).Status.Should().Be(CommandStatus.Refused);
        (await app.MeetingsAsync(async s => await s.DeleteAsync(user, held, await VersionAsync(user, body.Id, held)))).Status.Should().Be(CommandStatus.Refused);
        var deleted = await app.MeetingsAsync(async s => await s.DeleteAsync(user, empty, await VersionAsync(user, body.Id, empty)));

        deleted.Status.Should().Be(CommandStatus.Ok, deleted.Describe());
        (await app.MeetingsAsync(s => s.GetAsync(user, body.Id, empty))).Should().BeNull();
        await using var db = app.Database.CreateDbContext();
        (await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Meeting) && a.EntityId == empty.ToString() && a.Action == AuditActions.Deleted)).Should().BeTrue();
    }

    [Fact]
    public async Task A_cancelled_meeting_takes_no_new_items_and_cannot_be_held()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, Today.AddDays(-2));
        (await app.MeetingsAsync(async s => await s.CancelAsync(user, meeting, await VersionAsync(user, body.Id, meeting)))).Succeeded.Should().BeTrue();

        var version = await VersionAsync(user, body.Id, meeting);
        (await app.MeetingsAsync(s => s.AddAgendaItemAsync(user, meeting, new AgendaItemForm { Title = "For sent" }, version))).Status.Should().Be(CommandStatus.Refused);
        (await app.MeetingsAsync(s => s.MarkHeldAsync(user, meeting, version))).Status.Should().Be(CommandStatus.Refused);
        (await app.MeetingsAsync(s => s.CancelAsync(user, meeting, version))).Status.Should().Be(CommandStatus.Refused);
    }

    // ---- Minutes -----------------------------------------------------------------------------

    [Fact]
    public async Task Minutes_are_approved_only_when_the_meeting_is_held_and_are_read_only_after()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, Today.AddDays(-3));
        (await app.MeetingsAsync(async s => await s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = "Linje 1\nLinje 2" },
            await VersionAsync(user, body.Id, meeting)))).Succeeded.Should().BeTrue();
        var approve = new ApproveMinutesForm { MinutesApprovedOn = Today.ToDateTime(TimeOnly.MinValue), MinutesApprovedBy = "SSU i møte" };

        var beforeHeld = await app.MeetingsAsync(async s => await s.ApproveMinutesAsync(user, meeting, approve, await VersionAsync(user, body.Id, meeting)));
        (await app.MeetingsAsync(async s => await s.MarkHeldAsync(user, meeting, await VersionAsync(user, body.Id, meeting)))).Succeeded.Should().BeTrue();
        var afterHeld = await app.MeetingsAsync(async s => await s.ApproveMinutesAsync(user, meeting, approve, await VersionAsync(user, body.Id, meeting)));
        var edit = await app.MeetingsAsync(async s => await s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = "Endret" },
            await VersionAsync(user, body.Id, meeting)));

        beforeHeld.Status.Should().Be(CommandStatus.Refused);
        beforeHeld.Message.Should().Contain("holdt");
        afterHeld.Status.Should().Be(CommandStatus.Ok, afterHeld.Describe());
        edit.Status.Should().Be(CommandStatus.Refused);
        var view = await ViewAsync(user, body.Id, meeting);
        view.MinutesStatus.Should().Be(MinutesStatus.Approved);
        view.MinutesText.Should().Be("Linje 1\nLinje 2");
        view.MinutesApprovedOn.Should().Be(Today);
        view.MinutesApprovedBy.Should().Be("SSU i møte");
    }

    [Fact]
    public async Task Approval_asks_for_the_date_and_who_approved_beside_the_fields()
    {
        var user = await CaseworkerAsync();
        var (body, meeting) = await HeldMeetingWithDraftAsync(user);

        var missing = await app.MeetingsAsync(async s => await s.ApproveMinutesAsync(user, meeting, new ApproveMinutesForm(), await VersionAsync(user, body.Id, meeting)));
        var future = await app.MeetingsAsync(async s => await s.ApproveMinutesAsync(user, meeting,
            new ApproveMinutesForm { MinutesApprovedOn = Today.AddDays(5).ToDateTime(TimeOnly.MinValue), MinutesApprovedBy = "SSU" }, await VersionAsync(user, body.Id, meeting)));

        missing.Status.Should().Be(CommandStatus.Invalid);
        missing.Errors.Should().Contain(e => e.Field == nameof(ApproveMinutesForm.MinutesApprovedOn) && e.Message == "Godkjent dato må fylles ut.")
            .And.Contain(e => e.Field == nameof(ApproveMinutesForm.MinutesApprovedBy));
        future.Status.Should().Be(CommandStatus.Invalid);
        future.Errors.Should().ContainSingle(e => e.Field == nameof(ApproveMinutesForm.MinutesApprovedOn));
    }

    [Fact]
    public async Task Only_approved_minutes_are_published_and_publishing_keeps_the_date()
    {
        var user = await CaseworkerAsync();
        var (body, meeting) = await HeldMeetingWithDraftAsync(user);

        var draft = await app.MeetingsAsync(async s => await s.PublishMinutesAsync(user, meeting, await VersionAsync(user, body.Id, meeting)));
        (await app.MeetingsAsync(async s => await s.ApproveMinutesAsync(user, meeting,
            new ApproveMinutesForm { MinutesApprovedOn = Today.ToDateTime(TimeOnly.MinValue), MinutesApprovedBy = "SSU" },
            await VersionAsync(user, body.Id, meeting)))).Succeeded.Should().BeTrue();
        var approved = await app.MeetingsAsync(async s => await s.PublishMinutesAsync(user, meeting, await VersionAsync(user, body.Id, meeting)));

        draft.Status.Should().Be(CommandStatus.Refused);
        draft.Message.Should().Contain("godkjente");
        approved.Status.Should().Be(CommandStatus.Ok, approved.Describe());
        (await ViewAsync(user, body.Id, meeting)).MinutesPublishedOn.Should().Be(Today);

        (await app.MeetingsAsync(async s => await s.UnpublishMinutesAsync(user, meeting, await VersionAsync(user, body.Id, meeting)))).Succeeded.Should().BeTrue();
        (await ViewAsync(user, body.Id, meeting)).MinutesPublishedOn.Should().BeNull();
    }

    // ---- Attendance and documents ------------------------------------------------------------

    [Fact]
    public async Task Attendance_is_recorded_per_member_and_a_deputy_only_for_a_member_who_has_one()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var withDeputy = await app.MemberAsync(body.Id, "Testa Medlemsen", deputy: "Vara Varasen");
        var alone = await app.MemberAsync(body.Id, "Eksempel Enesen");
        var meeting = await PlanAsync(user, body.Id, Today.AddDays(-1));

        var refused = await app.MeetingsAsync(async s => await s.SaveAttendanceAsync(user, meeting,
            new AttendanceForm { Kinds = { [alone] = AttendanceKind.DeputyPresent } }, await VersionAsync(user, body.Id, meeting)));
        var saved = await app.MeetingsAsync(async s => await s.SaveAttendanceAsync(user, meeting,
            new AttendanceForm { Kinds = { [withDeputy] = AttendanceKind.DeputyPresent, [alone] = AttendanceKind.Absent } }, await VersionAsync(user, body.Id, meeting)));

        refused.Status.Should().Be(CommandStatus.Invalid);
        refused.Errors.Should().ContainSingle(e => e.Field == MeetingService.AttendanceField(alone) && e.Message.Contains("ingen personlig vararepresentant"));
        saved.Status.Should().Be(CommandStatus.Ok, saved.Describe());
        var rows = (await ViewAsync(user, body.Id, meeting)).Attendance;
        rows.Should().HaveCount(2);
        rows.Single(r => r.MemberId == withDeputy).Should().Match<AttendanceRow>(r => r.DeputyName == "Vara Varasen" && r.Kind == AttendanceKind.DeputyPresent);
        rows.Single(r => r.MemberId == alone).Kind.Should().Be(AttendanceKind.Absent);
    }

    [Fact]
    public async Task Agenda_documents_are_checked_by_size_and_content_and_can_be_deleted()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, new DateOnly(2030, 9, 9));
        await AddItemAsync(user, body.Id, meeting, "Saksframlegg");
        var item = (await ViewAsync(user, body.Id, meeting)).AgendaItems.Single().Id;

        var tooLarge = await app.MeetingsAsync(async s => await s.UploadDocumentAsync(user, meeting, item,
            new AgendaDocumentUpload { FileName = "stor.pdf", Bytes = new byte[10 * 1024 * 1024 + 1] }, await VersionAsync(user, body.Id, meeting)));
        var misnamed = await app.MeetingsAsync(async s => await s.UploadDocumentAsync(user, meeting, item,
            new AgendaDocumentUpload { FileName = "saksframlegg.docx", Bytes = AgreementTestData.SmallPdf() }, await VersionAsync(user, body.Id, meeting)));
        var good = await app.MeetingsAsync(async s => await s.UploadDocumentAsync(user, meeting, item,
            new AgendaDocumentUpload { FileName = "../../Saksframlegg\u0007 sak 1.pdf", Bytes = AgreementTestData.SmallPdf() }, await VersionAsync(user, body.Id, meeting)));

        tooLarge.Status.Should().Be(CommandStatus.Invalid);
        tooLarge.Errors.Should().ContainSingle(e => e.Field == nameof(AgendaDocumentUpload.Bytes) && e.Message.Contains("10 MB"));
        misnamed.Status.Should().Be(CommandStatus.Invalid);
        misnamed.Errors.Should().ContainSingle(e => e.Field == nameof(AgendaDocumentUpload.Bytes) && e.Message.Contains(".pdf"));
        good.Status.Should().Be(CommandStatus.Ok, good.Describe());
        var document = (await ViewAsync(user, body.Id, meeting)).AgendaItems.Single().Documents.Single();
        document.FileName.Should().Be("Saksframlegg sak 1.pdf");

        var deleted = await app.MeetingsAsync(async s => await s.DeleteDocumentAsync(user, meeting, item, document.Id, await VersionAsync(user, body.Id, meeting)));
        deleted.Status.Should().Be(CommandStatus.Ok, deleted.Describe());
        (await ViewAsync(user, body.Id, meeting)).AgendaItems.Single().Documents.Should().BeEmpty();
    }

    [Fact]
    public async Task An_item_on_a_held_meeting_cannot_be_removed_but_one_on_a_planned_meeting_can()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var planned = await PlanAsync(user, body.Id, Today.AddDays(14));
        var held = await PlanAsync(user, body.Id, Today.AddDays(-14));
        await AddItemAsync(user, body.Id, planned, "Planlagt sak");
        await AddItemAsync(user, body.Id, held, "Behandlet sak");
        (await app.MeetingsAsync(async s => await s.MarkHeldAsync(user, held, await VersionAsync(user, body.Id, held)))).Succeeded.Should().BeTrue();

        var heldItem = (await ViewAsync(user, body.Id, held)).AgendaItems.Single().Id;
        var plannedItem = (await ViewAsync(user, body.Id, planned)).AgendaItems.Single().Id;
        var refused = await app.MeetingsAsync(async s => await s.RemoveAgendaItemAsync(user, held, heldItem, await VersionAsync(user, body.Id, held)));
        var removed = await app.MeetingsAsync(async s => await s.RemoveAgendaItemAsync(user, planned, plannedItem, await VersionAsync(user, body.Id, planned)));

        refused.Status.Should().Be(CommandStatus.Refused);
        removed.Status.Should().Be(CommandStatus.Ok, removed.Describe());
        (await ViewAsync(user, body.Id, planned)).AgendaItems.Should().BeEmpty();
        (await ViewAsync(user, body.Id, held)).AgendaItems.Should().ContainSingle();
    }

    // ---- Access ------------------------------------------------------------------------------

    [Fact]
    public async Task A_sekretariat_keeps_the_meetings_of_its_own_helsefellesskap_and_sees_nothing_of_another()
    {
        var body = await BodyAsync();
        var own = await app.SecretariatAsync(await app.PartyIdAsync(AgreementTestData.Bergen));
        var (_, otherTrust) = await app.OtherHelsefellesskapAsync();
        var stranger = await app.SecretariatAsync(otherTrust);

        var planned = await app.MeetingsAsync(s => s.PlanAsync(own, body.Id, Form(Today.AddDays(7))));
        planned.Status.Should().Be(CommandStatus.Ok, planned.Describe());
        var version = await VersionAsync(own, body.Id, planned.Value);

        (await app.MeetingsAsync(s => s.ListAsync(stranger, body.Id, MeetingListFilter.Upcoming, 1))).Should().BeNull();
        (await app.MeetingsAsync(s => s.GetAsync(stranger, body.Id, planned.Value))).Should().BeNull();
        (await app.MeetingsAsync(s => s.GetMinutesDocumentAsync(stranger, body.Id, planned.Value))).Should().BeNull();
        (await app.MeetingsAsync(s => s.PlanAsync(stranger, body.Id, Form(Today)))).Status.Should().Be(CommandStatus.NotFound);
        (await app.MeetingsAsync(s => s.CancelAsync(stranger, planned.Value, version))).Status.Should().Be(CommandStatus.NotFound);
        (await app.MeetingsAsync(s => s.AddAgendaItemAsync(stranger, planned.Value, new AgendaItemForm { Title = "Innbrudd" }, version)))
            .Status.Should().Be(CommandStatus.NotFound);
        (await ViewAsync(own, body.Id, planned.Value)).Should().Match<MeetingView>(v => v.CanMaintain && v.Status == MeetingStatus.Planned);
    }

    [Fact]
    public async Task A_samhandlingssjef_reads_the_meetings_of_the_helsefellesskap_but_changes_nothing()
    {
        var caseworker = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(caseworker, body.Id, Today.AddDays(7));
        var version = await VersionAsync(caseworker, body.Id, meeting);
        var manager = await app.UserAsync(WebClient.CooperationManager);

        var list = await app.MeetingsAsync(s => s.ListAsync(manager, body.Id, MeetingListFilter.Upcoming, 1));
        list!.Rows.Should().ContainSingle(r => r.Id == meeting);
        list.CanMaintain.Should().BeFalse();
        (await ViewAsync(manager, body.Id, meeting)).CanMaintain.Should().BeFalse();
        (await app.MeetingsAsync(s => s.PlanAsync(manager, body.Id, Form(Today)))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.MeetingsAsync(s => s.UpdateAsync(manager, meeting, Form(Today), version))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.MeetingsAsync(s => s.SaveMinutesDraftAsync(manager, meeting, new MinutesForm { MinutesText = "x" }, version))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.MeetingsAsync(s => s.DeleteAsync(manager, meeting, version))).Status.Should().Be(CommandStatus.Forbidden);
        (await ViewAsync(caseworker, body.Id, meeting)).Version.Should().Be(version, "a refused change leaves the meeting untouched");
    }

    [Fact]
    public async Task An_avtalespesialist_sees_no_meetings()
    {
        var caseworker = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(caseworker, body.Id, Today.AddDays(7));
        var specialist = await app.UserAsync(WebClient.Specialist);

        (await app.MeetingsAsync(s => s.ListAsync(specialist, body.Id, MeetingListFilter.Upcoming, 1))).Should().BeNull();
        (await app.MeetingsAsync(s => s.GetAsync(specialist, body.Id, meeting))).Should().BeNull();
        (await app.MeetingsAsync(s => s.PlanAsync(specialist, body.Id, Form(Today)))).Status.Should().Be(CommandStatus.NotFound);
        (await app.MeetingsAsync(s => s.MarkHeldAsync(specialist, meeting, 0))).Status.Should().Be(CommandStatus.NotFound);
    }

    [Fact]
    public async Task A_meeting_is_found_only_under_its_own_body()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var other = await BodyAsync("OU");
        var meeting = await PlanAsync(user, body.Id, Today.AddDays(7));

        (await app.MeetingsAsync(s => s.GetAsync(user, other.Id, meeting))).Should().BeNull();
        (await app.MeetingsAsync(s => s.GetMinutesDocumentAsync(user, other.Id, meeting))).Should().BeNull();
    }

    // ---- Concurrency and bad input -----------------------------------------------------------

    [Fact]
    public async Task Saving_over_someone_elses_change_is_a_conflict_and_keeps_their_change()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, Today.AddDays(7));
        var opened = await VersionAsync(user, body.Id, meeting);

        var first = await app.MeetingsAsync(s => s.UpdateAsync(user, meeting, Form(Today.AddDays(8), "Rådhuset"), opened));
        var second = await app.MeetingsAsync(s => s.UpdateAsync(user, meeting, Form(Today.AddDays(9), "Sykehuset"), opened));
        var minutes = await app.MeetingsAsync(s => s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = "Mitt utkast" }, opened));

        first.Status.Should().Be(CommandStatus.Ok, first.Describe());
        second.Status.Should().Be(CommandStatus.Conflict);
        second.Message.Should().Be(MeetingService.ConflictMessage);
        minutes.Status.Should().Be(CommandStatus.Conflict);
        var view = await ViewAsync(user, body.Id, meeting);
        view.Location.Should().Be("Rådhuset");
        view.Date.Should().Be(Today.AddDays(8));
        view.MinutesText.Should().BeNull();
    }

    [Fact]
    public async Task Two_saves_of_the_same_meeting_at_once_end_in_one_saved_and_one_conflict()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();
        var meeting = await PlanAsync(user, body.Id, Today.AddDays(7));
        var opened = await VersionAsync(user, body.Id, meeting);

        var results = await Task.WhenAll(
            app.MeetingsAsync(s => s.UpdateAsync(user, meeting, Form(Today.AddDays(8), "Rådhuset"), opened)),
            app.MeetingsAsync(s => s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = "Utkast" }, opened)));

        results.Select(r => r.Status).Should().BeEquivalentTo([CommandStatus.Ok, CommandStatus.Conflict]);
    }

    [Fact]
    public async Task Hostile_meeting_input_gets_messages_beside_the_fields()
    {
        var user = await CaseworkerAsync();
        var body = await BodyAsync();

        var controls = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, Form(Today, "Møterom\u0007\u0000 1")));
        var longPlace = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, Form(Today, new string('x', 100_001))));
        var ancient = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, Form(new DateOnly(1, 1, 1))));
        var farFuture = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, Form(new DateOnly(9999, 12, 31))));
        var badTimes = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id,
            new MeetingForm { Date = Today.ToDateTime(TimeOnly.MinValue), StartTime = TimeSpan.FromHours(25), EndTime = TimeSpan.FromHours(-1), IsDigital = true }));
        var nowhere = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, new MeetingForm { Date = Today.ToDateTime(TimeOnly.MinValue), StartTime = TimeSpan.FromHours(9) }));

        controls.Errors.Should().ContainSingle(e => e.Field == nameof(MeetingForm.Location) && e.Message.Contains("kontrolltegn"));
        longPlace.Errors.Should().ContainSingle(e => e.Field == nameof(MeetingForm.Location) && e.Message.Contains("høyst"));
        ancient.Errors.Should().ContainSingle(e => e.Field == nameof(MeetingForm.Date) && e.Message.Contains("01.01.1900"));
        farFuture.Errors.Should().ContainSingle(e => e.Field == nameof(MeetingForm.Date) && e.Message.Contains("31.12.2199"));
        badTimes.Errors.Should().Contain(e => e.Field == nameof(MeetingForm.StartTime)).And.Contain(e => e.Field == nameof(MeetingForm.EndTime));
        nowhere.Errors.Should().ContainSingle(e => e.Field == nameof(MeetingForm.Location));
        new[] { controls, longPlace, ancient, farFuture, badTimes, nowhere }.Should().OnlyContain(r => r.Status == CommandStatus.Invalid);
        (await app.MeetingsAsync(s => s.ListAsync(user, body.Id, MeetingListFilter.Upcoming, 1)))!.Total.Should().Be(0, "nothing is half-saved");
    }

    [Fact]
    public async Task Hostile_agenda_and_minutes_input_gets_messages_beside_the_fields()
    {
        var user = await CaseworkerAsync();
        var (body, meeting) = await HeldMeetingWithDraftAsync(user);
        var version = await VersionAsync(user, body.Id, meeting);

        var title = await app.MeetingsAsync(s => s.AddAgendaItemAsync(user, meeting, new AgendaItemForm { Title = "Sak\u001b[31m" }, version));
        var emptyTitle = await app.MeetingsAsync(s => s.AddAgendaItemAsync(user, meeting, new AgendaItemForm { Title = "  " }, version));
        var description = await app.MeetingsAsync(s => s.AddAgendaItemAsync(user, meeting,
            new AgendaItemForm { Title = "Lang sak", Description = new string('a', 100_001) }, version));
        var minutes = await app.MeetingsAsync(s => s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = new string('b', 100_001) }, version));
        var minutesControls = await app.MeetingsAsync(s => s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = "Linje\u0000" }, version));
        var approver = await app.MeetingsAsync(s => s.ApproveMinutesAsync(user, meeting,
            new ApproveMinutesForm { MinutesApprovedOn = new DateTime(1, 1, 1), MinutesApprovedBy = "SSU\u0008" }, version));

        title.Errors.Should().ContainSingle(e => e.Field == nameof(AgendaItemForm.Title) && e.Message.Contains("kontrolltegn"));
        emptyTitle.Errors.Should().ContainSingle(e => e.Field == nameof(AgendaItemForm.Title) && e.Message.Contains("må fylles ut"));
        description.Errors.Should().ContainSingle(e => e.Field == nameof(AgendaItemForm.Description) && e.Message.Contains("høyst"));
        minutes.Errors.Should().ContainSingle(e => e.Field == nameof(MinutesForm.MinutesText) && e.Message.Contains("høyst 100000"));
        minutesControls.Errors.Should().ContainSingle(e => e.Field == nameof(MinutesForm.MinutesText) && e.Message.Contains("kontrolltegn"));
        approver.Errors.Should().Contain(e => e.Field == nameof(ApproveMinutesForm.MinutesApprovedOn))
            .And.Contain(e => e.Field == nameof(ApproveMinutesForm.MinutesApprovedBy));
        new[] { title, emptyTitle, description, minutes, minutesControls, approver }.Should().OnlyContain(r => r.Status == CommandStatus.Invalid);
        var view = await ViewAsync(user, body.Id, meeting);
        view.Version.Should().Be(version, "nothing is half-saved");
        view.MinutesText.Should().Be("Sak 1: vedtatt.");
    }
}
