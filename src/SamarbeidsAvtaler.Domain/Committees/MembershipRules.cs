using static SamarbeidsAvtaler.Domain.Committees.CommitteeWords;

namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// What is refused when a membership is saved (R15, R19, R20). Where the seed counts, exceeding the count is
/// refused; falling short never is, since a body is composed one member at a time (<see cref="CommitteeCompliance"/>
/// shows it instead).
/// </summary>
public static class MembershipRules
{
    /// <param name="candidate">A new membership, or an edit of an existing one (same Id, which is then left out of every count).</param>
    /// <param name="ignored">
    /// How the fastlege works. Not used: a self-employed and a salaried fastlege are held to the same 4 years (001);
    /// the difference matters only for the fee (R21).
    /// </param>
    public static IReadOnlyList<FieldError> Validate(CommitteeSnapshot committee, MemberSnapshot candidate, GpEmployment? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(candidate);

        var errors = new List<FieldError>();
        var others = committee.Members.Where(m => m.Id != candidate.Id).ToList();

        Choices(candidate, errors);
        var datesValid = Dates(candidate, errors);
        var alreadyMember = false;
        if (datesValid)
        {
            TermLength(committee, candidate, errors);
            alreadyMember = AlreadyMember(candidate, others, errors);
        }

        PersonalDeputy(candidate, others, datesValid, errors);

        // A person already in the body would be counted twice; that refusal says enough.
        if (datesValid && !alreadyMember && candidate.Role.IsVoting())
        {
            SeatQuotas(committee, candidate, others, errors);
            CountedGroups(committee.Kind, candidate, others, errors);
        }

        return errors;
    }

    private static void Choices(MemberSnapshot candidate, List<FieldError> errors)
    {
        if (candidate.PersonId == Guid.Empty)
        {
            errors.Add(new FieldError("PersonId", "Velg person."));
        }

        if (!Enum.IsDefined(candidate.Role))
        {
            errors.Add(new FieldError("Role", "Velg rolle."));
        }
        else if (candidate.Role is MemberRole.Chair or MemberRole.DeputyChair)
        {
            errors.Add(new FieldError("Role",
                "Leder og nestleder velges for ett år om gangen under ledelsen av utvalget, ikke som rolle i et medlemskap. Velg «Medlem»."));
        }

        if (candidate.Representation is { } representation && !Enum.IsDefined(representation))
        {
            errors.Add(new FieldError("Representation", "Velg hva medlemmet representerer."));
        }
    }

    private static bool Dates(MemberSnapshot candidate, List<FieldError> errors)
    {
        var count = errors.Count;
        if (!DateRules.InRange(candidate.TermFrom))
        {
            errors.Add(new FieldError("TermFrom", DateRules.OutOfRangeMessage("Periode fra")));
        }

        if (!DateRules.InRange(candidate.TermTo))
        {
            errors.Add(new FieldError("TermTo", DateRules.OutOfRangeMessage("Periode til")));
        }
        else if (candidate.TermTo < candidate.TermFrom)
        {
            errors.Add(new FieldError("TermTo", "Periode til kan ikke være før periode fra."));
        }

        return errors.Count == count;
    }

    /// <summary>R15: at most the body's term, and for a fastlege at most 4 years.</summary>
    private static void TermLength(CommitteeSnapshot committee, MemberSnapshot candidate, List<FieldError> errors)
    {
        if (CommitteeTerms.Limit(committee, candidate) is not { } limit || !CommitteeTerms.IsTooLong(candidate, limit))
        {
            return;
        }

        var message = (limit.IsGeneralPractitionerLimit, limit.Quote) switch
        {
            (true, var quote) => $"En fastlege kan velges for høyst {limit.Years} år om gangen (R15: «{quote}»).",
            (false, { } quote) => $"En periode kan være høyst {limit.Years} år (R15: «{quote}»).",
            (false, null) => $"En periode kan være høyst {limit.Years} år i dette utvalget (R15).",
        };
        errors.Add(new FieldError("TermTo", message));
    }

    /// <summary>A person holds one membership of a body at a time.</summary>
    private static bool AlreadyMember(MemberSnapshot candidate, List<MemberSnapshot> others, List<FieldError> errors)
    {
        if (candidate.PersonId != Guid.Empty && others.Any(m => m.PersonId == candidate.PersonId && m.Overlaps(candidate.TermFrom, candidate.TermTo)))
        {
            errors.Add(new FieldError("PersonId", "Personen er allerede medlem av utvalget i denne perioden."));
            return true;
        }

        return false;
    }

