namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>What a caseworker enters for an agreement; the kind decides which fields count.</summary>
public sealed record AgreementDetails(
    AgreementKind Kind,
    string Title,
    DocumentLanguage Language,
    DateOnly ValidFrom,
    DateOnly? ValidTo = null,
    DateOnly? NextReviewDate = null,
    int NoticePeriodMonths = AgreementDetails.DefaultNoticeMonths,
    AgreementLevel? Level = null,
    Guid? ParentAgreementId = null,
    bool? IsLegallyBinding = null,
    string? Replaces = null,
    string? MeetingFrequency = null,
    string? ContactRoutines = null,
    string? Compensation = null,
    PracticePosition? PracticePosition = null)
{
    /// <summary>Default notice for agreements other than kommune–HF, where the parties agree it themselves.</summary>
    public const int DefaultNoticeMonths = 6;

    /// <summary>The field errors of these details, entered on <paramref name="today"/>.</summary>
    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));

        if (!Enum.IsDefined(Kind))
        {
            Add(nameof(Kind), "Velg avtaletype.");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            Add(nameof(Title), "Tittel må fylles ut.");
        }
        else if (Title.Trim().Length > Agreement.TitleMaxLength)
        {
            Add(nameof(Title), $"Tittelen kan ha høyst {Agreement.TitleMaxLength} tegn.");
        }

        if (!Enum.IsDefined(Language))
        {
            Add(nameof(Language), "Velg målform for avtaleteksten.");
        }

        if (ValidFrom.Year < 2000)
        {
            Add(nameof(ValidFrom), "Gyldig fra må være en dato etter år 2000.");
        }
        else if (!DateRules.InRange(ValidFrom))
        {
            Add(nameof(ValidFrom), DateRules.OutOfRangeMessage("Gyldig fra"));
        }

        if (ValidTo is { } to && !DateRules.InRange(to))
        {
            Add(nameof(ValidTo), DateRules.OutOfRangeMessage("Gyldig til"));
        }
        else if (ValidTo is { } validTo && validTo < ValidFrom)
        {
            Add(nameof(ValidTo), "Gyldig til kan ikke være før gyldig fra.");
        }

        if (NextReviewDate is { } review && !DateRules.InRange(review))
        {
            Add(nameof(NextReviewDate), DateRules.OutOfRangeMessage("Neste gjennomgang"));
        }
        else if (NextReviewDate is { } next && Kind == AgreementKind.MunicipalCooperationAgreement
                 && next > ReviewRules.LatestNextReview(ValidFrom, today))
        {
            // R3: reviewed every year by 31 December: the next yearly review is at most next year's.
            Add(nameof(NextReviewDate),
                $"Neste årlige gjennomgang kan ikke settes senere enn {Norwegian.Date(ReviewRules.LatestNextReview(ValidFrom, today))}: avtalen gjennomgås innen 31. desember hvert år (R3).");
        }

        if (Kind != AgreementKind.MunicipalCooperationAgreement && NoticePeriodMonths is < 1 or > 24)
        {
            Add(nameof(NoticePeriodMonths), "Oppsigelsestiden må være mellom 1 og 24 måneder.");
        }

        foreach (var (field, value) in new[] { (nameof(Replaces), Replaces), (nameof(MeetingFrequency), MeetingFrequency), (nameof(ContactRoutines), ContactRoutines), (nameof(Compensation), Compensation) })
        {
            if (value is not null && value.Trim().Length > Agreement.TextMaxLength)
            {
                Add(field, Norwegian.Format($"Teksten kan ha høyst {Agreement.TextMaxLength:N0} tegn."));
            }
        }

        switch (Kind)
        {
            case AgreementKind.MunicipalCooperationAgreement:
                if (Level is null || !Enum.IsDefined(Level.Value))
                {
                    Add(nameof(Level), "Velg nivå: overordnet avtale, tjenesteavtale eller særavtale.");
                }
                else if (Level != AgreementLevel.Overarching && ParentAgreementId is null)
                {
                    // R4: level 2 and 3 hang under a level 1 (a level 3 may also hang under a level 2).
                    Add(nameof(ParentAgreementId), Level == AgreementLevel.Service
                        ? "En tjenesteavtale må høre under en overordnet samarbeidsavtale (R4)."
                        : "En særavtale må høre under en overordnet avtale eller en tjenesteavtale (R4).");
                }

                if (Level == AgreementLevel.Supplementary && IsLegallyBinding is null)
                {
                    Add(nameof(IsLegallyBinding), "En særavtale må si om den er rettslig bindende (R5).");
                }

                break;
            case AgreementKind.OperatingAgreement:
                if (PracticePosition is null)
                {
                    Add("PracticePosition.Specialty", "Hjemmelen må fylles ut.");
                }
                else
                {
                    errors.AddRange(PracticePosition.Validate().Select(e => e with { Field = "PracticePosition." + e.Field }));
                }

                break;
        }

        return errors;
    }
}

