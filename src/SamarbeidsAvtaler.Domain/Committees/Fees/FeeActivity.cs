namespace SamarbeidsAvtaler.Domain.Committees.Fees;

/// <summary>
/// One activity a fastlege representative claims the fee for (R21, seed 001). Start and End are Norwegian
/// wall-clock times; the time billed is the time that actually passed, so a night across a daylight-saving
/// change counts one hour less or more. InsideOfficeHours: within the fastlege's agreed opening hours.
/// ChosenMultiplier: 1 or 2, chosen by the user for a meeting or formøte outside office hours, which
/// seed 001 gives no rate for; ignored where the seed fixes the rate.
/// </summary>
public sealed record FeeActivity(
    FeeActivityKind Kind,
    DateTime Start,
    DateTime End,
    bool InsideOfficeHours,
    int? ChosenMultiplier,
    string? Description)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    public const int DescriptionMaxLength = 500;

    public DateOnly StartDate => DateOnly.FromDateTime(Start);

    /// <summary>The time that passed from Start to End in Norway (daylight saving taken into account).</summary>
    public TimeSpan Duration => ToUtc(End) - ToUtc(Start);

    /// <summary>The multiplier the fee uses; null while the user must still choose one (see <see cref="FeeCalculator.Multiplier"/>).</summary>
    public int? Multiplier => FeeCalculator.Multiplier(Kind, InsideOfficeHours, ChosenMultiplier);

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));

        var kindKnown = Enum.IsDefined(Kind);
        if (!kindKnown)
        {
            Add(nameof(Kind), "Velg type aktivitet.");
        }

        var startInRange = DateRules.InRange(StartDate);
        var endInRange = DateRules.InRange(DateOnly.FromDateTime(End));
        if (!startInRange)
        {
            Add(nameof(Start), DateRules.OutOfRangeMessage("Start"));
        }

        if (!endInRange)
        {
            Add(nameof(End), DateRules.OutOfRangeMessage("Slutt"));
        }

        if (startInRange && endInRange)
        {
            var startExists = Exists(Start);
            var endExists = Exists(End);
            if (!startExists)
            {
                Add(nameof(Start), NonExistentTimeMessage("Starttidspunktet", Start));
            }

            if (!endExists)
            {
                Add(nameof(End), NonExistentTimeMessage("Sluttidspunktet", End));
            }

            if (startExists && endExists)
            {
                if (Duration <= TimeSpan.Zero)
                {
                    Add(nameof(End), "Slutt må være etter start.");
                }
                else if (Duration > MaxDuration)
                {
                    Add(nameof(End), "En aktivitet kan vare høyst 24 timer. Del den opp i flere aktiviteter.");
                }
            }
        }

        if (ChosenMultiplier is not null and not (1 or 2))
        {
            Add(nameof(ChosenMultiplier), "Velg én eller to ganger honorarsatsen per time.");
        }
        else if (kindKnown && Multiplier is null)
        {
            var what = Kind == FeeActivityKind.PreparatoryMeeting ? "formøter" : "møter";
            Add(nameof(ChosenMultiplier),
                $"{Kind.DisplayName()} utenfor kontortiden: velg om tiden skal honoreres med én eller to ganger honorarsatsen per time. "
                + $"Samarbeidsavtalen sier ikke hvilken sats som gjelder for {what} utenfor kontortiden.");
        }

        if (Description is not null && Description.Trim().Length > DescriptionMaxLength)
        {
            Add(nameof(Description), $"Beskrivelsen kan ha høyst {DescriptionMaxLength} tegn.");
        }

        return errors;
    }

    private static DateTime Wall(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Unspecified);

    private static bool Exists(DateTime time) => !Norwegian.TimeZone.IsInvalidTime(Wall(time));

    private static DateTime ToUtc(DateTime time) => Wall(time) - Norwegian.TimeZone.GetUtcOffset(Wall(time));

    private static string NonExistentTimeMessage(string label, DateTime time) =>
        $"{label} {time.ToString("dd.MM.yyyy 'kl.' HH:mm", Norwegian.Culture)} finnes ikke: klokken ble stilt fram en time til sommertid.";
}
