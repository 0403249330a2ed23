using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees.Fees;
using static SamarbeidsAvtaler.Web.Tests.Committees.Fees.FeeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Fees;

/// <summary>The fastlege fee (R21) at the service, on real PostgreSQL: access per role, the refusals, frozen amounts, conflicts.</summary>
[Collection(AppCollection.Name)]
public sealed class FeeServiceTests(AppFactory app)
{
    private static readonly DateOnly March = new(2027, 3, 1);
    private static readonly DateOnly MarchEnd = new(2027, 3, 31);
    private static readonly DateOnly Wednesday = new(2027, 3, 10);

    [Fact]
    public async Task Claims_are_kept_by_caseworker_and_secretariat_read_by_the_samhandlingssjef_and_hidden_from_specialist_and_outsiders()
    {
        var person = await app.FastlegeAsync();
        var claim = await app.ClaimAsync(person, March, MarchEnd);
        var version = (await app.ViewAsync(claim)).Version;

        (await app.ViewAsync(claim, Caseworker)).CanMaintain.Should().BeTrue();
        (await app.ViewAsync(claim, Administrator)).CanMaintain.Should().BeTrue();
        (await app.ViewAsync(claim, Secretariat)).CanMaintain.Should().BeTrue("the sekretariat keeps its own helsefellesskap's claims");

        var manager = await app.UserAsync(Manager);
        var read = await app.WithFeesAsync(s => s.GetClaimAsync(manager, claim));
        read.Should().NotBeNull("a samhandlingssjef of the helsefellesskap reads the claims");
        read!.CanMaintain.Should().BeFalse();
        (await app.WithFeesAsync(s => s.SaveActivityAsync(manager, claim, null, version,
            Activity(FeeActivityKind.Meeting, Wednesday, "10:00", "12:00", inside: true)))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.WithFeesAsync(s => s.CreateClaimAsync(manager, new NewClaimForm()))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.WithFeesAsync(s => s.AddRateAsync(manager, new FeeRateForm()))).Status.Should().Be(CommandStatus.Forbidden);
        (await app.WithFeesAsync(s => s.GetRatesAsync(manager)))!.CanMaintain.Should().BeFalse();

        var specialist = await app.UserAsync(Specialist);
        (await app.WithFeesAsync(s => s.GetClaimAsync(specialist, claim))).Should().BeNull();
        (await app.WithFeesAsync(s => s.SearchAsync(specialist, FeeClaimFilter.None, 0, 25))).Total.Should().Be(0);
        (await app.WithFeesAsync(s => s.GetRatesAsync(specialist))).Should().BeNull();
        (await app.WithFeesAsync(s => s.FinaliseAsync(specialist, claim, version))).Status.Should().Be(CommandStatus.NotFound);

        var outsider = await app.OutsiderAsync(Roles.CooperationManager);
        (await app.WithFeesAsync(s => s.GetClaimAsync(outsider, claim))).Should().BeNull();
        (await app.WithFeesAsync(s => s.SearchAsync(outsider, new FeeClaimFilter(person, null, null, null, null), 0, 25))).Total.Should().Be(0);

        var outsideSecretariat = await app.OutsiderAsync(Roles.Secretariat);
        (await app.WithFeesAsync(s => s.DeleteClaimAsync(outsideSecretariat, claim, version))).Status.Should().Be(CommandStatus.NotFound);
        (await app.WithFeesAsync(s => s.GetFastlegerAsync(outsideSecretariat))).Should().NotContain(f => f.Id == person);
        var refused = await app.WithFeesAsync(s => s.CreateClaimAsync(outsideSecretariat, NewClaim(person, Guid.NewGuid())));
        refused.Errors.Should().ContainSingle(e => e.Field == nameof(NewClaimForm.PersonId));
    }

