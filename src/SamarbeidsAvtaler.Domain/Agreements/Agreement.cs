using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>
/// One version of an agreement in the register. Lifecycle (R1–R3): draft → awaiting signature →
/// (signed, when its valid-from is still to come) → active → under notice → ended, or replaced by a
/// newer version from that version's valid-from date. Only a draft can be changed.
/// </summary>
public class Agreement : IAudited
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;

    /// <summary>HOL § 6-5: a kommune–HF agreement is terminated with one year's notice (R2).</summary>
    public const int MunicipalNoticeMonths = 12;

    private readonly List<AgreementParty> _parties = [];
    private readonly List<AgreementSection> _sections = [];
    private readonly List<AgreementCooperationForm> _cooperationForms = [];
    private readonly List<AgreementStatutoryArea> _statutoryAreas = [];

    private Agreement()
    {
        ReferenceNumber = string.Empty;
        Title = string.Empty;
    }

    public Guid Id { get; private set; }
    public string ReferenceNumber { get; private set; }
    public int VersionNumber { get; private set; } = 1;
    public Guid? PreviousVersionId { get; private set; }
    public string? ChangeSummary { get; private set; }
    public AgreementKind Kind { get; private set; }
    public AgreementStatus Status { get; private set; } = AgreementStatus.Draft;
    public string Title { get; private set; }
    public DocumentLanguage Language { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public DateOnly? NextReviewDate { get; private set; }

    /// <summary>Months of notice for driftsavtaler and specialist samarbeidsavtaler; 12 for kommune–HF (R2).</summary>
    public int NoticePeriodMonths { get; private set; }

    // Kommune–HF agreements (R4, R5).
    public AgreementLevel? Level { get; private set; }
    public Guid? ParentAgreementId { get; private set; }
    public bool? IsLegallyBinding { get; private set; }

    /// <summary>What this agreement replaces outside the register, e.g. "overordnet samarbeidsavtale av 01.07.2012".</summary>
    public string? Replaces { get; private set; }

    // Avtalespesialist–HF agreements (000).
    public string? MeetingFrequency { get; private set; }
    public string? ContactRoutines { get; private set; }
    public string? Compensation { get; private set; }
    public DateOnly? RhfInformedOn { get; private set; }

    // Driftsavtaler (000, 002).
    public PracticePosition? PracticePosition { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentForSignatureAt { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public Guid? NoticeGivenByPartyId { get; private set; }
    public string? NoticeGivenByName { get; private set; }
    public DateOnly? NoticeGivenOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public Guid? ReplacedByAgreementId { get; private set; }
    /// <summary>R1: the first day the successor is in force; this version was in force through the day before.</summary>
    public DateOnly? ReplacedOn { get; private set; }

    /// <summary>
    /// R1: for a new version of an agreement under notice, whether the caseworker withdrew the notice
    /// with it (true), or the new version carries it on (false). Null when there was no notice.
    /// </summary>
    public bool? NoticeWithdrawn { get; private set; }

    // R2 (004): the HF notifies its RHF of a notice, and the RHF notifies Helsedirektoratet.
    public DateOnly? RhfNotifiedOfNoticeOn { get; private set; }
    public string? RhfNotifiedOfNoticeBy { get; private set; }
    public DateOnly? DirectorateNotifiedOfNoticeOn { get; private set; }
    public string? DirectorateNotifiedOfNoticeBy { get; private set; }

    // R3 (004): the yearly review, and the date its result went to the partnarskapsmøte.
    public DateOnly? LastReviewedOn { get; private set; }
    public DateOnly? ReviewReportedToPartnershipOn { get; private set; }

    // R26 (003): the agreed discharge hours, as four columns; all set or none.
    public TimeOnly? DischargeWeekdayFrom { get; private set; }
    public TimeOnly? DischargeWeekdayTo { get; private set; }
    public TimeOnly? DischargeHolidayFrom { get; private set; }
    public TimeOnly? DischargeHolidayTo { get; private set; }

    /// <summary>
    /// R23: whether the agreement makes a dispute body's statement binding (seed 004 does); advisory
    /// otherwise (seed 003).
    /// </summary>
    public bool DisputeStatementsBinding { get; private set; }

    /// <summary>The agreed discharge hours, or null when the agreement sets none.</summary>
    public DischargeHours? DischargeHours =>
        DischargeWeekdayFrom is { } wf && DischargeWeekdayTo is { } wt && DischargeHolidayFrom is { } hf && DischargeHolidayTo is { } ht
            ? new DischargeHours(wf, wt, hf, ht)
            : null;

    public IReadOnlyList<AgreementParty> Parties => _parties;
    public IReadOnlyList<AgreementSection> Sections => _sections;
    public IReadOnlyList<AgreementCooperationForm> CooperationForms => _cooperationForms;
    public IReadOnlyList<AgreementStatutoryArea> StatutoryAreas => _statutoryAreas;

    string IAudited.AuditKey => Id.ToString();

    public bool IsDraft => Status == AgreementStatus.Draft;

    /// <summary>R2: the last day a notice leaves the agreement in force (the day before <see cref="EndsOn"/>).</summary>
    public DateOnly? LastDayInForce => EndsOn?.AddDays(-1);

    /// <summary>The status as a user reads it: a signed version not yet in force says from when it is.</summary>
    public string StatusText => Status == AgreementStatus.Signed
        ? $"Signert, gjelder fra {Norwegian.Date(ValidFrom)}"
        : Status.DisplayName();

    /// <summary>
    /// R3 (003): revision is recommended every second year, since yearly proved too often. A
    /// recommendation shown beside the binding yearly review, never a deadline of its own.
    /// </summary>
    public DateOnly? RecommendedRevisionOn => Kind == AgreementKind.MunicipalCooperationAgreement
        ? ReviewRules.RevisionDeadline(ValidFrom)
        : null;

    /// <summary>R2 (004): the notifications of a notice of a kommune–HF agreement not yet recorded.</summary>
    public IReadOnlyList<NoticeNotification> MissingNoticeNotifications()
    {
        if (Kind != AgreementKind.MunicipalCooperationAgreement || NoticeGivenOn is null || NoticeWithdrawn == true)
        {
            return [];
        }

        var missing = new List<NoticeNotification>();
        if (RhfNotifiedOfNoticeOn is null)
        {
            missing.Add(NoticeNotification.RhfByTrust);
        }

        if (DirectorateNotifiedOfNoticeOn is null)
        {
            missing.Add(NoticeNotification.DirectorateByRhf);
        }

        return missing;
    }

    public static Agreement CreateDraft(AgreementDetails details, string referenceNumber, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Norwegian.Local(now).DateTime);
        ThrowIfInvalid(details.Validate(today));
        var agreement = new Agreement
        {
            Id = Guid.CreateVersion7(now),
            ReferenceNumber = referenceNumber,
            Kind = details.Kind,
            CreatedAt = now,
        };
        agreement.Apply(details, today);
        return agreement;
    }

    /// <summary>Changes the details of a draft. A signed agreement is immutable (R1): change it with a new version.</summary>
    public void UpdateDraft(AgreementDetails details, DateOnly today)
    {
        EnsureDraft();
        if (details.Kind != Kind)
        {
            throw new AgreementRuleException("Avtaletypen kan ikke endres.");
        }

        ThrowIfInvalid(details.Validate(today));
        Apply(details, today);
    }

    /// <summary>Replaces the parties of a draft; each party's kind must fit the agreement kind.</summary>
    public void SetParties(IEnumerable<(Party Party, string? SignatoryName, string? SignatoryTitle)> parties)
    {
        EnsureDraft();
        var list = parties.ToList();
        if (list.Select(p => p.Party.Id).Distinct().Count() != list.Count)
        {
            throw new AgreementRuleException("Samme part er lagt til to ganger.");
        }

        foreach (var (party, _, _) in list)
        {
            if (!Kind.Allows(party.Kind))
            {
                throw new AgreementRuleException($"{party.Name} ({party.Kind.DisplayName()}) kan ikke være part i en {Norwegian.InSentence(Kind.DisplayName())}.");
            }
        }

        _parties.Clear();
        _parties.AddRange(list.Select(p => new AgreementParty(Id, p.Party.Id, AgreementPartyRoleExtensions.For(p.Party.Kind),
            Clean(p.SignatoryName), Clean(p.SignatoryTitle))));
    }

    public void SetSignatory(Guid agreementPartyId, string? name, string? title)
    {
        EnsureDraft();
        var party = _parties.SingleOrDefault(p => p.Id == agreementPartyId) ?? throw new AgreementRuleException("Parten finnes ikke i avtalen.");
        party.SignatoryName = Clean(name);
        party.SignatoryTitle = Clean(title);
    }

    public AgreementSection AddSection(string heading, string body)
    {
        EnsureDraft();
        ThrowIfInvalid(ValidateSection(heading, body));
        var section = new AgreementSection(Id, _sections.Count + 1, heading.Trim(), body.Trim());
        _sections.Add(section);
        return section;
    }

    public void UpdateSection(Guid sectionId, string heading, string body)
    {
        EnsureDraft();
        ThrowIfInvalid(ValidateSection(heading, body));
        var section = FindSection(sectionId);
        section.Heading = heading.Trim();
        section.Body = body.Trim();
    }

    public void RemoveSection(Guid sectionId)
    {
        EnsureDraft();
        _sections.Remove(FindSection(sectionId));
        Renumber();
    }

    /// <summary>Moves a section one place up (-1) or down (+1).</summary>
    public void MoveSection(Guid sectionId, int direction)
    {
        EnsureDraft();
        var ordered = _sections.OrderBy(s => s.Position).ToList();
        var index = ordered.IndexOf(FindSection(sectionId));
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index].Position, ordered[target].Position) = (ordered[target].Position, ordered[index].Position);
    }

    public void SetCooperationForms(IEnumerable<(CooperationForm Form, string? Description)> forms)
    {
        EnsureDraft();
        EnsureKind(AgreementKind.SpecialistCooperationAgreement, "Samarbeidsformer");
        var list = forms.DistinctBy(f => f.Form).ToList();
        _cooperationForms.Clear();
        _cooperationForms.AddRange(list.Select(f => new AgreementCooperationForm(Id, f.Form, Clean(f.Description))));
    }

    /// <summary>
    /// Sets the § 6-2 points a service agreement covers; each must be in force on the valid-from date.
    /// R4: an overarching agreement may cover points itself (004 is «Overordna samarbeidsavtale og
    /// tenesteavtale 1»); a særavtale covers none.
    /// </summary>
    public void SetStatutoryAreas(IEnumerable<int> areaNumbers)
    {
        EnsureDraft();
        var numbers = areaNumbers.Distinct().Order().ToList();
        if (numbers.Count > 0 && !CoversStatutoryAreas(Level))
        {
            throw new AgreementRuleException("Bare en overordnet avtale (nivå 1) eller en tjenesteavtale (nivå 2) dekker punkter i § 6-2.");
        }

        var valid = StatutoryAreaCatalogue.ValidOn(ValidFrom).Select(a => a.Number).ToHashSet();
        var invalid = numbers.Where(n => !valid.Contains(n)).ToList();
        if (invalid.Count > 0)
        {
            throw new AgreementRuleException(
                $"§ 6-2 punkt {string.Join(", ", invalid)} gjaldt ikke {Norwegian.Date(ValidFrom)}. Fra 1. august 2022 har loven 13 punkter, før det 11.");
        }

        _statutoryAreas.Clear();
        _statutoryAreas.AddRange(numbers.Select(n => new AgreementStatutoryArea(Id, n)));
    }

    /// <summary>What stops this draft from being sent for signature; empty when it is ready.</summary>
    public IReadOnlyList<string> SignatureBlockers()
    {
        var blockers = new List<string>();
        if (Status != AgreementStatus.Draft)
        {
            blockers.Add($"Bare et utkast kan sendes til signering; avtalen har status «{Status.DisplayName()}».");
            return blockers;
        }

        var roles = _parties.Select(p => p.Role).ToList();
        switch (Kind)
        {
            case AgreementKind.OperatingAgreement:
                if (roles.Count(r => r == AgreementPartyRole.RegionalHealthAuthority) != 1 || roles.Count(r => r == AgreementPartyRole.Specialist) != 1 || roles.Count != 2)
                {
                    blockers.Add("En driftsavtale har nøyaktig ett RHF og én avtalespesialist som parter.");
                }

                if (PracticePosition is null)
                {
                    blockers.Add("Hjemmelen (spesialitet, sted, andel og åpningstid) må fylles ut.");
                }

                break;
            case AgreementKind.SpecialistCooperationAgreement:
                if (!roles.Contains(AgreementPartyRole.Specialist) || roles.Count(r => r == AgreementPartyRole.SpecialistService) != 1)
                {
                    blockers.Add("En samarbeidsavtale har én eller flere avtalespesialister og ett helseforetak eller én institusjon som parter.");
                }

                if (_cooperationForms.Count == 0)
                {
                    blockers.Add("Velg minst én samarbeidsform.");
                }

                if (_cooperationForms.Any(f => f.Form.RequiresCompensation()) && string.IsNullOrWhiteSpace(Compensation))
                {
                    blockers.Add("Tilsyn med inneliggende pasienter dekkes ikke av takstene: avtalt godtgjøring må fylles ut.");
                }

                break;
            case AgreementKind.MunicipalCooperationAgreement:
                if (!roles.Contains(AgreementPartyRole.Municipality) || !roles.Contains(AgreementPartyRole.SpecialistService))
                {
                    blockers.Add("En samarbeidsavtale kommune–HF har minst én kommune eller kommunegruppe og minst én institusjon i spesialisthelsetjenesten som parter.");
                }

                if (Level == AgreementLevel.Service && _statutoryAreas.Count == 0)
                {
                    blockers.Add("En tjenesteavtale må dekke minst ett punkt i § 6-2.");
                }

                break;
        }

        if (_sections.Count == 0)
        {
            blockers.Add("Avtalen må ha minst ett avsnitt med tekst.");
        }

        if (_parties.Any(p => string.IsNullOrWhiteSpace(p.SignatoryName)))
        {
            blockers.Add("Hver part må ha en som signerer for den.");
        }

        return blockers;
    }

    /// <summary>Freezes the text and waits for every party's signature.</summary>
    public void SendForSignature(DateTimeOffset now)
    {
        var blockers = SignatureBlockers();
        if (blockers.Count > 0)
        {
            throw new AgreementRuleException(string.Join(" ", blockers));
        }

        Status = AgreementStatus.AwaitingSignature;
        SentForSignatureAt = now;
    }

    /// <summary>Registers one party's signature; returns true when it was the last one, making the agreement active.</summary>
    public bool RegisterSignature(Guid agreementPartyId, Signature signature, DateOnly today)
    {
        if (Status != AgreementStatus.AwaitingSignature)
        {
            throw new AgreementRuleException($"Signaturer registreres bare på en avtale som venter på signering; avtalen har status «{Status.DisplayName()}».");
        }

        var party = _parties.SingleOrDefault(p => p.Id == agreementPartyId) ?? throw new AgreementRuleException("Parten finnes ikke i avtalen.");
        if (party.Signature is not null)
        {
            throw new AgreementRuleException("Denne parten har allerede signert.");
        }

        if (string.IsNullOrWhiteSpace(signature.SignedByName))
        {
            throw new AgreementRuleException("Navnet på den som signerte må fylles ut.");
        }

        if (!DateRules.InRange(signature.SignedOn))
        {
            throw new AgreementRuleException(DateRules.OutOfRangeMessage("Signeringsdatoen"));
        }

        if (signature.SignedOn > today)
        {
            throw new AgreementRuleException("Signeringsdatoen kan ikke være frem i tid.");
        }

        if (ValidTo is { } validTo && signature.SignedOn > validTo)
        {
            throw new AgreementRuleException($"Signeringsdatoen kan ikke være etter at avtalen utløper ({Norwegian.Date(validTo)}).");
        }

        if (signature.SignedByName.Trim().Length > NameMaxLength || signature.SignedByTitle?.Trim().Length > NameMaxLength)
        {
            throw new AgreementRuleException($"Navn og tittel på den som signerte kan ha høyst {NameMaxLength} tegn hver.");
        }

        if (signature.ExternalReference?.Trim().Length > NameMaxLength)
        {
            throw new AgreementRuleException($"Referansen fra signeringstjenesten kan ha høyst {NameMaxLength} tegn.");
        }

        if (signature.Method == SignatureMethod.Electronic && string.IsNullOrWhiteSpace(signature.ExternalReference))
        {
            throw new AgreementRuleException("En elektronisk signatur må ha referansen fra signeringstjenesten.");
        }

        party.Signature = signature with { SignedByName = signature.SignedByName.Trim(), SignedByTitle = Clean(signature.SignedByTitle), ExternalReference = Clean(signature.ExternalReference) };
        if (_parties.Any(p => p.Signature is null))
        {
            return false;
        }

        SignedOn = _parties.Max(p => p.Signature!.SignedOn);
        if (Kind == AgreementKind.MunicipalCooperationAgreement && NextReviewDate is null)
        {
            NextReviewDate = ReviewRules.AnnualReviewDeadline(Later(SignedOn.Value, ValidFrom));
        }

        // R1: fully signed, but in force only from its valid-from date.
        if (ValidFrom > today)
        {
            Status = AgreementStatus.Signed;
        }
        else
        {
            TakeEffect();
        }

        return true;
    }

    /// <summary>
    /// R1: a signed version whose valid-from date has come takes effect (the background service calls
    /// this every day); true if it took effect now. Its predecessor is then marked replaced.
    /// </summary>
    public bool TakeEffectIfDue(DateOnly today)
    {
        if (Status != AgreementStatus.Signed || ValidFrom > today)
        {
            return false;
        }

        TakeEffect();
        return true;
    }

    /// <summary>True while the version is in force: active or under notice (signed versions wait for their date).</summary>
    public bool IsInForce => Status is AgreementStatus.Active or AgreementStatus.UnderNotice;

    private void TakeEffect() =>
        // A notice carried over from the previous version (not withdrawn) still runs (R1, R2).
        Status = NoticeGivenOn is not null ? AgreementStatus.UnderNotice : AgreementStatus.Active;

    /// <summary>
    /// R1: a change to an active agreement is a new version: a draft copy of this one with a summary
    /// of the change. This version stays in force until the day before the new one's valid-from date.
    /// Of a version under notice, the caseworker must say whether the new version withdraws the notice
    /// (<paramref name="withdrawNotice"/>); the notice is never dropped silently.
    /// </summary>
    public Agreement CreateNewVersion(string changeSummary, DateOnly validFrom, DateTimeOffset now, bool? withdrawNotice = null)
    {
        if (Status is not (AgreementStatus.Active or AgreementStatus.UnderNotice))
        {
            throw new AgreementRuleException($"Bare en gjeldende avtale kan få en ny versjon; avtalen har status «{Status.DisplayName()}».");
        }

        if (string.IsNullOrWhiteSpace(changeSummary))
        {
            throw new AgreementRuleException("Beskriv hva som endres i den nye versjonen.");
        }

        if (changeSummary.Trim().Length > TextMaxLength)
        {
            throw new AgreementRuleException(Norwegian.Format($"Endringsbeskrivelsen kan ha høyst {TextMaxLength:N0} tegn."));
        }

        if (!DateRules.InRange(validFrom))
        {
            throw new AgreementRuleException(DateRules.OutOfRangeMessage("Gyldig fra"));
        }

        if (Status == AgreementStatus.UnderNotice && withdrawNotice is null)
        {
            throw new AgreementRuleException(
                $"Avtalen er sagt opp (gjelder til og med {Norwegian.Date(LastDayInForce!.Value)}). Svar på om oppsigelsen trekkes tilbake med den nye versjonen, eller om den gjelder videre.");
        }

        if (validFrom < ValidFrom)
        {
            throw new AgreementRuleException($"Den nye versjonen kan ikke gjelde fra før {Norwegian.Date(ValidFrom)}.");
        }

        var copy = new Agreement
        {
            Id = Guid.CreateVersion7(now),
            ReferenceNumber = ReferenceNumber,
            VersionNumber = VersionNumber + 1,
            PreviousVersionId = Id,
            ChangeSummary = changeSummary.Trim(),
            Kind = Kind,
            Title = Title,
            Language = Language,
            ValidFrom = validFrom,
            ValidTo = ValidTo,
            NextReviewDate = NextReviewDate,
            NoticePeriodMonths = NoticePeriodMonths,
            Level = Level,
            ParentAgreementId = ParentAgreementId,
            IsLegallyBinding = IsLegallyBinding,
            Replaces = Replaces,
            MeetingFrequency = MeetingFrequency,
            ContactRoutines = ContactRoutines,
            Compensation = Compensation,
            RhfInformedOn = RhfInformedOn,
            DischargeWeekdayFrom = DischargeWeekdayFrom,
            DischargeWeekdayTo = DischargeWeekdayTo,
            DischargeHolidayFrom = DischargeHolidayFrom,
            DischargeHolidayTo = DischargeHolidayTo,
            DisputeStatementsBinding = DisputeStatementsBinding,
            // An owned value belongs to one owner: the new version gets its own copy.
            PracticePosition = PracticePosition is null ? null : PracticePosition with { },
            CreatedAt = now,
            NoticeWithdrawn = Status == AgreementStatus.UnderNotice ? withdrawNotice : null,
        };
        if (Status == AgreementStatus.UnderNotice && withdrawNotice == false)
        {
            // The notice runs on in the new version, with its date and the notifications already made.
            copy.NoticeGivenByPartyId = NoticeGivenByPartyId;
            copy.NoticeGivenByName = NoticeGivenByName;
            copy.NoticeGivenOn = NoticeGivenOn;
            copy.EndsOn = EndsOn;
            copy.RhfNotifiedOfNoticeOn = RhfNotifiedOfNoticeOn;
            copy.RhfNotifiedOfNoticeBy = RhfNotifiedOfNoticeBy;
            copy.DirectorateNotifiedOfNoticeOn = DirectorateNotifiedOfNoticeOn;
            copy.DirectorateNotifiedOfNoticeBy = DirectorateNotifiedOfNoticeBy;
        }

        copy._parties.AddRange(_parties.Select(p => new AgreementParty(copy.Id, p.PartyId, p.Role, p.SignatoryName, p.SignatoryTitle)));
        copy._sections.AddRange(_sections.OrderBy(s => s.Position).Select(s => new AgreementSection(copy.Id, s.Position, s.Heading, s.Body)));
        copy._cooperationForms.AddRange(_cooperationForms.Select(f => new AgreementCooperationForm(copy.Id, f.Form, f.Description)));
        copy._statutoryAreas.AddRange(_statutoryAreas.Select(a => new AgreementStatutoryArea(copy.Id, a.AreaNumber)));
        return copy;
    }

    /// <summary>
    /// R1: when the next version takes effect, this one is marked replaced from the successor's
    /// valid-from date (in force through the day before) and stays readable.
    /// </summary>
    public void MarkReplacedBy(Agreement successor)
    {
        if (successor.PreviousVersionId != Id || !successor.IsInForce)
        {
            throw new AgreementRuleException("Bare en ny versjon av denne avtalen som har trådt i kraft, kan erstatte den.");
        }

        if (!IsInForce)
        {
            throw new AgreementRuleException($"Avtalen har status «{Status.DisplayName()}» og kan ikke erstattes.");
        }

        Status = AgreementStatus.Replaced;
        ReplacedByAgreementId = successor.Id;
        ReplacedOn = successor.ValidFrom;
    }

    /// <summary>
    /// Notice of termination given by one of the parties. R2: a kommune–HF agreement stays in force
    /// one year after notice, reckoned as Norwegian time limits are (to the same date a year later;
    /// 29 February to 28 February); other kinds for their agreed notice period in months.
    /// </summary>
    public void GiveNotice(Guid partyId, string givenByName, DateOnly givenOn, DateOnly today)
    {
        if (!DateRules.InRange(givenOn))
        {
            throw new AgreementRuleException(DateRules.OutOfRangeMessage("Datoen for oppsigelsen"));
        }

        if (Status != AgreementStatus.Active)
        {
            throw new AgreementRuleException($"Bare en gjeldende avtale kan sies opp; avtalen har status «{Status.DisplayName()}».");
        }

        if (_parties.All(p => p.PartyId != partyId))
        {
            throw new AgreementRuleException("Oppsigelsen må komme fra en av partene i avtalen.");
        }

        if (string.IsNullOrWhiteSpace(givenByName))
        {
            throw new AgreementRuleException("Navnet på den som sa opp avtalen må fylles ut.");
        }

        if (givenByName.Trim().Length > NameMaxLength)
        {
            throw new AgreementRuleException($"Navnet kan ha høyst {NameMaxLength} tegn.");
        }

        if (givenOn > today)
        {
            throw new AgreementRuleException("Datoen for oppsigelsen kan ikke være frem i tid.");
        }

        if (givenOn < ValidFrom)
        {
            throw new AgreementRuleException($"Oppsigelsen kan ikke være gitt før avtalen trådte i kraft ({Norwegian.Date(ValidFrom)}).");
        }

        Status = AgreementStatus.UnderNotice;
        NoticeGivenByPartyId = partyId;
        NoticeGivenByName = givenByName.Trim();
        NoticeGivenOn = givenOn;
        EndsOn = NoticeTakesEffect(givenOn);
    }

    /// <summary>R2: the first day the agreement is no longer in force after a notice given on <paramref name="givenOn"/>.</summary>
    public DateOnly NoticeTakesEffect(DateOnly givenOn) => NoticeLastDayInForce(givenOn).AddDays(1);

    /// <summary>R2: the last day in force: the same date a year (or the agreed months) later; 29.02 → 28.02.</summary>
    public DateOnly NoticeLastDayInForce(DateOnly givenOn) => Kind == AgreementKind.MunicipalCooperationAgreement
        ? givenOn.AddYears(1)
        : givenOn.AddMonths(NoticePeriodMonths);

    /// <summary>R2 (004): records that the HF told its RHF of the notice, or the RHF Helsedirektoratet.</summary>
    public void RecordNoticeNotification(NoticeNotification notification, DateOnly notifiedOn, string notifiedBy, DateOnly today)
    {
        if (Kind != AgreementKind.MunicipalCooperationAgreement)
        {
            throw new AgreementRuleException("Varsling av oppsigelse til RHF og Helsedirektoratet gjelder samarbeidsavtaler kommune–HF.");
        }

        if (NoticeGivenOn is not { } givenOn || NoticeWithdrawn == true)
        {
            throw new AgreementRuleException("Avtalen er ikke sagt opp.");
        }

        if (string.IsNullOrWhiteSpace(notifiedBy))
        {
            throw new AgreementRuleException("Skriv hvem som sendte varselet.");
        }

        if (notifiedBy.Trim().Length > NameMaxLength)
        {
            throw new AgreementRuleException($"Navnet kan ha høyst {NameMaxLength} tegn.");
        }

        if (!DateRules.InRange(notifiedOn))
        {
            throw new AgreementRuleException(DateRules.OutOfRangeMessage("Datoen for varselet"));
        }

        if (notifiedOn > today)
        {
            throw new AgreementRuleException("Datoen for varselet kan ikke være frem i tid.");
        }

        if (notifiedOn < givenOn)
        {
            throw new AgreementRuleException($"Varselet kan ikke være sendt før oppsigelsen ble gitt ({Norwegian.Date(givenOn)}).");
        }

        switch (notification)
        {
            case NoticeNotification.RhfByTrust:
                RhfNotifiedOfNoticeOn = notifiedOn;
                RhfNotifiedOfNoticeBy = notifiedBy.Trim();
                break;
            case NoticeNotification.DirectorateByRhf:
                // 004: the RHF passes on what its HF told it; the chain goes in that order.
                if (RhfNotifiedOfNoticeOn is not { } rhfOn)
                {
                    throw new AgreementRuleException("Registrer først at HF har varslet RHF; RHF varsler deretter Helsedirektoratet.");
                }

                if (notifiedOn < rhfOn)
                {
                    throw new AgreementRuleException($"RHF kan ikke ha varslet Helsedirektoratet før RHF selv ble varslet ({Norwegian.Date(rhfOn)}).");
                }

                DirectorateNotifiedOfNoticeOn = notifiedOn;
                DirectorateNotifiedOfNoticeBy = notifiedBy.Trim();
                break;
            default:
                throw new AgreementRuleException("Ukjent varsel.");
        }
    }

    /// <summary>Ends the agreement when its notice has run out or its valid-to date has passed; true if it ended now.</summary>
    public bool EndIfDue(DateOnly today)
    {
        var due = (Status == AgreementStatus.UnderNotice && EndsOn <= today)
            || (Status is AgreementStatus.Active or AgreementStatus.UnderNotice && ValidTo < today);
        if (!due)
        {
            return false;
        }

        EndsOn ??= ValidTo!.Value.AddDays(1);
        Status = AgreementStatus.Ended;
        return true;
    }

    /// <summary>
    /// Records that the yearly review took place; the next is due by 31 December of the following year
    /// (R3). The result goes to the partnarskapsmøte (004): record the date it did, when it has.
    /// </summary>
    public void RegisterReview(DateOnly reviewedOn, DateOnly today, DateOnly? reportedToPartnershipOn = null)
    {
        if (!IsInForce)
        {
            throw new AgreementRuleException("Bare en gjeldende avtale kan gjennomgås.");
        }

        if (!DateRules.InRange(reviewedOn))
        {
            throw new AgreementRuleException(DateRules.OutOfRangeMessage("Datoen for gjennomgangen"));
        }

        if (reviewedOn > today)
        {
            throw new AgreementRuleException("Datoen for gjennomgangen kan ikke være frem i tid.");
        }

        if (reviewedOn < ValidFrom)
        {
            throw new AgreementRuleException($"Gjennomgangen kan ikke være før avtalen trådte i kraft ({Norwegian.Date(ValidFrom)}).");
        }

        if (reportedToPartnershipOn is { } reported)
        {
            if (Kind != AgreementKind.MunicipalCooperationAgreement)
            {
                throw new AgreementRuleException("Partnarskapsmøtet får resultatet av gjennomgangen av samarbeidsavtaler kommune–HF.");
            }

            if (!DateRules.InRange(reported) || reported < reviewedOn)
            {
                throw new AgreementRuleException("Resultatet kan ikke ha gått til partnarskapsmøtet før gjennomgangen.");
            }

            if (reported > today)
            {
                throw new AgreementRuleException("Datoen for partnarskapsmøtet kan ikke være frem i tid; registrer den når møtet er holdt.");
            }
        }

        LastReviewedOn = reviewedOn;
        ReviewReportedToPartnershipOn = reportedToPartnershipOn;
        NextReviewDate = Kind == AgreementKind.MunicipalCooperationAgreement
            ? ReviewRules.AnnualReviewDeadline(reviewedOn.AddYears(1))
            : reviewedOn.AddYears(1);
    }

    /// <summary>Sets or clears the agreed discharge hours (R26). Terms of the agreement, kept also once it is signed.</summary>
    public void SetDischargeHours(DischargeHours? hours)
    {
        DischargeWeekdayFrom = hours?.WeekdayFrom;
        DischargeWeekdayTo = hours?.WeekdayTo;
        DischargeHolidayFrom = hours?.HolidayFrom;
        DischargeHolidayTo = hours?.HolidayTo;
    }

    /// <summary>R23: records whether the agreement makes dispute statements binding.</summary>
    public void SetDisputeStatementsBinding(bool binding) => DisputeStatementsBinding = binding;

    public void RecordRhfInformed(DateOnly informedOn)
    {
        EnsureKind(AgreementKind.SpecialistCooperationAgreement, "Melding til RHF");
        if (!DateRules.InRange(informedOn))
        {
            throw new AgreementRuleException(DateRules.OutOfRangeMessage("Datoen RHF ble informert"));
        }

        RhfInformedOn = informedOn;
    }

    private void Apply(AgreementDetails d, DateOnly today)
    {
        Title = d.Title.Trim();
        Language = d.Language;
        ValidFrom = d.ValidFrom;
        ValidTo = d.ValidTo;
        // R3: an agreement registered today with an old valid-from is due by the coming 31 December,
        // not overdue at once.
        NextReviewDate = d.NextReviewDate ?? (Kind == AgreementKind.MunicipalCooperationAgreement
            ? ReviewRules.AnnualReviewDeadline(Later(d.ValidFrom, today))
            : null);
        NoticePeriodMonths = Kind == AgreementKind.MunicipalCooperationAgreement ? MunicipalNoticeMonths : d.NoticePeriodMonths;
        Level = Kind == AgreementKind.MunicipalCooperationAgreement ? d.Level : null;
        ParentAgreementId = Level is AgreementLevel.Service or AgreementLevel.Supplementary ? d.ParentAgreementId : null;
        IsLegallyBinding = Level == AgreementLevel.Supplementary ? d.IsLegallyBinding : Kind == AgreementKind.MunicipalCooperationAgreement ? true : null;
        Replaces = Clean(d.Replaces);
        MeetingFrequency = Kind == AgreementKind.SpecialistCooperationAgreement ? Clean(d.MeetingFrequency) : null;
        ContactRoutines = Kind == AgreementKind.SpecialistCooperationAgreement ? Clean(d.ContactRoutines) : null;
        Compensation = Kind == AgreementKind.SpecialistCooperationAgreement ? Clean(d.Compensation) : null;
        PracticePosition = Kind == AgreementKind.OperatingAgreement ? d.PracticePosition : null;
        if (!CoversStatutoryAreas(Level))
        {
            _statutoryAreas.Clear();
        }
    }

    private static bool CoversStatutoryAreas(AgreementLevel? level) => level is AgreementLevel.Overarching or AgreementLevel.Service;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private void EnsureDraft()
    {
        if (Status != AgreementStatus.Draft)
        {
            throw new AgreementRuleException(
                $"Bare et utkast kan endres. Avtalen har status «{Status.DisplayName()}»; en signert avtale endres ved å lage en ny versjon (R1).");
        }
    }

    private void EnsureKind(AgreementKind kind, string what)
    {
        if (Kind != kind)
        {
            throw new AgreementRuleException($"{what} gjelder bare {Norwegian.InSentence(kind.DisplayName())}.");
        }
    }

    private AgreementSection FindSection(Guid sectionId) =>
        _sections.SingleOrDefault(s => s.Id == sectionId) ?? throw new AgreementRuleException("Avsnittet finnes ikke.");

    private void Renumber()
    {
        var position = 1;
        foreach (var section in _sections.OrderBy(s => s.Position))
        {
            section.Position = position++;
        }
    }

    private static IReadOnlyList<FieldError> ValidateSection(string heading, string body)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(heading))
        {
            errors.Add(new("Heading", "Overskrift må fylles ut."));
        }
        else if (heading.Trim().Length > AgreementSection.HeadingMaxLength)
        {
            errors.Add(new("Heading", $"Overskriften kan ha høyst {AgreementSection.HeadingMaxLength} tegn."));
        }

        if (body is not null && body.Length > AgreementSection.BodyMaxLength)
        {
            errors.Add(new("Body", Norwegian.Format($"Teksten kan ha høyst {AgreementSection.BodyMaxLength:N0} tegn.")));
        }

        return errors;
    }

    private static void ThrowIfInvalid(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
