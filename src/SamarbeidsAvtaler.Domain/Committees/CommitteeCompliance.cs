using static SamarbeidsAvtaler.Domain.Committees.CommitteeWords;

namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// How a body stands against R15–R20 (DOMAIN.md, seeds 001 and 004 § 5), for the committee panel. Pure: the
/// same snapshot, year and day give the same findings. Findings come in rule order: meetings (R16), leadership
/// (R17, R20, 004 § 5.5.3), composition (R18–R20), terms (R15), personal deputies (R19).
/// </summary>
public static partial class CommitteeCompliance
{
    /// <summary>A term ending within this many days from today is warned of (R15).</summary>
    public const int TermEndingSoonDays = 90;

    /// <param name="year">The calendar year whose meetings and leadership are checked.</param>
    /// <param name="today">The day whose members are counted (composition, deputies) and from which terms are measured.</param>
    public static IReadOnlyList<ComplianceFinding> Check(CommitteeSnapshot committee, int year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return
        [
            .. Meetings(committee, year, today),
            .. Leadership(committee, year),
            .. Composition(committee, today),
            .. Terms(committee, today),
            .. PersonalDeputies(committee, today),
        ];
    }

    /// <summary>R16: SSU meets at least 4 times a calendar year, the partnerskapsmøte at least once.</summary>
    private static IEnumerable<ComplianceFinding> Meetings(CommitteeSnapshot committee, int year, DateOnly today)
    {
        (int Minimum, string? Quote) rule = committee.Kind switch
        {
            CommitteeKind.StrategicCommittee => (4, SeedQuotes.SsuMeetings),
            CommitteeKind.PartnershipMeeting => (1, SeedQuotes.PartnershipMeetings),
            _ => (0, null),
        };
        if (rule.Minimum == 0)
        {
            yield break;
        }

        var held = committee.HeldMeetingDates.Count(d => d.Year == year);
        var period = year == today.Year ? "så langt i år" : $"i {year}";
        var title = $"Møter i {year}";
        var partnership = committee.Kind == CommitteeKind.PartnershipMeeting;
        if (held >= rule.Minimum)
        {
            var detail = partnership
                ? $"Partnerskapsmøtet er holdt {held} {(held == 1 ? "gang" : "ganger")} {period}."
                : $"{committee.Kind.Subject()} har holdt {held} møter {period} (minst {rule.Minimum} i året).";
            yield return new ComplianceFinding("R16", ComplianceLevel.Fulfilled, title, detail, rule.Quote);
        }
        else
        {
            // A year still running (or to come) may yet reach the count; a past year cannot.
            var level = year < today.Year ? ComplianceLevel.Breach : ComplianceLevel.Warning;
            var detail = partnership
                ? $"Partnerskapsmøtet er ikke holdt {period}. Det skal holdes minst én gang i året."
                : $"{committee.Kind.Subject()} har holdt {held} av minst {rule.Minimum} møter {period}.";
            yield return new ComplianceFinding("R16", level, title, detail, rule.Quote);
        }
    }

    /// <summary>R17, R20 and 004 § 5.5.3: who leads the body in <paramref name="year"/>, and whether it alternates.</summary>
    private static IEnumerable<ComplianceFinding> Leadership(CommitteeSnapshot committee, int year)
    {
        var current = committee.Leadership.FirstOrDefault(l => l.Year == year);
        var previous = committee.Leadership.FirstOrDefault(l => l.Year == year - 1);
        switch (committee.Kind)
        {
            case CommitteeKind.StrategicCommittee:
                yield return ChairAndDeputyFromEachSide("R17", SeedQuotes.SsuLeadership, current, year);

                // «Leiinga alternerer annakvart år mellom kommunane og spesialisthelsetenesta»: read as the chair
                // passing to the other side every year (kommunene one year, spesialisthelsetjenesten the next),
                // not as two-year spells. Checked only when both years' chairs are recorded.
                if (current?.ChairSide is not null && previous?.ChairSide is not null)
                {
                    yield return Alternation("Ledervervet", "Ledervervet", SeedQuotes.SsuLeadership, current.ChairSide, previous.ChairSide, year);
                }

                break;

            case CommitteeKind.PartnershipMeeting:
                // «Vertskap og møteleiing alternerer annakvart år»: the same reading, host and chair each switch every year.
                yield return Alternation("Vertskap", "Vertskapet", SeedQuotes.PartnershipHostAndChair, current?.HostSide, previous?.HostSide, year);
                yield return Alternation("Møteledelse", "Møteledelsen", SeedQuotes.PartnershipHostAndChair, current?.ChairSide, previous?.ChairSide, year);
                break;

            case CommitteeKind.AreaCommittee:
                yield return AreaLeadership(current, year);
                break;

            case CommitteeKind.Secretariat:
                // «leiast i fellesskap av 1 representant frå Helse Bergen og 1 kommunal representant»: one from each side.
                yield return ChairAndDeputyFromEachSide("004 § 5.5.3", SeedQuotes.SecretariatLeadership, current, year);
                break;
        }
    }

