using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Deviations;
using static SamarbeidsAvtaler.Web.Tests.Deviations.DeviationTestData;

namespace SamarbeidsAvtaler.Web.Tests.Deviations;

/// <summary>The deviation register (issue 10 §§ 1–3, 6) at the service, on real PostgreSQL: access per role, R22, R24, the deadline, the access log, the CSV.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviationServiceTests(AppFactory app)
{
    private static string Key() => "Testavvik " + Guid.NewGuid().ToString("N")[..8];

    private async Task<IReadOnlyList<DeviationRow>> ListAsync(string email, string text)
    {
        var user = await app.UserAsync(email);
        return (await app.WithDeviationsAsync(s => s.SearchAsync(user, DeviationFilter.Empty with { Text = text }, 0, 100))).Rows;
    }

    [Fact]
    public async Task Access_a_kommune_sees_its_own_cases_the_HF_and_its_sekretariat_theirs_a_specialist_and_outsiders_none()
    {
        var key = Key();
        var askoy = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), key + " Askøy"));
        var voss = await app.ReportAsync(Caseworker, await app.FormAsync(await app.AgreementAsync("Voss herad"), key + " Voss", reporting: "Voss herad"));

        (await ListAsync(Municipality, key)).Select(r => r.Id).Should().Equal([askoy], "a kommune user sees only its own kommune's cases");
        (await app.CaseAsync(voss, Municipality)).Should().BeNull("another kommune's case does not exist for it");
        (await ListAsync(Manager, key)).Select(r => r.Id).Should().BeEquivalentTo([askoy, voss], "the samhandlingssjef sees its HF's cases");
        (await ListAsync(Secretariat, key)).Select(r => r.Id).Should().BeEquivalentTo([askoy, voss], "the sekretariat sees its helsefellesskap's cases");
        (await ListAsync(Caseworker, key)).Should().HaveCount(2);
        (await ListAsync(Administrator, key)).Should().HaveCount(2);
        (await ListAsync(Specialist, key)).Should().BeEmpty("an avtalespesialist sees no case");
        (await app.CaseAsync(askoy, Specialist)).Should().BeNull();

        foreach (var role in new[] { Roles.CooperationManager, Roles.Secretariat, Roles.Municipality })
        {
            var outsider = await app.OutsiderAsync(role);
            (await app.WithDeviationsAsync(s => s.SearchAsync(outsider, DeviationFilter.Empty with { Text = key }, 0, 100))).Total.Should().Be(0, role);
            (await app.WithDeviationsAsync(s => s.GetCaseAsync(outsider, askoy, recordView: true))).Should().BeNull(role);
            var version = (await app.CaseAsync(askoy))!.Version;
            (await app.WithDeviationsAsync(s => s.SendAsync(outsider, askoy, version, new DeviationStepForm()))).Status.Should().Be(CommandStatus.NotFound, role);
        }
    }

    [Fact]
    public async Task Access_a_kommune_user_reports_only_for_its_own_kommune_and_cannot_answer_for_the_HF_side()
    {
        var agreement = await app.AgreementAsync();
        var kommune = await app.UserAsync(Municipality);

        // For the HF: not a party the kommune user acts for.
        var forTheHf = await app.WithDeviationsAsync(async s => await s.ReportAsync(kommune, await app.FormAsync(agreement, Key(), reporting: HelseBergen, other: Askoy)));
        forTheHf.Errors.Should().ContainSingle().Which.Should().Be(new FieldError(nameof(DeviationReportForm.ReportingParty), DeviationService.NotYourParty));
        (await app.WithDeviationsAsync(s => s.ReportingPartiesAsync(kommune, null))).Select(p => p.Name).Should().Equal(Askoy);

        var id = await app.ReportAsync(Municipality, await app.FormAsync(agreement, Key()));
        var sent = await app.WithDeviationsAsync(async s => await s.SendAsync(kommune, id, (await app.CaseAsync(id))!.Version, new DeviationStepForm()));
        sent.Status.Should().Be(CommandStatus.Ok);

        var view = await app.CaseAsync(id, Municipality);
        view!.Steps.Answer.Should().BeFalse("the answer is the other side's");
        view.Steps.Escalate.Should().BeTrue();
        var answer = await app.WithDeviationsAsync(s => s.AnswerAsync(kommune, id, view.Version,
            new DeviationAnswerForm { Explanation = "Vi svarer selv.", Measures = "Ingen." }));
        answer.Status.Should().Be(CommandStatus.Forbidden);
        answer.Message.Should().Be("Bare parten avviket er meldt mot, kan svare på det.");
        (await app.CaseAsync(id))!.Status.Should().Be(DeviationStatus.SentToOtherParty);
        (await app.CaseAsync(id, Manager))!.Steps.Should().Be(new DeviationSteps(Send: false, Answer: true, Escalate: true, Close: false));
    }

    [Fact]
    public async Task R22_reported_sent_answered_and_closed_each_step_dated_with_who_took_it()
    {
        var id = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), Key()));
        var kommune = await app.UserAsync(Municipality);
        var manager = await app.UserAsync(Manager);
        var today = TimeProvider.System.Today();

        var closedTooEarly = await app.WithDeviationsAsync(async s => await s.CloseAsync(kommune, id, (await app.CaseAsync(id))!.Version, new DeviationStepForm()));
        closedTooEarly.Status.Should().Be(CommandStatus.Refused);
        closedTooEarly.Message.Should().Be(DeviationWorkflow.RefusalMessage(DeviationStatus.Registered, DeviationStatus.Closed));

        (await app.WithDeviationsAsync(async s => await s.SendAsync(kommune, id, (await app.CaseAsync(id))!.Version,
            new DeviationStepForm { Text = "Ber om forklaring." }))).Status.Should().Be(CommandStatus.Ok);
        var sent = await app.CaseAsync(id);
        sent!.AnswerDueOn.Should().Be(today.AddDays(14), "two weeks is the default deadline");
        sent.IsOverdue.Should().BeFalse();

        (await app.WithDeviationsAsync(s => s.AnswerAsync(manager, id, sent.Version,
            new DeviationAnswerForm { Explanation = "Epikrisen ble ikke sendt.", Measures = "Ny sjekkliste ved utskrivning." }))).Status.Should().Be(CommandStatus.Ok);
        (await app.WithDeviationsAsync(async s => await s.CloseAsync(kommune, id, (await app.CaseAsync(id))!.Version,
            new DeviationStepForm { Text = "Tiltaket er godt." }))).Status.Should().Be(CommandStatus.Ok);

        var closed = await app.CaseAsync(id, Municipality);
        closed!.Status.Should().Be(DeviationStatus.Closed);
        closed.Explanation.Should().Be("Epikrisen ble ikke sendt.");
        closed.AnsweredWithinDeadline.Should().BeTrue();
        closed.Steps.Should().Be(DeviationSteps.None);
        closed.Events.Select(e => (e.Status, e.ActorName)).Should().Equal(
            (DeviationStatus.Registered, "Kari Kommune"), (DeviationStatus.SentToOtherParty, "Kari Kommune"),
            (DeviationStatus.Answered, "Siri Samhandling"), (DeviationStatus.Closed, "Kari Kommune"));
        closed.Events.Should().OnlyContain(e => e.OccurredAt > DateTimeOffset.UtcNow.AddMinutes(-10));
        closed.Events[1].Comment.Should().Be("Ber om forklaring.");
    }

    [Fact]
    public async Task R22_when_the_parties_disagree_the_case_goes_to_the_kommune_and_specialist_service_and_closes_with_a_recommendation()
    {
        var id = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), Key()));
        var kommune = await app.UserAsync(Municipality);
        var manager = await app.UserAsync(Manager);
        await app.WithDeviationsAsync(async s => await s.SendAsync(kommune, id, (await app.CaseAsync(id))!.Version, new DeviationStepForm()));

        var noReason = await app.WithDeviationsAsync(async s => await s.EscalateAsync(manager, id, (await app.CaseAsync(id))!.Version, new DeviationStepForm()));
        noReason.Status.Should().Be(CommandStatus.Invalid);
        noReason.Errors.Should().ContainSingle().Which.Field.Should().Be(nameof(DeviationStepForm.Text));

        (await app.WithDeviationsAsync(async s => await s.EscalateAsync(manager, id, (await app.CaseAsync(id))!.Version,
            new DeviationStepForm { Text = "Vi er uenige i beskrivelsen." }))).Status.Should().Be(CommandStatus.Ok);
        var secretariat = await app.UserAsync(Secretariat);
        var noRecommendation = await app.WithDeviationsAsync(async s => await s.CloseAsync(secretariat, id, (await app.CaseAsync(id))!.Version, new DeviationStepForm()));
        noRecommendation.Errors.Should().ContainSingle().Which.Message.Should().Contain("Anbefaling");

        (await app.WithDeviationsAsync(async s => await s.CloseAsync(secretariat, id, (await app.CaseAsync(id))!.Version,
            new DeviationStepForm { Text = "Partene lager felles rutine." }))).Status.Should().Be(CommandStatus.Ok, "a sekretariat moves every case of its helsefellesskap");
        var closed = await app.CaseAsync(id);
        closed!.Recommendation.Should().Be("Partene lager felles rutine.");
        closed.Events.Select(e => e.Status).Should().Equal(DeviationStatus.Registered, DeviationStatus.SentToOtherParty,
            DeviationStatus.SentToMunicipalityAndSpecialistService, DeviationStatus.Closed);
    }

    [Fact]
    public async Task R22_two_steps_from_the_same_version_save_one_and_the_other_is_a_conflict()
    {
        var id = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), Key()));
        var kommune = await app.UserAsync(Municipality);
        var secretariat = await app.UserAsync(Secretariat);
        var version = (await app.CaseAsync(id))!.Version;

        var first = await app.WithDeviationsAsync(s => s.SendAsync(kommune, id, version, new DeviationStepForm { Text = "Først." }));
        var second = await app.WithDeviationsAsync(s => s.SendAsync(secretariat, id, version, new DeviationStepForm { Text = "Sist." }));

        first.Status.Should().Be(CommandStatus.Ok);
        first.Value.Should().NotBe(version);
        second.Status.Should().Be(CommandStatus.Conflict);
        second.Message.Should().Be(DeviationService.Conflict).And.StartWith("Saken er endret av en annen");
        var events = (await app.CaseAsync(id))!.Events;
        events.Should().HaveCount(2);
        events[1].Comment.Should().Be("Først.");
    }

    [Fact]
    public async Task R24_a_report_with_a_fodselsnummer_is_refused_nothing_is_stored_and_the_message_does_not_repeat_it()
    {
        var number = ValidNationalIdentityNumber();
        var key = Key();
        var form = await app.FormAsync(await app.AgreementAsync(), key);
        form.Description = $"Gjelder pasient {number[..6]} {number[6..]}, som kom uten epikrise.";
        var kommune = await app.UserAsync(Municipality);
        await using var db = app.Database.CreateDbContext();
        var counter = await db.Set<Infrastructure.Data.ReferenceCounter>().AsNoTracking().Where(c => c.Prefix == "AVVIK").SumAsync(c => c.LastValue);

        var result = await app.WithDeviationsAsync(s => s.ReportAsync(kommune, form));

        result.Status.Should().Be(CommandStatus.Invalid);
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be(nameof(DeviationReportForm.Description));
        error.Message.Should().NotContain(number).And.NotContain(number[..6]).And.NotContain(number[6..]);
        (result.Message ?? string.Empty).Should().NotContain(number[6..]);
        (await db.Deviations.AnyAsync(d => d.Title == key)).Should().BeFalse();
        (await db.Set<Infrastructure.Data.ReferenceCounter>().AsNoTracking().Where(c => c.Prefix == "AVVIK").SumAsync(c => c.LastValue))
            .Should().Be(counter, "no case number is used up by a refused report");
        form.Description.Should().Contain(number[6..], "the form keeps what the user wrote");
    }

    [Fact]
    public async Task R26_a_discharge_on_a_moving_holiday_outside_the_agreed_hours_is_recorded_as_outside()
    {
        var agreement = await app.AgreementAsync();
        var kommune = await app.UserAsync(Municipality);
        var options = await app.WithDeviationsAsync(async s => await s.AgreementsBetweenAsync(kommune, await app.PartyAsync(Askoy), await app.PartyAsync(HelseBergen)));
        var option = options.Should().ContainSingle(o => o.Id == agreement).Subject;
        option.StatutoryAreas.Should().Equal(5);
        DeviationService.OutsideHoursMessage(option, EasterMondayEvening).Should()
            .Be("Utskrivning kl. 18:30 på 2. påskedag er utenfor avtalt tid for helg og helligdager (09–15).");
        DeviationService.OutsideHoursMessage(option, Weekday).Should().BeNull();

        var id = await app.ReportAsync(Municipality, await app.FormAsync(agreement, Key(), occurredAt: EasterMondayEvening));

        var view = await app.CaseAsync(id);
        view!.OutsideAgreedHours.Should().BeTrue();
        view.DischargeHours.Should().Be("Hverdager 07–17, helg og helligdager 09–15");
        view.OccurredAt.Should().Be(EasterMondayEvening);
        view.CaseNumber.Should().MatchRegex(@"^AVVIK-\d{4}-\d{4}$");
    }

    [Fact]
    public async Task A_report_refuses_an_agreement_the_parties_do_not_share_and_a_party_on_the_same_side()
    {
        var vossAgreement = await app.AgreementAsync("Voss herad", underOverarching: false);
        var caseworker = await app.UserAsync(Caseworker);

        var wrongAgreement = await app.WithDeviationsAsync(async s => await s.ReportAsync(caseworker, await app.FormAsync(vossAgreement, Key())));
        wrongAgreement.Errors.Should().ContainSingle().Which.Should().Be(new FieldError(nameof(DeviationReportForm.AgreementId), DeviationService.NotAnAgreementBetween));

        var sameSide = await app.WithDeviationsAsync(async s => await s.ReportAsync(caseworker, await app.FormAsync(vossAgreement, Key(), other: "Voss herad")));
        sameSide.Errors.Should().ContainSingle().Which.Field.Should().Be(nameof(DeviationReportForm.OtherParty));

        var badTime = await app.FormAsync(vossAgreement, Key(), reporting: "Voss herad");
        badTime.OccurredTime = "25:99";
        badTime.Title = "Tittel\0med NUL";
        var refused = await app.WithDeviationsAsync(s => s.ReportAsync(caseworker, badTime));
        refused.Errors.Select(e => e.Field).Should().BeEquivalentTo([nameof(DeviationReportForm.OccurredTime), nameof(DeviationReportForm.Title)]);

        var others = await app.WithDeviationsAsync(async s => await s.OtherPartiesAsync(caseworker, await app.PartyAsync("Voss herad"), "bergen"));
        others.Select(o => o.Name).Should().Contain(HelseBergen).And.NotContain("Bergen kommune");
    }

    [Fact]
    public async Task The_answer_deadline_comes_from_configuration_and_is_two_weeks_by_default()
    {
        static DeviationOptions Bind(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddDeviationServices();
            return services.BuildServiceProvider().GetRequiredService<IOptions<DeviationOptions>>().Value;
        }

        Bind([]).AnswerDeadlineDays.Should().Be(14);
        Bind(new() { ["Deviations:AnswerDeadlineDays"] = "21" }).AnswerDeadlineDays.Should().Be(21);

        var id = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), Key()));
        var kommune = await app.UserAsync(Municipality);
        await using (var scope = app.CreateScope())
        {
            var service = ActivatorUtilities.CreateInstance<DeviationService>(scope.ServiceProvider, Options.Create(new DeviationOptions { AnswerDeadlineDays = 21 }));
            (await service.SendAsync(kommune, id, (await app.CaseAsync(id))!.Version, new DeviationStepForm())).Status.Should().Be(CommandStatus.Ok);
        }

        (await app.CaseAsync(id))!.AnswerDueOn.Should().Be(TimeProvider.System.Today().AddDays(21));
    }

    [Fact]
    public async Task Every_view_of_a_case_goes_to_the_access_log_and_a_refused_view_does_not()
    {
        var id = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), Key()));
        var caseNumber = (await app.CaseAsync(id))!.CaseNumber;

        await app.CaseAsync(id, Municipality, recordView: true);
        await app.CaseAsync(id, Manager, recordView: true);
        await app.CaseAsync(id, Manager, recordView: false);
        await app.CaseAsync(id, Specialist, recordView: true);

        await using var db = app.Database.CreateDbContext();
        var rows = await db.AccessLog.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync();
        rows.Select(r => r.UserName).Should().Equal("Kari Kommune", "Siri Samhandling");
        rows.Should().OnlyContain(r => r.CaseKind == CaseKinds.Deviation && r.ReferenceNumber == caseNumber && r.Action == AccessLogEntry.Viewed);
    }

    [Fact]
    public async Task The_csv_export_holds_exactly_the_filtered_list()
    {
        var key = Key();
        var agreement = await app.AgreementAsync();
        var open = await app.ReportAsync(Municipality, await app.FormAsync(agreement, key + " åpen", category: DeviationCategory.Ict));
        var sent = await app.ReportAsync(Municipality, await app.FormAsync(agreement, key + " sendt", category: DeviationCategory.Ict));
        await app.ReportAsync(Municipality, await app.FormAsync(agreement, key + " legemidler", category: DeviationCategory.Medication));
        var kommune = await app.UserAsync(Municipality);
        await app.WithDeviationsAsync(async s => await s.SendAsync(kommune, sent, (await app.CaseAsync(sent))!.Version, new DeviationStepForm()));

        var filter = DeviationFilter.Empty with { Text = key, Category = DeviationCategory.Ict, Sort = "saksnummer", Descending = false };
        var listed = await app.WithDeviationsAsync(s => s.SearchAsync(kommune, filter, 0, 100));
        var exported = await app.WithDeviationsAsync(async s => await s.ExportAsync(kommune, filter).ToListAsync());
        listed.Rows.Select(r => r.Id).Should().Equal(exported.Select(r => r.Id)).And.Equal(open, sent);
        (await app.WithDeviationsAsync(s => s.SearchAsync(kommune, filter with { Status = DeviationStatus.SentToOtherParty }, 0, 100)))
            .Rows.Select(r => r.Id).Should().Equal(sent);

        var client = await app.LoggedInAsync(Municipality);
        var query = string.Join('&', filter.ToQuery().Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}"));
        var response = await client.GetAsync("/avvik/eksport.csv?" + query);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal([DeviationEndpoints.Header, .. exported.Select(DeviationEndpoints.Line)]);
        lines[1].Should().StartWith(exported[0].CaseNumber + ";" + key + " åpen;Askøy kommune;Helse Bergen HF;");

        var odd = await client.GetAsync("/avvik/eksport.csv?q=%00&fra=1800-01-01&status=99&part=x");
        odd.IsSuccessStatusCode.Should().BeTrue("odd input is ignored, never a 500");
    }
}