    /// <summary>R19: a deputy is the personal deputy of one voting member, and a member has one personal deputy at a time.</summary>
    private static void PersonalDeputy(MemberSnapshot candidate, List<MemberSnapshot> others, bool datesValid, List<FieldError> errors)
    {
        void Refuse(string message) => errors.Add(new FieldError("DeputyForMemberId", message));

        if (candidate.Role != MemberRole.Deputy)
        {
            if (candidate.DeputyForMemberId is not null)
            {
                Refuse("Bare en vararepresentant kan være personlig vara for et medlem.");
            }

            return;
        }

        if (candidate.DeputyForMemberId is not { } principalId)
        {
            Refuse("Velg hvilket medlem vararepresentanten er personlig vara for.");
            return;
        }

        var principal = others.FirstOrDefault(m => m.Id == principalId);
        if (principal is null || !principal.Role.IsVoting())
        {
            Refuse("En vararepresentant må være personlig vara for et stemmeberettiget medlem av det samme utvalget.");
        }
        else if (principal.PersonId == candidate.PersonId)
        {
            Refuse("En person kan ikke være vararepresentant for seg selv.");
        }
        else if (datesValid && !principal.Overlaps(candidate.TermFrom, candidate.TermTo))
        {
            Refuse($"{principal.PersonName} er ikke medlem av utvalget i perioden {Norwegian.Date(candidate.TermFrom)}–{Norwegian.Date(candidate.TermTo)}.");
        }
        else if (datesValid && others.FirstOrDefault(m => m.Role == MemberRole.Deputy && m.DeputyForMemberId == principalId
                     && m.Overlaps(candidate.TermFrom, candidate.TermTo)) is { } rival)
        {
            Refuse($"{principal.PersonName} har allerede personlig vararepresentant i perioden: {rival.PersonName} "
                + $"({Norwegian.Date(rival.TermFrom)}–{Norwegian.Date(rival.TermTo)}).");
        }
    }

    /// <summary>A voting member from a quota's organisations may not take it past its most seats on any day of the term.</summary>
    private static void SeatQuotas(CommitteeSnapshot committee, MemberSnapshot candidate, List<MemberSnapshot> others, List<FieldError> errors)
    {
        foreach (var quota in committee.Quotas.Where(candidate.CountsTowards))
        {
            var already = MostAtOnce(others.Where(m => m.CountsTowards(quota)), candidate.TermFrom, candidate.TermTo);
            if (already + 1 > quota.MaxSeats)
            {
                errors.Add(new FieldError("OrganisationPartyId",
                    $"{quota.Label} kan ha høyst {Representatives(quota.MaxSeats)} blant de stemmeberettigede medlemmene, "
                    + $"og har allerede {already} i perioden ({committee.Kind.CompositionRule()})."));
            }
        }
    }

    /// <summary>
    /// R19, R20: one user representative per side among the voting members of SSU and an områdeutval; an områdeutval
    /// also has one fastlege, one kommuneoverlege and one from hovudsamanslutningane.
    /// </summary>
    private static void CountedGroups(CommitteeKind kind, MemberSnapshot candidate, List<MemberSnapshot> others, List<FieldError> errors)
    {
        if (GroupOf(kind, candidate) is not { } group)
        {
            return;
        }

        var holders = others
            .Where(m => m.Role.IsVoting() && group.Includes(m) && m.Overlaps(candidate.TermFrom, candidate.TermTo))
            .ToList();
        if (holders.Count > 0)
        {
            errors.Add(new FieldError("Representation",
                $"{kind.Subject()} kan ha høyst {group.Description} blant medlemmene, og har allerede {Names(holders)} i perioden "
                + $"({kind.CompositionRule()}: «{group.Quote}»)."));
        }
    }

    /// <summary>The counted group the candidate would join, with the seed's count of it; null when the seed counts none.</summary>
    private static CountedGroup? GroupOf(CommitteeKind kind, MemberSnapshot candidate) => (kind, candidate.Representation) switch
    {
        (CommitteeKind.StrategicCommittee or CommitteeKind.AreaCommittee, Representation.UserRepresentative) => new CountedGroup(
            $"1 brukerrepresentant fra {candidate.Side.InSentence()}", SeedQuotes.UserRepresentatives,
            m => m.Representation == Representation.UserRepresentative && m.Side == candidate.Side),
        (CommitteeKind.AreaCommittee, Representation.GeneralPractitioner) => ExactlyOne(Representation.GeneralPractitioner, SeedQuotes.OneGeneralPractitioner),
        (CommitteeKind.AreaCommittee, Representation.MunicipalChiefMedicalOfficer) =>
            ExactlyOne(Representation.MunicipalChiefMedicalOfficer, SeedQuotes.OneMunicipalChiefMedicalOfficer),
        (CommitteeKind.AreaCommittee, Representation.EmployeeOrganisations) =>
            ExactlyOne(Representation.EmployeeOrganisations, SeedQuotes.OneFromEmployeeOrganisations),
        _ => null,
    };

    private static CountedGroup ExactlyOne(Representation representation, string quote) =>
        new($"1 {representation.OneOf()}", quote, m => m.Representation == representation);

    /// <summary>A group of which the body has at most one voting member at a time.</summary>
    private sealed record CountedGroup(string Description, string Quote, Func<MemberSnapshot, bool> Includes);
}
