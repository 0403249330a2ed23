using static SamarbeidsAvtaler.Domain.Committees.CommitteeWords;

namespace SamarbeidsAvtaler.Domain.Committees;

public static partial class CommitteeCompliance
{
    /// <summary>The observers SSU is expected to have (004 § 5.2.2); one missing is a warning, not a breach.</summary>
    private static readonly Representation[] SsuObservers =
    [
        Representation.Ks,
        Representation.EmployeeOrganisations,
        Representation.GeneralPractitioner,
        Representation.MunicipalChiefMedicalOfficer,
        Representation.Secretariat,
    ];

    /// <summary>The groups an områdeutval has exactly one of among its members (004 § 5.3.2); user representatives are per side.</summary>
    private static readonly (Representation Representation, string Quote)[] AreaSingleSeats =
    [
        (Representation.GeneralPractitioner, SeedQuotes.OneGeneralPractitioner),
        (Representation.MunicipalChiefMedicalOfficer, SeedQuotes.OneMunicipalChiefMedicalOfficer),
        (Representation.EmployeeOrganisations, SeedQuotes.OneFromEmployeeOrganisations),
    ];

    /// <summary>
    /// R18–R20: the voting members in office today against the body's seat quotas and the groups the seed counts.
    /// Only what is not met is listed; when everything is, one finding says so.
    /// </summary>
    private static IEnumerable<ComplianceFinding> Composition(CommitteeSnapshot committee, DateOnly today)
    {
        var active = committee.Members.Where(m => m.IsActiveOn(today) && m.Role != MemberRole.Deputy).ToList();
        var voting = active.Where(m => m.Role.IsVoting()).ToList();
        var kind = committee.Kind;

        List<ComplianceFinding> issues =
        [
            .. SeatQuotas(committee, voting),
            .. kind switch
            {
                CommitteeKind.StrategicCommittee => [.. UserRepresentativePerSide(kind, voting), .. MissingObservers(kind, active)],
                CommitteeKind.AreaCommittee => [.. ExactlyOneEach(kind, voting), .. UserRepresentativePerSide(kind, voting)],
                CommitteeKind.ProfessionalCommittee => ProfessionalCommitteeMembers(voting),
                _ => [],
            },
            .. UserAndGeneralPractitionerRepresentation(kind, active),
        ];

        if (issues.Count > 0)
        {
            return issues;
        }

        var detail = committee.Quotas.Count > 0
            ? $"{kind.Subject()} har {voting.Count} stemmeberettigede medlemmer fordelt slik avtalen sier, og representasjonen avtalen krever er på plass."
            : $"{kind.Subject()} har den representasjonen avtalen krever.";
        return [new ComplianceFinding(kind.CompositionRule(), ComplianceLevel.Fulfilled, "Sammensetningen følger avtalen", detail, null)];
    }

    /// <summary>Each <see cref="SeatQuota"/>: too few or too many voting members from its organisations is a breach.</summary>
    private static IEnumerable<ComplianceFinding> SeatQuotas(CommitteeSnapshot committee, List<MemberSnapshot> voting)
    {
        var rule = committee.Kind.CompositionRule();
        foreach (var quota in committee.Quotas)
        {
            var seated = voting.Where(m => m.CountsTowards(quota)).ToList();
            var quote = committee.Kind.SeatsQuote(quota.Side);
            if (seated.Count < quota.MinSeats)
            {
                yield return new ComplianceFinding(rule, ComplianceLevel.Breach, $"For få representanter: {quota.Label}",
                    $"{quota.Label} har {seated.Count} av minst {Representatives(quota.MinSeats)} blant de stemmeberettigede medlemmene.", quote);
            }
            else if (seated.Count > quota.MaxSeats)
            {
                yield return new ComplianceFinding(rule, ComplianceLevel.Breach, $"For mange representanter: {quota.Label}",
                    $"{quota.Label} har {Representatives(seated.Count)} ({Names(seated)}), men avtalen gir høyst {quota.MaxSeats}.", quote);
            }
        }
    }

    /// <summary>R19, R20: «2 brukarrepresentantar (1 frå kommunane og 1 frå spesialisthelsetenesta)» among the voting members.</summary>
    private static IEnumerable<ComplianceFinding> UserRepresentativePerSide(CommitteeKind kind, List<MemberSnapshot> voting)
    {
        foreach (var side in new[] { CommitteeSide.Municipal, CommitteeSide.SpecialistService })
        {
            var users = voting.Where(m => m.Representation == Representation.UserRepresentative && m.Side == side).ToList();
            if (users.Count == 0)
            {
                yield return new ComplianceFinding(kind.CompositionRule(), ComplianceLevel.Breach, $"Mangler brukerrepresentant fra {side.InSentence()}",
                    $"{kind.Subject()} skal ha 1 brukerrepresentant fra {side.InSentence()} blant medlemmene; det er ingen.", SeedQuotes.UserRepresentatives);
            }
            else if (users.Count > 1)
            {
                yield return new ComplianceFinding(kind.CompositionRule(), ComplianceLevel.Breach, $"Mer enn én brukerrepresentant fra {side.InSentence()}",
                    $"{kind.Subject()} skal ha 1 brukerrepresentant fra {side.InSentence()} blant medlemmene; det er {users.Count}: {Names(users)}.",
                    SeedQuotes.UserRepresentatives);
            }
        }
    }