    [Fact]
    public async Task R21_a_salaried_fastlege_gets_no_claim_with_the_domains_reason()
    {
        var person = await app.FastlegeAsync(GpEmployment.Salaried);
        var caseworker = await app.UserAsync(Caseworker);

        var voss = await app.VossAsync();
        var result = await app.WithFeesAsync(s => s.CreateClaimAsync(caseworker, NewClaim(person, voss)));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle().Which.Should().Be(new Domain.FieldError(nameof(NewClaimForm.PersonId), FeeService.SalariedMessage));
        FeeService.SalariedMessage.Should().Contain("fastlønnet").And.Contain("beregnes ingen godtgjøring");
        await using var db = app.Database.CreateDbContext();
        (await db.FeeClaims.AnyAsync(c => c.PersonId == person)).Should().BeFalse();
    }

    [Fact]
    public async Task A_person_who_is_no_fastlege_member_of_a_body_gets_no_claim()
    {
        var person = await app.FastlegeAsync(representation: Representation.UserRepresentative);
        var caseworker = await app.UserAsync(Caseworker);

        var voss = await app.VossAsync();
        var result = await app.WithFeesAsync(s => s.CreateClaimAsync(caseworker, NewClaim(person, voss)));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(NewClaimForm.PersonId) && e.Message.Contains("fastlegerepresentant"));
        (await app.WithFeesAsync(s => s.GetFastlegerAsync(caseworker))).Should().NotContain(f => f.Id == person);
    }

    [Fact]
    public async Task A_kommune_outside_the_helsefellesskap_cannot_pay()
    {
        var person = await app.FastlegeAsync();
        var caseworker = await app.UserAsync(Caseworker);
        await using var db = app.Database.CreateDbContext();
        var outside = await db.Parties.Where(p => p.Name == "Helse Sør-Øst RHF").Select(p => p.Id).SingleAsync();

        var result = await app.WithFeesAsync(s => s.CreateClaimAsync(caseworker, NewClaim(person, outside)));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(NewClaimForm.MunicipalityId));
        (await app.WithFeesAsync(s => s.GetMunicipalitiesForAsync(caseworker, person))).Options.Select(m => m.Name).Should().Contain("Voss herad").And.NotContain("Helse Sør-Øst RHF");
    }

    [Fact]
    public async Task R21_a_meeting_outside_office_hours_asks_for_the_multiplier_and_finalising_is_refused_until_it_is_chosen()
    {
        var claim = await app.ClaimAsync(await app.FastlegeAsync(), March, MarchEnd);
        await app.AddAsync(claim, Activity(FeeActivityKind.Meeting, Wednesday, "18:00", "20:00", inside: false));

        var view = await app.ViewAsync(claim);
        var line = view.Lines.Should().ContainSingle().Subject;
        line.NeedsMultiplier.Should().BeTrue();
        line.Amount.Should().BeNull("the product asks, it does not guess");
        line.StartedHalfHours.Should().Be(4);
        view.FinaliseProblems.Should().ContainSingle().Which.Should().Contain("velg om tiden skal honoreres med én eller to ganger honorarsatsen");

        var caseworker = await app.UserAsync(Caseworker);
        var refused = await app.WithFeesAsync(s => s.FinaliseAsync(caseworker, claim, view.Version));
        refused.Status.Should().Be(CommandStatus.Invalid);
        refused.Errors.Should().ContainSingle(e => e.Message.StartsWith("Linje 1: Møte utenfor kontortiden"));
        (await app.ViewAsync(claim)).Status.Should().Be(FeeClaimStatus.Draft);

        var chosen = await app.WithFeesAsync(s => s.ChooseMultiplierAsync(caseworker, claim, line.ActivityId, view.Version, 1));
        chosen.Status.Should().Be(CommandStatus.Ok);
        (await app.WithFeesAsync(s => s.FinaliseAsync(caseworker, claim, chosen.Value))).Status.Should().Be(CommandStatus.Ok);

        var done = await app.ViewAsync(claim);
        done.Status.Should().Be(FeeClaimStatus.Finalised);
        done.Lines.Single().Amount.Should().Be(1760m, "4 started half hours × 880 × 1 ÷ 2");
        done.CanMaintain.Should().BeFalse("a finalised claim is not changed");
        (await app.WithFeesAsync(s => s.SaveActivityAsync(caseworker, claim, null, done.Version,
            Activity(FeeActivityKind.CasePreparation, Wednesday, "08:00", "09:00", inside: false)))).Message.Should().Be(FeeClaim.FinalisedRefusal);
        (await app.WithFeesAsync(s => s.DeleteClaimAsync(caseworker, claim, done.Version))).Status.Should().Be(CommandStatus.Refused);
    }

    [Fact]
    public async Task R21_dated_rate_change_leaves_a_finalised_claim_as_it_was_and_changes_a_draft_from_its_date()
    {
        var person = await app.FastlegeAsync();
        var caseworker = await app.UserAsync(Caseworker);
        var day = new DateOnly(2031, 3, 4);
        var finalised = await app.ClaimAsync(person, new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31));
        var version = await app.AddAsync(finalised, Activity(FeeActivityKind.Meeting, day, "10:00", "12:00", inside: true));
        (await app.WithFeesAsync(s => s.FinaliseAsync(caseworker, finalised, version))).Status.Should().Be(CommandStatus.Ok);

        var added = await app.WithFeesAsync(s => s.AddRateAsync(caseworker,
            new FeeRateForm { ValidFrom = new DateTime(2031, 1, 1), HourlyRate = "1 000,00", Note = "Ny sats i rammeavtalen pkt. 12.5" }));
        added.Status.Should().Be(CommandStatus.Ok, string.Join(" ", added.Errors.Select(e => e.Message)));

        var frozen = await app.ViewAsync(finalised);
        frozen.Lines.Single().HourlyRate.Should().Be(880m);
        frozen.Lines.Single().Amount.Should().Be(3520m);
        frozen.Total.Should().Be(3520m);

        var draft = await app.ClaimAsync(person, new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31));
        await app.AddAsync(draft, Activity(FeeActivityKind.Meeting, day, "13:00", "15:00", inside: true));
        var live = await app.ViewAsync(draft);
        live.Lines.Single().HourlyRate.Should().Be(1000m);
        live.Total.Should().Be(4000m, "4 started half hours × 1 000 × 2 ÷ 2");

        // Before the new rate's date the old one still applies.
        var earlier = await app.ClaimAsync(person, new DateOnly(2030, 12, 1), new DateOnly(2030, 12, 31));
        await app.AddAsync(earlier, Activity(FeeActivityKind.Meeting, new DateOnly(2030, 12, 4), "10:00", "12:00", inside: true));
        (await app.ViewAsync(earlier)).Total.Should().Be(3520m);

        var rates = await app.WithFeesAsync(s => s.GetRatesAsync(caseworker));
        rates!.Rates.Select(r => r.HourlyRate).Should().Contain([880m, 1000m]);
        rates.Rates.Single(r => r.InForce).HourlyRate.Should().Be(880m, "the new rate applies from 2031");
    }

    [Fact]
    public async Task Concurrent_edits_of_a_claim_end_in_one_saved_and_one_conflict()
    {
        var claim = await app.ClaimAsync(await app.FastlegeAsync(), March, MarchEnd);
        var caseworker = await app.UserAsync(Caseworker);
        var secretariat = await app.UserAsync(Secretariat);
        var version = (await app.ViewAsync(claim)).Version;

        var results = await Task.WhenAll(
            app.WithFeesAsync(s => s.SaveActivityAsync(caseworker, claim, null, version, Activity(FeeActivityKind.Meeting, Wednesday, "10:00", "12:00", inside: true))),
            app.WithFeesAsync(s => s.SaveActivityAsync(secretariat, claim, null, version, Activity(FeeActivityKind.Travel, Wednesday, "08:00", "09:00", inside: true))));

        results.Select(r => r.Status).Should().BeEquivalentTo([CommandStatus.Ok, CommandStatus.Conflict]);
        results.Single(r => r.Status == CommandStatus.Conflict).Message.Should().Be(FeeService.ClaimConflict);
        (await app.ViewAsync(claim)).Lines.Should().ContainSingle();

        // A stale version after a save is a conflict too, for every kind of change.
        var stale = await app.WithFeesAsync(s => s.FinaliseAsync(caseworker, claim, version));
        stale.Status.Should().Be(CommandStatus.Conflict);
        (await app.WithFeesAsync(s => s.DeleteClaimAsync(caseworker, claim, version))).Status.Should().Be(CommandStatus.Conflict);
        (await app.ViewAsync(claim)).Status.Should().Be(FeeClaimStatus.Draft);
    }

    [Fact]
    public async Task Csv_of_a_claim_has_each_line_with_rate_multiplier_half_hours_and_amount_and_a_total()
    {
        var claim = await app.ClaimAsync(await app.FastlegeAsync(), March, MarchEnd);
        await app.AddAsync(claim, Activity(FeeActivityKind.Meeting, Wednesday, "10:00", "12:00", inside: true));
        await app.AddAsync(claim, Activity(FeeActivityKind.Travel, Wednesday, "12:00", "12:45", inside: false));

        var lines = FeeCsv.Lines([await app.ViewAsync(claim)]).ToList();

        lines[0].Should().Be("Fastlege;Kommune som betaler;Periode;Status;Dato;Aktivitet;Fra;Til;Innenfor kontortid;Sats (kr per time);Ganger sats;Påbegynte halvtimer;Beløp (kr)");
        lines[1].Should().EndWith(";Utkast;10.03.2027;Møte;10:00;12:00;Ja;880,00;2;4;3520,00");
        lines[2].Should().EndWith(";Utkast;10.03.2027;Reisetid;12:00;12:45;Nei;880,00;1;2;880,00");
        lines[3].Should().Be("Sum;;;;;;;;;;;;4400,00");
        lines.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("Description", "Møte\u0007", "10:00", "12:00", false, "kontrolltegn")]
    [InlineData("Date", null, "10:00", "12:00", false, "Dato må fylles ut")]
    [InlineData("EndTime", null, "12:00", "10:00", false, "Slutt må være etter start")]
    [InlineData("EndTime", null, "10:00", "10:30", true, "høyst 24 timer")]
    [InlineData("StartTime", null, "25:99", "12:00", false, "tt:mm")]
    [InlineData("StartTime", null, "1000000000000", "12:00", false, "tt:mm")]
    [InlineData("EndTime", null, "10:00", "", false, "Til må fylles ut")]
    public async Task Bad_activity_input_is_refused_beside_the_field_and_nothing_is_saved(string field, string? description, string from, string to,
        bool nextDay, string message)
    {
        var claim = await app.ClaimAsync(await app.FastlegeAsync(), March, MarchEnd);
        var caseworker = await app.UserAsync(Caseworker);
        var form = Activity(FeeActivityKind.Meeting, Wednesday, from, to, inside: true, description: description);
        form.EndsNextDay = nextDay;
        if (field == "Date")
        {
            form.Date = null;
        }

        var result = await app.WithFeesAsync(async s => await s.SaveActivityAsync(caseworker, claim, null, (await app.ViewAsync(claim)).Version, form));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == field && e.Message.Contains(message));
        (await app.ViewAsync(claim)).Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Dates_out_of_range_outside_the_period_and_the_same_hours_twice_are_refused()
    {
        var person = await app.FastlegeAsync();
        var claim = await app.ClaimAsync(person, March, MarchEnd);
        var caseworker = await app.UserAsync(Caseworker);
        async Task<CommandResult<uint>> Save(FeeActivityForm form) =>
            await app.WithFeesAsync(async s => await s.SaveActivityAsync(caseworker, claim, null, (await app.ViewAsync(claim)).Version, form));

        (await Save(Activity(FeeActivityKind.Meeting, new DateOnly(1, 1, 1), "10:00", "11:00", true))).Errors
            .Should().ContainSingle(e => e.Field == nameof(FeeActivityForm.Date) && e.Message.Contains("01.01.1900"));
        (await Save(Activity(FeeActivityKind.Meeting, new DateOnly(2027, 4, 2), "10:00", "11:00", true))).Errors
            .Should().ContainSingle(e => e.Field == nameof(FeeActivityForm.Date) && e.Message.Contains("utenfor kravets periode"));
        var multiplier = Activity(FeeActivityKind.Meeting, Wednesday, "18:00", "19:00", false, multiplier: 3);
        (await Save(multiplier)).Errors.Should().ContainSingle(e => e.Field == nameof(FeeActivityForm.ChosenMultiplier));

        await app.AddAsync(claim, Activity(FeeActivityKind.Meeting, Wednesday, "10:00", "12:00", true));
        var other = await app.ClaimAsync(person, March, MarchEnd);
        var version = (await app.ViewAsync(other)).Version;
        var twice = await app.WithFeesAsync(s => s.SaveActivityAsync(caseworker, other, null, version,
            Activity(FeeActivityKind.Travel, Wednesday, "11:30", "12:30", true)));
        twice.Errors.Should().ContainSingle(e => e.Field == nameof(FeeActivityForm.StartTime) && e.Message.Contains("kan ikke kreves to ganger"));
        (await app.ViewAsync(other)).Lines.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null, "2027-03-31", "PeriodFrom")]
    [InlineData("2027-03-31", "2027-03-01", "PeriodTo")]
    [InlineData("9999-01-01", "9999-01-31", "PeriodFrom")]
    [InlineData("2027-01-01", "2029-01-01", "PeriodTo")]
    public async Task Bad_claim_periods_are_refused(string? from, string? to, string field)
    {
        var caseworker = await app.UserAsync(Caseworker);
        var form = NewClaim(await app.FastlegeAsync(), await app.VossAsync());
        form.PeriodFrom = from is null ? null : DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        form.PeriodTo = to is null ? null : DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        var result = await app.WithFeesAsync(s => s.CreateClaimAsync(caseworker, form));

        result.Errors.Should().Contain(e => e.Field == field);
    }

    [Theory]
    [InlineData("2040-01-01", "88000", null, "HourlyRate")]
    [InlineData("2040-01-01", "abc", null, "HourlyRate")]
    [InlineData("2040-01-01", "0", null, "HourlyRate")]
    [InlineData("2040-01-01", "880,555", null, "HourlyRate")]
    [InlineData("2040-01-01", "880", "Merknad\u0000", "Note")]
    [InlineData("2020-01-01", "900", null, "ValidFrom")]
    [InlineData(null, "900", null, "ValidFrom")]
    public async Task Bad_rates_are_refused_beside_the_field(string? validFrom, string rate, string? note, string field)
    {
        var caseworker = await app.UserAsync(Caseworker);
        var form = new FeeRateForm
        {
            ValidFrom = validFrom is null ? null : DateTime.Parse(validFrom, System.Globalization.CultureInfo.InvariantCulture),
            HourlyRate = rate,
            Note = note,
        };

        var result = await app.WithFeesAsync(s => s.AddRateAsync(caseworker, form));

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == field);
    }

    [Fact]
    public async Task A_draft_is_deleted_with_its_lines_and_the_deletion_is_audited()
    {
        var claim = await app.ClaimAsync(await app.FastlegeAsync(), March, MarchEnd);
        var version = await app.AddAsync(claim, Activity(FeeActivityKind.CasePreparation, Wednesday, "19:00", "20:00", false));
        var secretariat = await app.UserAsync(Secretariat);

        (await app.WithFeesAsync(s => s.DeleteClaimAsync(secretariat, claim, version))).Status.Should().Be(CommandStatus.Ok);

        await using var db = app.Database.CreateDbContext();
        (await db.FeeClaims.AnyAsync(c => c.Id == claim)).Should().BeFalse();
        (await db.FeeClaimActivities.AnyAsync(a => a.ClaimId == claim)).Should().BeFalse();
        var key = claim.ToString();
        (await db.AuditEntries.Where(a => a.EntityId == key).Select(a => a.Action).ToListAsync())
            .Should().Contain([AuditActions.Created, AuditActions.Deleted]);
    }

    [Fact]
    public async Task The_register_filters_by_fastlege_status_and_period_and_pages_in_the_database()
    {
        var person = await app.FastlegeAsync();
        var caseworker = await app.UserAsync(Caseworker);
        var march = await app.ClaimAsync(person, March, MarchEnd);
        var april = await app.ClaimAsync(person, new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30));
        var version = await app.AddAsync(march, Activity(FeeActivityKind.Meeting, Wednesday, "10:00", "12:00", true));
        (await app.WithFeesAsync(s => s.FinaliseAsync(caseworker, march, version))).Status.Should().Be(CommandStatus.Ok);

        var mine = await app.WithFeesAsync(s => s.SearchAsync(caseworker, new FeeClaimFilter(person, null, null, null, null), 0, 25));
        mine.Rows.Select(r => r.Id).Should().Equal(april, march);
        mine.Rows.Single(r => r.Id == march).Total.Should().Be(3520m);

        var finalised = await app.WithFeesAsync(s => s.SearchAsync(caseworker, new FeeClaimFilter(person, null, null, null, FeeClaimStatus.Finalised), 0, 25));
        finalised.Rows.Select(r => r.Id).Should().Equal(march);

        var voss = await app.VossAsync();
        var inApril = await app.WithFeesAsync(s => s.SearchAsync(caseworker,
            new FeeClaimFilter(person, voss, new DateOnly(2027, 4, 10), new DateOnly(2027, 5, 10), null), 0, 25));
        inApril.Rows.Select(r => r.Id).Should().Equal(april);

        var second = await app.WithFeesAsync(s => s.SearchAsync(caseworker, new FeeClaimFilter(person, null, null, null, null), 1, 1));
        second.Total.Should().Be(2);
        second.Rows.Select(r => r.Id).Should().Equal(march);
    }

    [Fact]
    public async Task An_activity_links_to_a_meeting_of_a_body_the_fastlege_sits_in_and_to_no_other()
    {
        var person = await app.FastlegeAsync();
        var stranger = await app.FastlegeAsync();
        Guid own, other;
        await using (var db = app.Database.CreateDbContext())
        {
            var committee = await db.CommitteeMembers.Where(m => m.PersonId == person).Select(m => m.CommitteeId).SingleAsync();
            var otherCommittee = await db.CommitteeMembers.Where(m => m.PersonId == stranger).Select(m => m.CommitteeId).SingleAsync();
            var meeting = Meeting.Plan(committee, new MeetingDetails(Wednesday, new TimeOnly(10, 0), new TimeOnly(12, 0), "Voss sjukehus", false), DateTimeOffset.UtcNow);
            var elsewhere = Meeting.Plan(otherCommittee, new MeetingDetails(Wednesday, new TimeOnly(13, 0), new TimeOnly(14, 0), null, true), DateTimeOffset.UtcNow);
            db.Meetings.AddRange(meeting, elsewhere);
            await db.SaveChangesAsync();
            (own, other) = (meeting.Id, elsewhere.Id);
        }

        var claim = await app.ClaimAsync(person, March, MarchEnd);
        var view = await app.ViewAsync(claim);
        view.Meetings.Select(m => m.Id).Should().Equal(own);

        var caseworker = await app.UserAsync(Caseworker);
        var foreign = Activity(FeeActivityKind.Meeting, Wednesday, "13:00", "14:00", true);
        foreign.MeetingId = other;
        (await app.WithFeesAsync(s => s.SaveActivityAsync(caseworker, claim, null, view.Version, foreign))).Errors
            .Should().ContainSingle(e => e.Field == nameof(FeeActivityForm.MeetingId));

        var linked = Activity(FeeActivityKind.Meeting, Wednesday, "10:00", "12:00", true);
        linked.MeetingId = own;
        await app.AddAsync(claim, linked);
        (await app.ViewAsync(claim)).Lines.Single().MeetingLabel.Should().StartWith("Testutval honorar").And.EndWith("10.03.2027");
    }

    private static NewClaimForm NewClaim(Guid person, Guid municipality) => new()
    {
        PersonId = person,
        MunicipalityId = municipality,
        PeriodFrom = March.ToDateTime(TimeOnly.MinValue),
        PeriodTo = MarchEnd.ToDateTime(TimeOnly.MinValue),
    };
}