    private static ComplianceFinding ChairAndDeputyFromEachSide(string rule, string quote, LeadershipYear? current, int year)
    {
        var title = $"Leder og nestleder {year}";
        var (chair, deputy) = (current?.ChairSide, current?.DeputyChairSide);
        if (chair is { } c && deputy is { } d)
        {
            return c == d
                ? new ComplianceFinding(rule, ComplianceLevel.Breach, title,
                    $"Leder og nestleder i {year} er begge fra {c.InSentence()}. De skal representere hver sin side.", quote)
                : new ComplianceFinding(rule, ComplianceLevel.Fulfilled, title,
                    $"Leder er fra {c.InSentence()} og nestleder fra {d.InSentence()} i {year}.", quote);
        }

        return new ComplianceFinding(rule, ComplianceLevel.Warning, title, NotRecorded(chair, deputy, year), quote);
    }

    private static ComplianceFinding AreaLeadership(LeadershipYear? current, int year)
    {
        var title = $"Leder og nestleder {year}";
        var (chair, deputy) = (current?.ChairSide, current?.DeputyChairSide);
        var wrong = new List<string>();
        if (chair is { } c && c != CommitteeSide.Municipal)
        {
            wrong.Add($"lederen fra {c.InSentence()}");
        }

        if (deputy is { } d && d != CommitteeSide.SpecialistService)
        {
            wrong.Add($"nestlederen fra {d.InSentence()}");
        }

        if (wrong.Count > 0)
        {
            return new ComplianceFinding("R20", ComplianceLevel.Breach, title,
                $"Områdeutvalget skal ha leder fra kommunene og nestleder fra spesialisthelsetjenesten, men i {year} er {string.Join(" og ", wrong)}.",
                SeedQuotes.AreaLeadership);
        }

        return chair is null || deputy is null
            ? new ComplianceFinding("R20", ComplianceLevel.Warning, title, NotRecorded(chair, deputy, year), SeedQuotes.AreaLeadership)
            : new ComplianceFinding("R20", ComplianceLevel.Fulfilled, title,
                $"Leder er fra kommunene og nestleder fra spesialisthelsetjenesten i {year}.", SeedQuotes.AreaLeadership);
    }

    private static string NotRecorded(CommitteeSide? chair, CommitteeSide? deputy, int year) => (chair, deputy) switch
    {
        (null, null) => $"Leder og nestleder for {year} er ikke registrert.",
        (null, _) => $"Leder for {year} er ikke registrert.",
        _ => $"Nestleder for {year} er ikke registrert.",
    };

    /// <summary>R17: a side that leads (or hosts) one year hands over to the other side the next.</summary>
    private static ComplianceFinding Alternation(string title, string subject, string quote, CommitteeSide? now, CommitteeSide? before, int year)
    {
        title = $"{title} {year}";
        if (now is not { } side)
        {
            return new ComplianceFinding("R17", ComplianceLevel.Warning, title, $"{subject} for {year} er ikke registrert.", quote);
        }

        if (before is not { } earlier)
        {
            return new ComplianceFinding("R17", ComplianceLevel.Fulfilled, title,
                $"{subject} i {year} ligger hos {side.InSentence()}. Det er ikke registrert noe for {year - 1} å sammenligne med.", quote);
        }

        return side == earlier
            ? new ComplianceFinding("R17", ComplianceLevel.Breach, title,
                $"{subject} i {year} ligger hos {side.InSentence()}, som i {year - 1}. Det skal veksle hvert år mellom kommunene og spesialisthelsetjenesten.", quote)
            : new ComplianceFinding("R17", ComplianceLevel.Fulfilled, title,
                $"{subject} i {year} ligger hos {side.InSentence()}, etter {earlier.InSentence()} i {year - 1}.", quote);
    }

