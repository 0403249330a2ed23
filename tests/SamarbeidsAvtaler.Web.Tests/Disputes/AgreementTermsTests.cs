using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;
using static SamarbeidsAvtaler.Web.Tests.Disputes.DisputeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Disputes;

/// <summary>R26 and R23: the terms recorded on an agreement (discharge hours, whether dispute statements bind), by maintainers only.</summary>
[Collection(AppCollection.Name)]
public sealed class AgreementTermsTests(AppFactory app)
{
    private static AgreementTermsInput Hours(int wf, int wt, int hf, int ht, bool binding = false) => new()
    {
        HasDischargeHours = true,
        WeekdayFrom = TimeSpan.FromHours(wf),
        WeekdayTo = TimeSpan.FromHours(wt),
        HolidayFrom = TimeSpan.FromHours(hf),
        HolidayTo = TimeSpan.FromHours(ht),
        DisputeStatementsBinding = binding,
    };

    private async Task<CommandResult> SetAsync(string email, Guid id, AgreementTermsInput input, uint? version = null)
    {
        var user = await app.UserAsync(email);
        await using var scope = app.CreateScope();
        var current = version ?? (await scope.ServiceProvider.GetRequiredService<AgreementDetailService>().GetAsync(await app.UserAsync(Caseworker), id))!.Version;
        return await scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>().SetTermsAsync(user, id, input, current);
    }

    private async Task<Agreement> StoredAsync(Guid id)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task R26_a_maintainer_records_the_agreed_discharge_hours_and_R23_that_statements_bind_and_may_clear_the_hours()
    {
        var h = await app.HelsefellesskapAsync();
        var example = new AgreementTermsInput();
        example.UseSeedExample();
        example.DisputeStatementsBinding = true;

        (await SetAsync(Caseworker, h.Service, example)).Status.Should().Be(CommandStatus.Ok);

        var stored = await StoredAsync(h.Service);
        stored.DischargeHours.Should().Be(DischargeHours.SeedExample);
        stored.DischargeHours!.ToString().Should().Be("Hverdager 07–17, helg og helligdager 09–15");
        stored.DisputeStatementsBinding.Should().BeTrue();

        (await SetAsync(Administrator, h.Service, new AgreementTermsInput { HasDischargeHours = false })).Status.Should().Be(CommandStatus.Ok);
        stored = await StoredAsync(h.Service);
        stored.DischargeHours.Should().BeNull();
        stored.DisputeStatementsBinding.Should().BeFalse();
    }

    [Fact]
    public async Task R26_hours_that_end_before_they_begin_are_refused_beside_the_field_and_nothing_is_saved()
    {
        var h = await app.HelsefellesskapAsync();

        var wrong = await SetAsync(Caseworker, h.Service, Hours(17, 7, 15, 15, binding: true));

        wrong.Status.Should().Be(CommandStatus.Invalid);
        wrong.Errors.Select(e => e.Field).Should().BeEquivalentTo([nameof(AgreementTermsInput.WeekdayTo), nameof(AgreementTermsInput.HolidayTo)]);
        var missing = await SetAsync(Caseworker, h.Service, new AgreementTermsInput { HasDischargeHours = true, WeekdayFrom = TimeSpan.FromHours(7) });
        missing.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            [nameof(AgreementTermsInput.WeekdayTo), nameof(AgreementTermsInput.HolidayFrom), nameof(AgreementTermsInput.HolidayTo)]);
        var stored = await StoredAsync(h.Service);
        stored.DischargeHours.Should().BeNull();
        stored.DisputeStatementsBinding.Should().BeFalse();
    }

    [Fact]
    public async Task Only_caseworkers_and_administrators_record_terms_on_any_status_and_a_stale_version_is_a_conflict()
    {
        var h = await app.HelsefellesskapAsync();
        foreach (var email in new[] { Secretariat, Manager, Municipality, Specialist })
        {
            (await SetAsync(email, h.Service, Hours(7, 17, 9, 15))).Status.Should().Be(CommandStatus.Forbidden, email);
        }

        await using (var db = app.Database.CreateDbContext())
        {
            var kommune = await db.Parties.SingleAsync(p => p.Id == h.MunicipalityId);
            var trust = await db.Parties.SingleAsync(p => p.Id == h.TrustId);
            var draft = AgreementScenarios.MunicipalDraft(AgreementLevel.Service, kommune, trust, parent: h.Overarching, areas: [5]);
            db.Agreements.Add(draft);
            await db.SaveChangesAsync();
            (await SetAsync(Caseworker, draft.Id, Hours(8, 16, 10, 14))).Status.Should().Be(CommandStatus.Ok, "terms are recorded from the document on any status");
        }

        uint stale;
        await using (var scope = app.CreateScope())
        {
            stale = (await scope.ServiceProvider.GetRequiredService<AgreementDetailService>().GetAsync(await app.UserAsync(Caseworker), h.Service))!.Version;
        }

        (await SetAsync(Caseworker, h.Service, Hours(7, 17, 9, 15), stale)).Status.Should().Be(CommandStatus.Ok);
        (await SetAsync(Caseworker, h.Service, Hours(8, 16, 10, 14), stale)).Status.Should().Be(CommandStatus.Conflict);
        (await StoredAsync(h.Service)).DischargeHours.Should().Be(DischargeHours.SeedExample);
    }
}
