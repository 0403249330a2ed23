using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// Demo agreements on top of the demo parties: Helse Bergen's kommune–HF agreements after seed 004
/// (the overarching agreement of 01.08.2022, service agreements covering some § 6-2 points and not
/// others, one særavtale), and driftsavtaler and samarbeidsavtaler for the invented avtalespesialister
/// in Helse Sør-Øst in every lifecycle state. Everything goes through the domain's own methods, and
/// dates are relative to today so the deadlines page always has something to show.
/// </summary>
/// <remarks>
/// Helse Sør-Øst has no HF in the demo parties, so the specialists' samarbeidsavtaler are with an
/// invented "Demo HF" under Helse Sør-Øst RHF, created here when missing.
/// </remarks>
public sealed class DemoAgreements(AppDbContext db, TimeProvider clock)
{
    /// <summary>Seed 004: one level-1 document that is also tenesteavtale 1 (§ 6-2 point 1).</summary>
    public const string OverarchingTitle = "Overordna samarbeidsavtale og tenesteavtale 1";

    public const string OverarchingReplaces =
        "overordna samarbeidsavtale inngått 01.07.2012 og tenesteavtale 1 inngått 01.07.2012";

    public const string DemoTrustName = "Demo HF";

    public static readonly DateOnly OverarchingValidFrom = new(2022, 8, 1);

    private static readonly string[] Institutions = DemoData.HelseBergenInstitutions;

    // Invented signatories; real office holders are not ours to name.
    private static readonly string[] Signatories =
    [
        "Kari Prøvedal", "Ola Demoland", "Siv Eksemplar", "Per Testvik", "Liv Fiktivsen", "Nils Oppdiktet",
        "Randi Tenkjesen", "Geir Prøvesen", "Eva Demostad", "Tor Eksempelsen",
    ];

