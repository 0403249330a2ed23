namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// What is refused when a year's leader and deputy leader are saved (R17, R20, 004 § 5.5.3). Alternation from the
/// year before is not refused: it is shown by <see cref="CommitteeCompliance"/>.
/// </summary>
public static class LeadershipRules
{
    public const string ChairField = "ChairMemberId";
    public const string DeputyChairField = "DeputyChairMemberId";

    /// <param name="chair">The membership that leads the body in <paramref name="year"/>; null when not chosen (yet).</param>
    /// <param name="deputyChair">The membership that is deputy leader in <paramref name="year"/>; null when not chosen (yet).</param>
    public static IReadOnlyList<FieldError> Validate(CommitteeSnapshot committee, int year, MemberSnapshot? chair, MemberSnapshot? deputyChair)
    {
        ArgumentNullException.ThrowIfNull(committee);

        var errors = new List<FieldError>();
        if (year < DateRules.Earliest.Year || year > DateRules.Latest.Year)
        {
            errors.Add(new FieldError("Year", $"Året må være mellom {DateRules.Earliest.Year} og {DateRules.Latest.Year}."));
            return errors;
        }

        var chairValid = Holder(committee, year, chair, ChairField, "Lederen", errors);
        var deputyValid = Holder(committee, year, deputyChair, DeputyChairField, "Nestlederen", errors);
        if (chair is not null && deputyChair is not null && (chair.Id == deputyChair.Id || chair.PersonId == deputyChair.PersonId))
        {
            errors.Add(new FieldError(DeputyChairField, "Leder og nestleder må være to forskjellige personer."));
            return errors;
        }

        switch (committee.Kind)
        {
            case CommitteeKind.AreaCommittee:
                if (chairValid && chair is { Side: not CommitteeSide.Municipal })
                {
                    errors.Add(new FieldError(ChairField, $"Områdeutvalget skal ha leder fra kommunene (R20: «{SeedQuotes.AreaLeadership}»)."));
                }

                if (deputyValid && deputyChair is { Side: not CommitteeSide.SpecialistService })
                {
                    errors.Add(new FieldError(DeputyChairField,
                        $"Områdeutvalget skal ha nestleder fra spesialisthelsetjenesten (R20: «{SeedQuotes.AreaLeadership}»)."));
                }

                break;

            case CommitteeKind.StrategicCommittee when chairValid && deputyValid && chair?.Side == deputyChair?.Side:
                errors.Add(new FieldError(DeputyChairField,
                    "Leder og nestleder skal representere hver sin side, kommunene og spesialisthelsetjenesten "
                    + "(R17: «leiar og nestleiar skal representere dei to nivåa»)."));
                break;

            case CommitteeKind.Secretariat when chairValid && deputyValid && chair?.Side == deputyChair?.Side:
                errors.Add(new FieldError(DeputyChairField,
                    $"Sekretariatet ledes av én fra spesialisthelsetjenesten og én fra kommunene (004 § 5.5.3: «{SeedQuotes.SecretariatLeadership}»)."));
                break;
        }

        return errors;
    }

    /// <summary>A voting membership of this body in office on some day of the year.</summary>
    private static bool Holder(CommitteeSnapshot committee, int year, MemberSnapshot? holder, string field, string label, List<FieldError> errors)
    {
        if (holder is null)
        {
            return false;
        }

        var count = errors.Count;
        if (!committee.Members.Any(m => m.Id == holder.Id))
        {
            errors.Add(new FieldError(field, $"{label} må være medlem av utvalget."));
        }
        else if (!holder.Role.IsVoting())
        {
            errors.Add(new FieldError(field, $"{label} må være et stemmeberettiget medlem, ikke vararepresentant eller observatør."));
        }
        else if (!holder.Overlaps(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
        {
            errors.Add(new FieldError(field, $"{label} er ikke medlem av utvalget i {year}."));
        }

        return errors.Count == count;
    }
}
