using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Committees.Fees;

public enum FeeClaimStatus
{
    Draft = 1,
    Finalised = 2,
}

/// <summary>
/// A fastlege representative's claim for the fee of R21 for a period, to the kommune that pays (seed 001:
/// «Kommunene honorere fastelegerepresentantene»). A draft is computed live from the dated rates; finalising
/// freezes rate, multiplier, started half hours and amount on every line, so a later rate change leaves it as it was.
/// </summary>
public class FeeClaim : IAudited
{
    public const string FinalisedRefusal = "Kravet er fullført og kan ikke endres.";

    private readonly List<FeeClaimActivity> _activities = [];

    private FeeClaim()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The fastlege (a person with <see cref="GpEmployment"/>).</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The kommune that pays (a Municipality party).</summary>
    public Guid PayingMunicipalityPartyId { get; private set; }

    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public FeeClaimStatus Status { get; private set; } = FeeClaimStatus.Draft;
    public DateOnly? FinalisedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<FeeClaimActivity> Activities => _activities;

    public bool IsDraft => Status == FeeClaimStatus.Draft;

    string IAudited.AuditKey => Id.ToString();

    public static FeeClaim Create(Guid personId, Guid payingMunicipalityPartyId, DateOnly periodFrom, DateOnly periodTo, DateTimeOffset now)
    {
        var claim = new FeeClaim { Id = Guid.CreateVersion7(now), PersonId = personId, CreatedAt = now };
        claim.SetHeader(payingMunicipalityPartyId, periodFrom, periodTo);
        return claim;
    }

    /// <summary>Changes the kommune and the period of a draft; activities outside the new period stop it from being finalised.</summary>
    public void ChangeHeader(Guid payingMunicipalityPartyId, DateOnly periodFrom, DateOnly periodTo)
    {
        EnsureDraft();
        SetHeader(payingMunicipalityPartyId, periodFrom, periodTo);
    }