    private readonly Dictionary<string, Party> _parties = [];
    private DateOnly _today;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Agreements.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var party in await db.Parties.ToListAsync(cancellationToken))
        {
            _parties.TryAdd(party.Name, party);
        }

        // Only on top of the demo parties: a register with other parties gets no demo agreements.
        if (!DemoData.HelseBergenMunicipalities.Concat(Institutions).Append("Helse Bergen HF").Append("Helse Sør-Øst RHF").Append("Demo Spesialistsen").All(_parties.ContainsKey))
        {
            return;
        }

        _today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SeedMunicipalAsync(cancellationToken);
        await SeedSpecialistsAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SeedMunicipalAsync(CancellationToken ct)
    {
        var bergen = _parties["Helse Bergen HF"];
        // Seed 004: the kommuner of Helse Bergen's area, each a party, and the six institutions of the
        // specialist service. The four områdeutval are committees over areas of kommuner, not parties.
        var all = DemoData.HelseBergenMunicipalities.Select(m => _parties[m]).Append(bergen).Concat(Institutions.Select(i => _parties[i])).ToList();
        var created = At(2022, 5, 2);
        var sent = At(2022, 6, 1);
        var signed = new DateOnly(2022, 6, 24);

        var overarching = await DraftAsync(Municipal(OverarchingTitle, AgreementLevel.Overarching, null,
            replaces: OverarchingReplaces), created, ct);
        overarching.SetParties(all.Select(Signatory));
        // R4: the overarching document is also tenesteavtale 1.
        overarching.SetStatutoryAreas([1]);
        Sections(overarching,
            ("Partar og verkeområde", "Avtalen er inngått mellom kommunane i Helse Bergen sitt føretaksområde, og Helse Bergen HF saman med dei fem institusjonane som høyrer til spesialisthelsetenesta i området. Han gjeld der lova krev at partane samarbeider, og der ansvaret deira grip inn i kvarandre."),
            ("Ansvars- og oppgåvefordeling (tenesteavtale 1)", "Partane gjer greie for kva helse- og omsorgsoppgåver kvar av dei har ansvar for, og korleis endringar i oppgåvedelinga skal planleggjast i fellesskap og med semje."),
            ("Føremål", "Samarbeidet skal gje pasientar og brukarar eit heilskapleg tilbod. Avgjerder skal takast så nær pasienten som råd, og tenestene skal vere trygge, samordna og rettferdig fordelte."),
            ("Avtalestruktur og forrang", "Tenesteavtalane og særavtalane er vedlegg til denne avtalen og bind partane på same måte, om ikkje anna er sagt. Er det motstrid, går den overordna avtalen føre."),
            ("Samhandlingsstruktur", "Helsefellesskapet har samarbeidsorgan på politisk, administrativt og fagleg nivå: partnarskapsmøte, strategisk samarbeidsutval, fire områdeutval og faglege samarbeidsutval, med eit felles samarbeidssekretariat. Avgjerder vert tekne ved semje."),
            ("Usemje og avvik", "Usemje skal løysast på lågast mogleg nivå. Lukkast ikkje det, går protokoll for usemje til samarbeidssekretariatet og vidare til strategisk samarbeidsutval. Teieplikta gjeld når ei sak vert send vidare."),
            ("Varigheit, oppseiing og gjennomgang", "Avtalen gjeld til ein av partane seier han opp med eitt års frist. Partane går gjennom avtaleverket innan desember kvart år."));
        SignAll(overarching, sent, signed);
        ReviewedLastYear(overarching);
        await db.SaveChangesAsync(ct);

        async Task<Agreement> ServiceAsync(string title, int[] areas)
        {
            var agreement = await DraftAsync(Municipal(title, AgreementLevel.Service, overarching.Id), created, ct);
            agreement.SetParties(all.Select(Signatory));
            agreement.SetStatutoryAreas(areas);
            return agreement;
        }

        // The yearly review of this one was due last December and has not been registered (R3).
        var ta2 = await ServiceAsync("Tenesteavtale 2 og 3: Innlegging, utskriving, habilitering og rehabilitering", [2, 3]);
        Sections(ta2,
            ("Innlegging i sjukehus", "Tilvising skal innehalde dei opplysningane sjukehuset treng, og kommunen skal varslast når pasienten vert lagd inn."),
            ("Utskriving og rehabilitering", "Partane planlegg utskriving i lag, og habilitering og rehabilitering held fram utan opphald når pasienten kjem heim."));
        SignAll(ta2, sent, signed);
        // Last reviewed the year before last: last year's review is missing, so it is overdue (R3).
        ta2.RegisterReview(new DateOnly(_today.Year - 2, 11, 15), _today);

        var ta5 = await ServiceAsync("Tenesteavtale 5: Utskrivingsklare pasientar", [5]);
        Sections(ta5, ("Utskrivingsklar pasient", "Ein pasient er utskrivingsklar først når epikrise og legemiddelliste følgjer med. Utskriving skjer innanfor avtalte tider."));
        SignAll(ta5, sent, signed);
        ReviewedLastYear(ta5);

        var ta12 = await ServiceAsync("Tenesteavtale 12: Planlegging og utvikling av tenester", [12]);
        Sections(ta12, ("Felles planlegging", "Partane planlegg og utviklar tenester i fellesskap i helsefellesskapet, og involverer kvarandre i eigne planprosessar."));
        SignAll(ta12, sent, signed);
        ReviewedLastYear(ta12);

        // Point 11 is on its way (awaiting signature) and point 13 is a draft: neither covers anything yet.
        var ta11 = await ServiceAsync("Tenesteavtale 11: Beredskapsplanar og den akuttmedisinske kjeda", [11]);
        Sections(ta11, ("Beredskap", "Partane har samordna beredskapsplanar og ei samanhengande akuttmedisinsk kjede."));
        ta11.SendForSignature(clock.GetUtcNow().AddDays(-9));
        foreach (var party in ta11.Parties.Where(p => p.Role == AgreementPartyRole.SpecialistService))
        {
            ta11.RegisterSignature(party.Id, Paper(party, _today.AddDays(-5)), _today);
        }

        var ta13 = await ServiceAsync("Tenesteavtale 13: Tenester til barn og unge med behov for samansette tenester", [13]);
        Sections(ta13, ("Barn og unge", "Utkast: partane skal samordne tenestene til barn og unge som treng tenester frå begge nivå."));
        await db.SaveChangesAsync(ct);

        var voss = await DraftAsync(Municipal("Særavtale om ambulant psykisk helseteam i Voss lokalsjukehusområde", AgreementLevel.Supplementary, ta2.Id,
            isLegallyBinding: false), At(2023, 1, 10), ct);
        // R4: the parties below are parties of the agreement above.
        voss.SetParties(new[] { _parties["Voss herad"], _parties["Ulvik herad"], bergen, _parties[DemoData.VossInstitution] }.Select(Signatory));
        Sections(voss, ("Ambulant team", "Voss Distriktspsykiatriske Senter NKS Bjørkeli og kommunane i området driv eit felles ambulant team. Særavtalen er ikkje rettsleg bindande; han utfyller tenesteavtale 2."));
        SignAll(voss, At(2023, 2, 1), new DateOnly(2023, 2, 15));
        ReviewedLastYear(voss);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>R3: last year's yearly review held and reported to the partnarskapsmøte: the next is due this 31 December.</summary>
    private void ReviewedLastYear(Agreement agreement) =>
        agreement.RegisterReview(new DateOnly(_today.Year - 1, 11, 15), _today, new DateOnly(_today.Year - 1, 12, 5));

    private async Task SeedSpecialistsAsync(CancellationToken ct)
    {
        var rhf = _parties["Helse Sør-Øst RHF"];
        if (!_parties.TryGetValue(DemoTrustName, out var demoTrust))
        {
            demoTrust = Party.Create(new PartyDetails(PartyKind.HealthTrust, DemoTrustName, PostalCity: "Oslo", ParentPartyId: rhf.Id), clock.GetUtcNow());
            db.Parties.Add(demoTrust);
            _parties[DemoTrustName] = demoTrust;
        }

        var now = clock.GetUtcNow();

        // Active: the demo specialist's own driftsavtale and samarbeidsavtale.
        var own = await OperatingAsync("Demo Spesialistsen", new DateOnly(2015, 3, 1), ct);
        SignAll(own, At(2015, 1, 20), new DateOnly(2015, 2, 10));
        var ownCooperation = await CooperationAsync("Samarbeidsavtale om øyesykdommer mellom Demo HF og Demo Spesialistsen", demoTrust,
            ["Demo Spesialistsen"], new DateOnly(2024, 1, 1), ct, nextReview: _today.AddDays(45));
        SignAll(ownCooperation, At(2023, 12, 1), new DateOnly(2023, 12, 14));

        foreach (var name in new[] { "Fiksjon Psykiatersen", "Demonstra Nevrosen", "Eksempla Revmasen", "Prøvar Indremedisinsen", "Testine Gynesen" })
        {
            var agreement = await OperatingAsync(name, new DateOnly(2018, 1, 1), ct);
            SignAll(agreement, At(2017, 11, 1), new DateOnly(2017, 12, 1));
        }

        // Active, but its fixed term ends within the default horizon.
        var ending = await CooperationAsync("Samarbeidsavtale om kvinnesykdommer mellom Demo HF og Testine Gynesen", demoTrust,
            ["Testine Gynesen"], new DateOnly(2024, 1, 1), ct, validTo: _today.AddDays(60));
        SignAll(ending, At(2023, 11, 1), new DateOnly(2023, 11, 20));

        // Draft.
        await OperatingAsync("Fiktiv Legesen", _today.AddMonths(2), ct);

        // Awaiting signature: the RHF has signed, the specialist has not, for twelve days now.
        var awaiting = await OperatingAsync("Demo Barnesen", _today.AddMonths(1), ct);
        awaiting.SendForSignature(now.AddDays(-12));
        var rhfParty = awaiting.Parties.Single(p => p.Role == AgreementPartyRole.RegionalHealthAuthority);
        awaiting.RegisterSignature(rhfParty.Id, Paper(rhfParty, _today.AddDays(-10)), _today);

        // A samarbeidsavtale with two specialists, also awaiting signature.
        var shared = await CooperationAsync("Samarbeidsavtale om psykiatri og nevrologi mellom Demo HF og to avtalespesialistar", demoTrust,
            ["Fiksjon Psykiatersen", "Demonstra Nevrosen"], _today.AddMonths(1), ct);
        shared.SendForSignature(now.AddDays(-30));

        // Under notice: given by the specialist four months ago, six months' notice.
        var noticed = await OperatingAsync("Eksempel Hjertelund", new DateOnly(2010, 5, 1), ct);
        SignAll(noticed, At(2010, 3, 1), new DateOnly(2010, 4, 1));
        noticed.GiveNotice(_parties["Eksempel Hjertelund"].Id, "Eksempel Hjertelund", _today.AddMonths(-4), _today);

        // Ended: notice ran out last year.
        var ended = await OperatingAsync("Prøve Øre-Nesesen", new DateOnly(2014, 9, 1), ct);
        SignAll(ended, At(2014, 6, 1), new DateOnly(2014, 7, 1));
        ended.GiveNotice(_parties["Prøve Øre-Nesesen"].Id, "Prøve Øre-Nesesen", _today.AddYears(-1).AddMonths(-6), _today);
        ended.EndIfDue(_today);
        await db.SaveChangesAsync(ct);

        // Replaced: version 1 (50 %) is replaced by an active version 2 (100 %) (R1).
        var first = await OperatingAsync("Testa Prøvesen", new DateOnly(2016, 1, 1), ct, sharePercent: 50m);
        SignAll(first, At(2015, 11, 1), new DateOnly(2015, 12, 1));
        await db.SaveChangesAsync(ct);

        var secondValidFrom = new DateOnly(2023, 1, 1);
        var second = first.CreateNewVersion("Hjemmelen er utvidet fra 50 % til 100 %.", secondValidFrom, At(2022, 10, 3));
        second.UpdateDraft(OperatingDetails(_parties["Testa Prøvesen"], first.Title, secondValidFrom, 100m), _today);
        db.Agreements.Add(second);
        SignAll(second, At(2022, 11, 1), new DateOnly(2022, 11, 20));
        await db.SaveChangesAsync(ct);
        first.MarkReplacedBy(second);
        await db.SaveChangesAsync(ct);

        // R1: a new version signed, but in force only from next month; until then the old one applies.
        var current = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections)
            .SingleAsync(a => a.Title == "Driftsavtale revmatologi – Eksempla Revmasen", ct);
        var nextValidFrom = new DateOnly(_today.Year, _today.Month, 1).AddMonths(1);
        var next = current.CreateNewVersion("Åpningstiden er utvidet med én kveld i uken.", nextValidFrom, now.AddDays(-20));
        db.Agreements.Add(next);
        SignAll(next, now.AddDays(-14), _today.AddDays(-7));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Agreement> OperatingAsync(string specialistName, DateOnly validFrom, CancellationToken ct, decimal sharePercent = 100m)
    {
        var specialist = _parties[specialistName];
        var title = $"Driftsavtale {specialist.Specialty!.ToLowerInvariant()} – {specialist.Name}";
        var agreement = await DraftAsync(OperatingDetails(specialist, title, validFrom, sharePercent), CreatedBefore(validFrom), ct);
        agreement.SetParties([Signatory(_parties["Helse Sør-Øst RHF"]), (specialist, specialist.Name, "Avtalespesialist")]);
        Sections(agreement,
            ("Formål", "Avtalen gir rett til å drive avtalepraksis med driftstilskudd fra Helse Sør-Øst RHF, innenfor rammeavtalen."),
            ("Hjemmel", $"Praksisen drives i {specialist.Specialty!.ToLowerInvariant()} fra {specialist.StreetAddress}, {specialist.PostalCode} {specialist.PostalCity}."));
        return agreement;
    }

    private static AgreementDetails OperatingDetails(Party specialist, string title, DateOnly validFrom, decimal sharePercent) =>
        new(AgreementKind.OperatingAgreement, title, DocumentLanguage.Bokmal, validFrom,
            PracticePosition: new PracticePosition(specialist.Specialty!, null, $"{specialist.StreetAddress}, {specialist.PostalCode} {specialist.PostalCity}",
                sharePercent, PracticePosition.FullTimeHoursPerWeek * sharePercent / 100m, PracticePosition.FullTimeWeeksPerYear));

    private async Task<Agreement> CooperationAsync(string title, Party trust, string[] specialists, DateOnly validFrom, CancellationToken ct,
        DateOnly? validTo = null, DateOnly? nextReview = null)
    {
        var agreement = await DraftAsync(new AgreementDetails(AgreementKind.SpecialistCooperationAgreement, title, DocumentLanguage.Bokmal, validFrom,
            ValidTo: validTo, NextReviewDate: nextReview, MeetingFrequency: "To møter i året", ContactRoutines: "Fast kontaktperson i poliklinikken"), CreatedBefore(validFrom), ct);
        agreement.SetParties([Signatory(trust), .. specialists.Select(s => (_parties[s], (string?)s, (string?)"Avtalespesialist"))]);
        agreement.SetCooperationForms([
            (CooperationForm.DivisionOfWork, "Avklart pasientflyt mellom poliklinikk og avtalepraksis"),
            (CooperationForm.ProfessionalCooperation, "Felles fagdager"),
            (CooperationForm.WaitingListCooperation, null),
        ]);
        Sections(agreement, ("Samarbeid", "Partene samarbeider om arbeidsdeling, pasientflyt og ventelister, finansiert innenfor takstene."));
        return agreement;
    }

    private static AgreementDetails Municipal(string title, AgreementLevel level, Guid? parent, string? replaces = null,
        DateOnly? nextReviewDate = null, bool? isLegallyBinding = null) =>
        new(AgreementKind.MunicipalCooperationAgreement, title, DocumentLanguage.Nynorsk, OverarchingValidFrom,
            NextReviewDate: nextReviewDate, Level: level, ParentAgreementId: parent, IsLegallyBinding: isLegallyBinding, Replaces: replaces);

    private async Task<Agreement> DraftAsync(AgreementDetails details, DateTimeOffset createdAt, CancellationToken ct)
    {
        var reference = await ReferenceNumbers.NextAsync(db, details.Kind, createdAt.Year, ct);
        var agreement = Agreement.CreateDraft(details, reference, createdAt);
        db.Agreements.Add(agreement);
        return agreement;
    }

    private static void Sections(Agreement agreement, params (string Heading, string Body)[] sections)
    {
        foreach (var (heading, body) in sections)
        {
            agreement.AddSection(heading, body);
        }
    }

    private void SignAll(Agreement agreement, DateTimeOffset sentAt, DateOnly signedOn)
    {
        agreement.SendForSignature(sentAt);
        foreach (var party in agreement.Parties)
        {
            agreement.RegisterSignature(party.Id, Paper(party, signedOn), _today);
        }
    }

    private static Signature Paper(AgreementParty party, DateOnly signedOn) =>
        new(party.SignatoryName!, party.SignatoryTitle, signedOn, SignatureMethod.Paper, null);

    private (Party Party, string? Name, string? Title) Signatory(Party party)
    {
        // A stable pick per party (string.GetHashCode differs between runs).
        var name = Signatories[party.Name.Sum(c => c) % Signatories.Length];
        var title = party.Kind switch
        {
            PartyKind.Municipality or PartyKind.MunicipalGroup => "Kommunedirektør",
            PartyKind.HealthTrust => "Administrerande direktør",
            PartyKind.RegionalHealthAuthority => "Fagdirektør",
            _ => "Direktør",
        };
        return (party, name, title);
    }

    private DateTimeOffset CreatedBefore(DateOnly validFrom) =>
        validFrom > _today ? clock.GetUtcNow().AddDays(-3) : At(validFrom.Year, validFrom.Month, 1).AddMonths(-3);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);
}
