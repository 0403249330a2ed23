using System.Net;
using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Tests.Agreements;
using static SamarbeidsAvtaler.Web.Tests.Committees.Meetings.MeetingTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Meetings;

/// <summary>The minutes as a document over HTTP: the HTML view, the PDF of approved minutes, and agenda documents, each behind the access check.</summary>
[Collection(AppCollection.Name)]
public sealed class MinutesDocumentTests(AppFactory app)
{
    private sealed record Fixture(Committee Body, Guid MeetingId, Guid DocumentId)
    {
        public string Minutes => $"/utvalg/{Body.Id}/moter/{MeetingId}/referat";
        public string Pdf => Minutes + ".pdf";
        public string Document => $"/utvalg/{Body.Id}/moter/{MeetingId}/dokumenter/{DocumentId}";
    }

    private async Task<uint> VersionAsync(ClaimsPrincipal user, Committee body, Guid meeting) =>
        (await app.MeetingsAsync(s => s.GetAsync(user, body.Id, meeting)))!.Version;

    private async Task Ok(Func<IMeetingService, Task<CommandResult<uint>>> command)
    {
        var result = await app.MeetingsAsync(command);
        result.Status.Should().Be(CommandStatus.Ok, result.Describe());
    }

    /// <summary>A held meeting of a Bergen body with an item, a document, attendance and minutes; approved if asked.</summary>
    private async Task<Fixture> MeetingAsync(bool approve)
    {
        var user = await app.UserAsync(WebClient.Caseworker);
        var body = await app.CommitteeAsync(await app.BergenHelsefellesskapAsync(), "SSU");
        var member = await app.MemberAsync(body.Id, "Testa Medlemsen", deputy: "Vara Varasen");
        var absent = await app.MemberAsync(body.Id, "Fraværende Fiktivsen");
        var present = await app.MemberAsync(body.Id, "Oppmøtt Oppdiktsen");
        var planned = await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, Form(Today.AddDays(-5), "Haukeland <b>møterom</b>")));
        var meeting = planned.Value;
        await Ok(async s => await s.AddAgendaItemAsync(user, meeting, new AgendaItemForm { Title = "Budsjett for samhandling", Description = "Første linje\nAndre linje" },
            await VersionAsync(user, body, meeting)));
        var item = (await app.MeetingsAsync(s => s.GetAsync(user, body.Id, meeting)))!.AgendaItems.Single();
        await Ok(async s => await s.UploadDocumentAsync(user, meeting, item.Id, new AgendaDocumentUpload { FileName = "Saksframlegg.pdf", Bytes = AgreementTestData.SmallPdf() },
            await VersionAsync(user, body, meeting)));
        await Ok(async s => await s.MarkHeldAsync(user, meeting, await VersionAsync(user, body, meeting)));
        await Ok(async s => await s.SaveAttendanceAsync(user, meeting,
            new AttendanceForm { Kinds = { [member] = AttendanceKind.DeputyPresent, [absent] = AttendanceKind.Absent, [present] = AttendanceKind.Present } },
            await VersionAsync(user, body, meeting)));
        await Ok(async s => await s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = "Vedtak i sak 1:\nBudsjettet er vedtatt." },
            await VersionAsync(user, body, meeting)));
        if (approve)
        {
            await Ok(async s => await s.ApproveMinutesAsync(user, meeting,
                new ApproveMinutesForm { MinutesApprovedOn = Today.ToDateTime(TimeOnly.MinValue), MinutesApprovedBy = "SSU i møte" }, await VersionAsync(user, body, meeting)));
        }

        var document = (await app.MeetingsAsync(s => s.GetAsync(user, body.Id, meeting)))!.AgendaItems.Single().Documents.Single();
        return new Fixture(body, meeting, document.Id);
    }

    private async Task<HttpClient> OutsiderAsync()
    {
        var (_, trust) = await app.OtherHelsefellesskapAsync();
        return await app.LoggedInAsync(await app.SecretariatUserAsync(trust));
    }

    [Fact]
    public async Task Approved_minutes_download_as_a_pdf_with_attendance_agenda_and_text()
    {
        var meeting = await MeetingAsync(approve: true);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync(meeting.Pdf);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var text = await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync());
        text.Should().Contain(meeting.Body.Name).And.Contain($"SSU 1/{Today.AddDays(-5).Year}").And.Contain("Budsjett for samhandling")
            .And.Contain("Budsjettet er vedtatt.").And.Contain("Oppmøtt Oppdiktsen").And.Contain("Vara Varasen for Testa Medlemsen")
            .And.Contain("Fraværende Fiktivsen").And.Contain("SSU i møte").And.Contain("Haukeland <b>møterom</b>").And.MatchRegex(@"Side 1 av \d")
            .And.NotContain("UTKAST");
    }

    [Fact]
    public async Task Draft_minutes_have_no_pdf_and_their_page_is_marked_as_a_draft()
    {
        var meeting = await MeetingAsync(approve: false);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetAsync(meeting.Pdf)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var html = await client.GetHtmlAsync(meeting.Minutes);

        html.Should().Contain("UTKAST").And.Contain("Vedtak i sak 1:\nBudsjettet er vedtatt.").And.Contain("Budsjett for samhandling")
            .And.NotContain("referat.pdf");
    }

    [Fact]
    public async Task The_samhandlingssjef_of_the_helsefellesskap_reads_the_minutes_and_their_documents()
    {
        var meeting = await MeetingAsync(approve: true);
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        (await client.GetAsync(meeting.Pdf)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetHtmlAsync(meeting.Minutes)).Should().Contain("referat.pdf").And.NotContain("UTKAST");
        var document = await client.GetAsync(meeting.Document);
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        (await document.Content.ReadAsByteArrayAsync()).Should().Equal(AgreementTestData.SmallPdf());
    }

    [Fact]
    public async Task A_user_outside_the_helsefellesskap_gets_404_for_the_minutes_the_pdf_and_the_documents()
    {
        var meeting = await MeetingAsync(approve: true);

        foreach (var client in new[] { await OutsiderAsync(), await app.LoggedInAsync(WebClient.Specialist) })
        {
            (await client.GetAsync(meeting.Pdf)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetAsync(meeting.Minutes)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetAsync(meeting.Document)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Nobody_gets_the_minutes_without_logging_in()
    {
        var meeting = await MeetingAsync(approve: true);
        var client = app.CreateBrowserLikeClient();

        (await client.GetAsync(meeting.Pdf)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync(meeting.Document)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