/// <summary>R3: review dates of the kommune–HF agreements.</summary>
public static class ReviewRules
{
    /// <summary>The yearly review is due by 31 December of the year (004).</summary>
    public static DateOnly AnnualReviewDeadline(DateOnly inYear) => new(inYear.Year, 12, 31);

    /// <summary>Revision every second year is recommended (003): two years after the version took effect.</summary>
    public static DateOnly RevisionDeadline(DateOnly versionValidFrom) => versionValidFrom.AddYears(2);

    /// <summary>
    /// The latest next-review date a caseworker may set when registering or editing: 31 December of
    /// the year after the one the agreement is in force in now (or comes into force): a yearly review
    /// is never put off by more than a year.
    /// </summary>
    public static DateOnly LatestNextReview(DateOnly validFrom, DateOnly today) =>
        AnnualReviewDeadline(validFrom > today ? validFrom : today).AddYears(1);
}

/// <summary>R4: the level an agreement may hang under.</summary>
public static class LevelRules
{
    public static bool MayHangUnder(AgreementLevel child, AgreementLevel parent) => (child, parent) switch
    {
        (AgreementLevel.Service, AgreementLevel.Overarching) => true,
        (AgreementLevel.Supplementary, AgreementLevel.Overarching or AgreementLevel.Service) => true,
        _ => false,
    };

    /// <summary>
    /// R4: why <paramref name="parent"/> cannot have an agreement of <paramref name="childLevel"/> under
    /// it, or null when it can: a kommune–HF agreement of a fitting level, signed and not ended.
    /// </summary>
    public static string? ParentProblem(AgreementLevel childLevel, Agreement parent)
    {
        if (parent.Kind != AgreementKind.MunicipalCooperationAgreement || parent.Level is not { } parentLevel)
        {
            return "Avtalen over må være en samarbeidsavtale kommune–HF.";
        }

        if (!MayHangUnder(childLevel, parentLevel))
        {
            return $"En {Norwegian.InSentence(childLevel.DisplayName())} kan ikke høre under en {Norwegian.InSentence(parentLevel.DisplayName())} (R4).";
        }

        return parent.Status is AgreementStatus.Signed or AgreementStatus.Active or AgreementStatus.UnderNotice
            ? null
            : $"Avtalen over må være signert og ikke avsluttet; «{parent.Title}» har status «{parent.Status.DisplayName()}» (R4).";
    }

    /// <summary>
    /// R4: the parties of a level 2 or 3 agreement that are not parties of its parent. A kommune counts
    /// as a party of the parent when it is one, or a member of a kommunegruppe that is; a kommunegruppe
    /// when it is one, or every member of it is covered.
    /// </summary>
    public static IReadOnlyList<Guid> PartiesOutsideParent(
        IEnumerable<Guid> childPartyIds, IReadOnlyCollection<Guid> parentPartyIds, IReadOnlyDictionary<Guid, IReadOnlyCollection<Guid>> groupMembers)
    {
        var covered = parentPartyIds.ToHashSet();
        foreach (var parentParty in parentPartyIds)
        {
            if (groupMembers.TryGetValue(parentParty, out var members))
            {
                covered.UnionWith(members);
            }
        }

        return childPartyIds
            .Where(id => !covered.Contains(id)
                && !(groupMembers.TryGetValue(id, out var members) && members.Count > 0 && members.All(covered.Contains)))
            .Distinct()
            .ToList();
    }

    /// <summary>On conflict the overarching agreement wins over the levels below it (004).</summary>
    public static AgreementLevel Prevailing(AgreementLevel a, AgreementLevel b) => (AgreementLevel)Math.Min((int)a, (int)b);
}