    /// <summary>The activities in the order of the claim's lines: by start, then as they were added.</summary>
    public IReadOnlyList<FeeClaimActivity> OrderedActivities() =>
        [.. _activities.OrderBy(a => a.StartsAt).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)];

    public FeeClaimActivity AddActivity(FeeActivityDetails details, DateTimeOffset now)
    {
        EnsureDraft();
        var activity = FeeClaimActivity.Create(Id, Check(details), now);
        _activities.Add(activity);
        return activity;
    }

    public void UpdateActivity(Guid activityId, FeeActivityDetails details)
    {
        EnsureDraft();
        Find(activityId).Update(Check(details));
    }

    public void RemoveActivity(Guid activityId)
    {
        EnsureDraft();
        _activities.Remove(Find(activityId));
    }

    /// <summary>The live calculation of the lines, in <see cref="OrderedActivities"/> order.</summary>
    public FeeCalculation Calculate(GpEmployment? employment, IReadOnlyList<FeeRate> rates) =>
        FeeCalculator.Calculate(employment ?? default, [.. OrderedActivities().Select(a => a.ToActivity())], rates);

    /// <summary>Everything that stops the claim from being finalised now; empty when it can be.</summary>
    public IReadOnlyList<FieldError> FinaliseProblems(GpEmployment? employment, IReadOnlyList<FeeRate> rates) =>
        FeeClaimRules.ValidateForFinalising(PeriodFrom, PeriodTo, Calculate(employment, rates));

    /// <summary>Freezes every line's rate, multiplier, started half hours and amount; refused while anything is missing.</summary>
    public void Finalise(GpEmployment? employment, IReadOnlyList<FeeRate> rates, DateOnly today)
    {
        EnsureDraft();
        var calculation = Calculate(employment, rates);
        var problems = FeeClaimRules.ValidateForFinalising(PeriodFrom, PeriodTo, calculation);
        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        var ordered = OrderedActivities();
        foreach (var line in calculation.Lines)
        {
            ordered[line.Index].Freeze(line.Rate!, line.Multiplier!.Value, line.StartedHalfHours!.Value, line.Amount!.Value);
        }

        Status = FeeClaimStatus.Finalised;
        FinalisedOn = today;
    }

    /// <summary>The total of a finalised claim, from the frozen amounts.</summary>
    public decimal FrozenTotal => _activities.Sum(a => a.FrozenAmount ?? 0m);

    public static IReadOnlyList<FieldError> ValidateHeader(DateOnly periodFrom, DateOnly periodTo, Guid payingMunicipalityPartyId)
    {
        var errors = FeeClaimRules.ValidatePeriod(periodFrom, periodTo)
            .Select(e => e with { Field = e.Field == "From" ? nameof(PeriodFrom) : nameof(PeriodTo) })
            .ToList();
        if (payingMunicipalityPartyId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(PayingMunicipalityPartyId), "Velg kommunen som betaler."));
        }

        if (errors.Count == 0 && periodTo.DayNumber - periodFrom.DayNumber > 366)
        {
            errors.Add(new FieldError(nameof(PeriodTo), "Et krav kan gjelde høyst ett år. Del det opp i flere krav."));
        }

        return errors;
    }

    private void SetHeader(Guid payingMunicipalityPartyId, DateOnly periodFrom, DateOnly periodTo)
    {
        var errors = ValidateHeader(periodFrom, periodTo, payingMunicipalityPartyId);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        PayingMunicipalityPartyId = payingMunicipalityPartyId;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
    }

    private FeeActivityDetails Check(FeeActivityDetails details)
    {
        var normalised = details.Normalised();
        var errors = new List<FieldError>(normalised.Validate());
        if (errors.Count == 0 && (normalised.StartDate < PeriodFrom || normalised.StartDate > PeriodTo))
        {
            errors.Add(new FieldError(nameof(FeeActivityDetails.StartDate),
                $"Aktiviteten starter {Norwegian.Date(normalised.StartDate)}, utenfor kravets periode {Norwegian.Date(PeriodFrom)}–{Norwegian.Date(PeriodTo)}."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return normalised;
    }

    private FeeClaimActivity Find(Guid activityId) =>
        _activities.FirstOrDefault(a => a.Id == activityId) ?? throw new CommitteeRuleException("Aktiviteten finnes ikke lenger i kravet. Last siden på nytt.");

    private void EnsureDraft()
    {
        if (!IsDraft)
        {
            throw new CommitteeRuleException(FinalisedRefusal);
        }
    }
}

/// <summary>
/// What the user gives for one activity. ChosenMultiplier is kept only where seed 001 sets no rate (a meeting
/// or formøte outside office hours); it may be left open in a draft, which then cannot be finalised.
/// </summary>
public sealed record FeeActivityDetails(
    FeeActivityKind Kind,
    DateTime Start,
    DateTime End,
    bool InsideOfficeHours,
    int? ChosenMultiplier,
    string? Description,
    Guid? MeetingId = null)
{
    public DateOnly StartDate => DateOnly.FromDateTime(Start);

    public FeeActivity ToActivity() => new(Kind, Start, End, InsideOfficeHours, ChosenMultiplier, Description);

    /// <summary>Wall-clock times, a trimmed description, and no multiplier where the seed fixes the rate.</summary>
    public FeeActivityDetails Normalised() => this with
    {
        Start = DateTime.SpecifyKind(Start, DateTimeKind.Unspecified),
        End = DateTime.SpecifyKind(End, DateTimeKind.Unspecified),
        ChosenMultiplier = FeeCalculator.MustChooseMultiplier(Kind, InsideOfficeHours) ? ChosenMultiplier : null,
        Description = TextRules.Clean(Description),
    };

    /// <summary>The activity's rules for saving it in a draft: all of <see cref="FeeActivity.Validate"/> but an open multiplier choice.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = ToActivity().Validate()
            .Where(e => !(e.Field == nameof(FeeActivity.ChosenMultiplier) && ChosenMultiplier is null))
            .ToList();
        if (errors.All(e => e.Field != nameof(Description)))
        {
            TextRules.Check(errors, nameof(Description), "Beskrivelsen", Description, FeeActivity.DescriptionMaxLength, multiline: true);
        }

        return errors;
    }
}

/// <summary>
/// One activity of a claim. The Frozen… values are set when the claim is finalised and never change after;
/// a draft's line is computed live instead.
/// </summary>
public class FeeClaimActivity : IAudited
{
    private FeeClaimActivity()
    {
    }

    public Guid Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public FeeActivityKind Kind { get; private set; }

    /// <summary>Norwegian wall-clock time.</summary>
    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }
    public bool InsideOfficeHours { get; private set; }
    public int? ChosenMultiplier { get; private set; }
    public string? Description { get; private set; }

    /// <summary>The meeting the time was spent on, where there is one in the register.</summary>
    public Guid? MeetingId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly? FrozenRateValidFrom { get; private set; }
    public decimal? FrozenHourlyRate { get; private set; }
    public int? FrozenMultiplier { get; private set; }
    public int? FrozenStartedHalfHours { get; private set; }
    public decimal? FrozenAmount { get; private set; }

    // Filed under the claim, so the claim's history shows its lines' changes.
    string IAudited.AuditKey => ClaimId.ToString();

    public FeeActivity ToActivity() => new(Kind, StartsAt, EndsAt, InsideOfficeHours, ChosenMultiplier, Description);

    internal static FeeClaimActivity Create(Guid claimId, FeeActivityDetails details, DateTimeOffset now)
    {
        var activity = new FeeClaimActivity { Id = Guid.CreateVersion7(now), ClaimId = claimId, CreatedAt = now };
        activity.Update(details);
        return activity;
    }

    internal void Update(FeeActivityDetails details)
    {
        Kind = details.Kind;
        StartsAt = details.Start;
        EndsAt = details.End;
        InsideOfficeHours = details.InsideOfficeHours;
        ChosenMultiplier = details.ChosenMultiplier;
        Description = details.Description;
        MeetingId = details.MeetingId;
    }

    internal void Freeze(FeeRate rate, int multiplier, int startedHalfHours, decimal amount)
    {
        FrozenRateValidFrom = rate.ValidFrom;
        FrozenHourlyRate = rate.HourlyRate;
        FrozenMultiplier = multiplier;
        FrozenStartedHalfHours = startedHalfHours;
        FrozenAmount = amount;
    }
}