    /// <summary>R20: 1 fastlege, 1 kommuneoverlege and 1 from hovudsamanslutningane among the voting members.</summary>
    private static IEnumerable<ComplianceFinding> ExactlyOneEach(CommitteeKind kind, List<MemberSnapshot> voting)
    {
        foreach (var (representation, quote) in AreaSingleSeats)
        {
            var holders = voting.Where(m => m.Representation == representation).ToList();
            if (holders.Count == 0)
            {
                yield return new ComplianceFinding("R20", ComplianceLevel.Breach, $"Mangler {representation.OneOf()}",
                    $"{kind.Subject()} skal ha 1 {representation.OneOf()} blant medlemmene; det er ingen.", quote);
            }
            else if (holders.Count > 1)
            {
                yield return new ComplianceFinding("R20", ComplianceLevel.Breach, $"Mer enn én {representation.OneOf()}",
                    $"{kind.Subject()} skal ha 1 {representation.OneOf()} blant medlemmene; det er {holders.Count}: {Names(holders)}.", quote);
            }
        }
    }

    /// <summary>R19: the observers with speaking and proposal rights SSU is expected to have; any role but deputy will do.</summary>
    private static IEnumerable<ComplianceFinding> MissingObservers(CommitteeKind kind, List<MemberSnapshot> active)
    {
        var missing = SsuObservers.Where(r => !active.Any(m => m.Representation == r)).ToList();
        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "observatør" : "observatører";
            yield return new ComplianceFinding("R19", ComplianceLevel.Warning, $"Mangler {noun}",
                $"{kind.Subject()} mangler {noun}: {string.Join(", ", missing.Select(r => r.OneOf()))}.", SeedQuotes.SsuObservers);
        }
    }

    /// <summary>R18: «Alle faglege samarbeidsutval skal minimum ha 1 fastlege og 1 brukarrepresentant», as members.</summary>
    private static IEnumerable<ComplianceFinding> ProfessionalCommitteeMembers(List<MemberSnapshot> voting)
    {
        foreach (var representation in new[] { Representation.GeneralPractitioner, Representation.UserRepresentative })
        {
            if (!voting.Any(m => m.Representation == representation))
            {
                yield return new ComplianceFinding("R18", ComplianceLevel.Breach, $"Mangler {representation.OneOf()}",
                    $"{CommitteeKind.ProfessionalCommittee.Subject()} skal ha minst 1 {representation.OneOf()} blant medlemmene; det er ingen.",
                    SeedQuotes.ProfessionalCommitteeMembers);
            }
        }
    }

    /// <summary>
    /// R18 for every samarbeidsorgan at the three levels of 004 § 5: user representation (any role but deputy) is
    /// required, fastlege representation "så langt det er mogleg" (a warning). SSU, områdeutval and faglege utval count
    /// both groups more strictly above, so this is left for the partnerskapsmøte. The samarbeidssekretariat (a
    /// coordinating organ whose composition 004 § 5.5.2 gives in full, without either group) and the RHF–legespesialist
    /// council (seed 000, outside the helsefellesskap) are not such bodies.
    /// </summary>
    private static IEnumerable<ComplianceFinding> UserAndGeneralPractitionerRepresentation(CommitteeKind kind, List<MemberSnapshot> active)
    {
        if (kind != CommitteeKind.PartnershipMeeting)
        {
            yield break;
        }

        if (!active.Any(m => m.Representation == Representation.UserRepresentative))
        {
            yield return new ComplianceFinding("R18", ComplianceLevel.Breach, "Mangler brukerrepresentant",
                $"{kind.Subject()} har ingen brukerrepresentant, verken som medlem eller observatør.", SeedQuotes.UserRepresentation);
        }

        if (!active.Any(m => m.Representation == Representation.GeneralPractitioner))
        {
            yield return new ComplianceFinding("R18", ComplianceLevel.Warning, "Mangler fastlege",
                $"{kind.Subject()} har ingen fastlege, verken som medlem eller observatør. Avtalen ber om fastlegerepresentasjon så langt det er mulig.",
                SeedQuotes.GeneralPractitionerRepresentation);
        }
    }
}