    /// <summary>
    /// R15: terms ending within <see cref="TermEndingSoonDays"/> days (unless the person already has the next term in the
    /// same role), and current or coming terms longer than the body's term or, for a fastlege, longer than 4 years.
    /// </summary>
    private static IEnumerable<ComplianceFinding> Terms(CommitteeSnapshot committee, DateOnly today)
    {
        var notEnded = committee.Members.Where(m => m.TermTo >= today).ToList();
        var bodyQuote = CommitteeTerms.BodyTermQuote(committee.Kind);
        var found = false;

        var endingSoon = notEnded
            .Where(m => m.TermTo <= today.AddDays(TermEndingSoonDays) && !HasNextTerm(committee, m))
            .OrderBy(m => m.TermTo).ThenBy(m => m.PersonName, StringComparer.Create(Norwegian.Culture, false))
            .ToList();
        if (endingSoon.Count > 0)
        {
            found = true;
            yield return new ComplianceFinding("R15", ComplianceLevel.Warning, "Perioder som snart går ut",
                $"{(endingSoon.Count == 1 ? "1 periode går" : $"{endingSoon.Count} perioder går")} ut innen {TermEndingSoonDays} dager: {NamesWithEnd(endingSoon)}.",
                bodyQuote);
        }

        var tooLong = notEnded
            .Select(m => (Member: m, Limit: CommitteeTerms.Limit(committee, m)))
            .Where(x => x.Limit is { } limit && CommitteeTerms.IsTooLong(x.Member, limit))
            .GroupBy(x => x.Limit!)
            .OrderBy(g => g.Key.IsGeneralPractitionerLimit);
        foreach (var group in tooLong)
        {
            found = true;
            var (limit, members) = (group.Key, group.Select(x => x.Member).OrderBy(m => m.TermFrom).ToList());
            yield return limit.IsGeneralPractitionerLimit
                ? new ComplianceFinding("R15", ComplianceLevel.Breach, $"Fastlege valgt for mer enn {limit.Years} år",
                    $"En fastlege kan velges for høyst {limit.Years} år om gangen: {NamesWithTerm(members)}.", limit.Quote)
                : new ComplianceFinding("R15", ComplianceLevel.Breach, $"Periode lengre enn {limit.Years} år",
                    $"Medlemmene velges for høyst {limit.Years} år om gangen: {NamesWithTerm(members)}.", limit.Quote);
        }

        if (!found)
        {
            var longest = committee.TermYears > 0 ? $"Ingen perioder er lengre enn {committee.TermYears} år, og ingen" : "Ingen perioder";
            yield return new ComplianceFinding("R15", ComplianceLevel.Fulfilled, "Periodene følger avtalen",
                $"{longest} går ut de neste {TermEndingSoonDays} dagene.", bodyQuote);
        }
    }

    /// <summary>Whether the person already holds the same role in the body from the day after this term ends (or earlier).</summary>
    private static bool HasNextTerm(CommitteeSnapshot committee, MemberSnapshot member) =>
        committee.Members.Any(m => m.Id != member.Id && m.PersonId == member.PersonId && m.Role == member.Role
            && m.TermFrom <= member.TermTo.AddDays(1) && m.TermTo > member.TermTo);

    /// <summary>R19: «Det skal utpeikast personlege vararepresentantar», one deputy for every voting member in office today.</summary>
    private static IEnumerable<ComplianceFinding> PersonalDeputies(CommitteeSnapshot committee, DateOnly today)
    {
        if (!committee.RequiresPersonalDeputies)
        {
            yield break;
        }

        var active = committee.Members.Where(m => m.IsActiveOn(today)).ToList();
        var voting = active.Where(m => m.Role.IsVoting()).ToList();
        var missing = voting
            .Where(v => !active.Any(d => d.Role == MemberRole.Deputy && d.DeputyForMemberId == v.Id))
            .OrderBy(m => m.PersonName, StringComparer.Create(Norwegian.Culture, false))
            .ToList();
        var rule = committee.Kind.CompositionRule();
        yield return missing.Count > 0
            ? new ComplianceFinding(rule, ComplianceLevel.Breach, "Personlige vararepresentanter",
                $"Mangler personlig vararepresentant: {Names(missing)}.", SeedQuotes.PersonalDeputies)
            : new ComplianceFinding(rule, ComplianceLevel.Fulfilled, "Personlige vararepresentanter",
                $"Alle {voting.Count} stemmeberettigede medlemmer har personlig vararepresentant.", SeedQuotes.PersonalDeputies);
    }
}
