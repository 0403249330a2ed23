using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>The claim aggregate of R21: a draft computes live, finalising freezes every line, a finalised claim does not change.</summary>
public sealed class FeeClaimTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly FeeRate[] Rates880 = [new(new DateOnly(2020, 1, 1), 880m)];
    private static readonly DateOnly Day = new(2027, 3, 10);

    private static FeeClaim Claim() => FeeClaim.Create(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), Now);

    private static FeeActivityDetails Activity(FeeActivityKind kind, int fromHour, int toHour, bool inside, int? multiplier = null) =>
        new(kind, Day.ToDateTime(new TimeOnly(fromHour, 0)), Day.ToDateTime(new TimeOnly(toHour, 0)), inside, multiplier, null);

    [Fact]
    public void R21_finalising_freezes_rate_multiplier_half_hours_and_amount_so_a_later_rate_leaves_it_as_it_was()
    {
        var claim = Claim();
        claim.AddActivity(Activity(FeeActivityKind.Meeting, 10, 12, inside: true), Now);
        claim.AddActivity(Activity(FeeActivityKind.CasePreparation, 19, 20, inside: false), Now);

        claim.Finalise(GpEmployment.SelfEmployed, Rates880, new DateOnly(2027, 4, 1));

        claim.Status.Should().Be(FeeClaimStatus.Finalised);
        claim.FinalisedOn.Should().Be(new DateOnly(2027, 4, 1));
        var meeting = claim.OrderedActivities()[0];
        (meeting.FrozenHourlyRate, meeting.FrozenMultiplier, meeting.FrozenStartedHalfHours, meeting.FrozenAmount).Should().Be((880m, 2, 4, 3520m));
        claim.FrozenTotal.Should().Be(3520m + 880m);

        FeeRate[] later = [.. Rates880, new(new DateOnly(2027, 1, 1), 1000m)];
        claim.Calculate(GpEmployment.SelfEmployed, later).Total.Should().Be(4000m + 1000m, "a live calculation would use the new rate");
        claim.FrozenTotal.Should().Be(4400m, "the finalised claim keeps what it was finalised with");
    }

    [Fact]
    public void R21_a_draft_may_leave_the_multiplier_open_but_cannot_be_finalised_until_it_is_chosen()
    {
        var claim = Claim();
        var evening = claim.AddActivity(Activity(FeeActivityKind.PreparatoryMeeting, 18, 19, inside: false), Now);

        var refused = FluentActions.Invoking(() => claim.Finalise(GpEmployment.SelfEmployed, Rates880, Day)).Should()
            .Throw<DomainValidationException>().Which.Errors;
        refused.Should().ContainSingle(e => e.Field == "Activities[0].ChosenMultiplier");
        claim.IsDraft.Should().BeTrue();

        claim.UpdateActivity(evening.Id, Activity(FeeActivityKind.PreparatoryMeeting, 18, 19, inside: false, multiplier: 2));
        claim.Finalise(GpEmployment.SelfEmployed, Rates880, Day);
        claim.FrozenTotal.Should().Be(1760m);
    }

    [Fact]
    public void A_multiplier_is_kept_only_where_the_seed_sets_no_rate()
    {
        var claim = Claim();

        var travel = claim.AddActivity(Activity(FeeActivityKind.Travel, 8, 9, inside: false, multiplier: 2), Now);

        travel.ChosenMultiplier.Should().BeNull("travel outside office hours is the rate per hour, whatever was chosen");
        claim.Calculate(GpEmployment.SelfEmployed, Rates880).Total.Should().Be(880m);
    }

    [Fact]
    public void An_activity_outside_the_period_or_with_an_end_before_its_start_is_refused()
    {
        var claim = Claim();

        FluentActions.Invoking(() => claim.AddActivity(Activity(FeeActivityKind.Meeting, 10, 12, true) with
        { Start = new DateTime(2027, 4, 1, 10, 0, 0), End = new DateTime(2027, 4, 1, 11, 0, 0) }, Now))
            .Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == "StartDate");
        FluentActions.Invoking(() => claim.AddActivity(Activity(FeeActivityKind.Meeting, 12, 10, true), Now))
            .Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Message == "Slutt må være etter start.");
        claim.Activities.Should().BeEmpty();
    }

    [Fact]
    public void A_finalised_claim_refuses_every_change()
    {
        var claim = Claim();
        var line = claim.AddActivity(Activity(FeeActivityKind.Meeting, 10, 12, true), Now);
        claim.Finalise(GpEmployment.SelfEmployed, Rates880, Day);

        FluentActions.Invoking(() => claim.AddActivity(Activity(FeeActivityKind.Travel, 8, 9, true), Now)).Should().Throw<CommitteeRuleException>()
            .WithMessage(FeeClaim.FinalisedRefusal);
        FluentActions.Invoking(() => claim.RemoveActivity(line.Id)).Should().Throw<CommitteeRuleException>();
        FluentActions.Invoking(() => claim.Finalise(GpEmployment.SelfEmployed, Rates880, Day)).Should().Throw<CommitteeRuleException>();
        FluentActions.Invoking(() => claim.ChangeHeader(Guid.NewGuid(), Day, Day)).Should().Throw<CommitteeRuleException>();
    }

    [Fact]
    public void R21_a_salaried_fastlege_gets_no_fee_computed_and_the_claim_cannot_be_finalised()
    {
        var claim = Claim();
        claim.AddActivity(Activity(FeeActivityKind.Meeting, 10, 12, true), Now);

        claim.Calculate(GpEmployment.Salaried, Rates880).Total.Should().Be(0m);
        FluentActions.Invoking(() => claim.Finalise(GpEmployment.Salaried, Rates880, Day)).Should().Throw<DomainValidationException>()
            .Which.Errors.Should().ContainSingle(e => e.Message.Contains("fastlønnet"));
    }
}
