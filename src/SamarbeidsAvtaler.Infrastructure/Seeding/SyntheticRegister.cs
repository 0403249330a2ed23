using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// A synthetic register for load and search tests: invented parties (every name starts with
/// "Syntetisk", HPR numbers 70 000 001 and up) and agreements of every kind and lifecycle state
/// spread over 2012 to today, each with its parties and one section. Written with PostgreSQL's
/// binary COPY in batches, bypassing EF and the audit trail: 100 000 agreements take seconds. The
/// rows keep the schema's rules (status, versions, levels, signatures) so the pages read them as
/// they would real ones. Running it again adds more agreements and reuses the synthetic parties.
/// </summary>
public sealed class SyntheticRegister(string connectionString, TimeProvider clock, Action<string>? log = null)
{
    public const string NamePrefix = "Syntetisk";
    public const int SpecialistCount = 1_000;
    public const int FirstHprNumber = 70_000_001;
    public const int BatchSize = 10_000;

    private const int Trusts = 20;
    private const int InstitutionsPerTrust = 2;
    private const int Municipalities = 200;
    private const int GroupSize = 10;

    private static readonly string[] RegionNames = ["Sør-Øst", "Vest", "Midt", "Nord"];

    private static readonly (string Specialty, Profession Profession)[] Specialties =
    [
        ("Øyesykdommer", Profession.Physician), ("Hudsykdommer", Profession.Physician), ("Revmatologi", Profession.Physician),
        ("Psykiatri", Profession.Physician), ("Nevrologi", Profession.Physician), ("Indremedisin", Profession.Physician),
        ("Hjertesykdommer", Profession.Physician), ("Øre-nese-halssykdommer", Profession.Physician),
        ("Fødselshjelp og kvinnesykdommer", Profession.Physician), ("Lungesykdommer", Profession.Physician),
        ("Fordøyelsessykdommer", Profession.Physician), ("Barne- og ungdomspsykiatri", Profession.Physician),
        ("Klinisk voksenpsykologi", Profession.Psychologist), ("Klinisk barne- og ungdomspsykologi", Profession.Psychologist),
        ("Familiepsykologi", Profession.Psychologist),
    ];

    private static readonly string[] FirstNames =
    [
        "Ada", "Bjørn", "Cecilie", "Dag", "Eli", "Frode", "Gro", "Harald", "Ingrid", "Jon", "Kari", "Lars", "Mari", "Nils", "Oda",
        "Per", "Randi", "Sigurd", "Tone", "Ulf", "Vigdis", "Åse",
    ];

    private static readonly string[] LastNames =
    [
        "Prøvesen", "Testrud", "Demodal", "Eksempelstad", "Fiktivsen", "Oppdiktnes", "Tenkjeland", "Liksomsen", "Modellvik",
        "Simulberg", "Kunstigdal", "Lagetsen", "Påfunnsen", "Attrapp",
    ];

    private static readonly string[] Cities = ["Oslo", "Drammen", "Hamar", "Fredrikstad", "Bergen", "Stavanger", "Trondheim", "Tromsø", "Bodø", "Ålesund"];

    private static readonly string[] Topics = ["ambulante team", "felles legevakt", "jordmortjeneste", "hospitering", "kompetansenettverk", "rusbehandling"];

    private DateOnly _today;
    private DateTimeOffset _now;

    /// <summary>Adds <paramref name="count"/> agreements (a replaced version and its successor count as two).</summary>
    public async Task<SyntheticResult> GenerateAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var watch = Stopwatch.StartNew();
        _now = clock.GetUtcNow();
        _today = clock.Today();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var parties = await EnsurePartiesAsync(connection, cancellationToken);
        var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM agreements", cancellationToken);
        var random = new Random(unchecked((int)(20_261_122 + existing)));
        var parents = await LoadMunicipalParentsAsync(connection, cancellationToken);

        var written = 0;
        var byStatus = Enum.GetValues<AgreementStatus>().ToDictionary(s => s, _ => 0);
        while (written < count)
        {
            var batch = new Batch();
            while (batch.Agreements.Count < Math.Min(BatchSize, count - written))
            {
                Plan(batch, parties, parents, random, count - written - batch.Agreements.Count);
            }

            await WriteAsync(connection, batch, cancellationToken);
            written += batch.Agreements.Count;
            foreach (var agreement in batch.Agreements)
            {
                byStatus[agreement.Status]++;
            }
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{written:N0} av {count:N0} avtaler skrevet ({watch.Elapsed.TotalSeconds:0.0} s)"));
        }

        // Fresh statistics, so the planner sees the new size at once.
        await ExecuteAsync(connection, "ANALYZE parties, agreements, agreement_parties, agreement_sections, agreement_statutory_areas, agreement_cooperation_forms",
            cancellationToken);
        return new SyntheticResult(written, parties.Specialists.Count, byStatus, watch.Elapsed);
    }

    // ------------------------------------------------------------------------------------------ parties

    private sealed record PartyRef(Guid Id, string Name, PartyKind Kind, Guid? ParentId, string? Specialty);

    private sealed class PartySet
    {
        public List<PartyRef> Rhfs { get; } = [];
        public List<PartyRef> Trusts { get; } = [];
        public List<PartyRef> Institutions { get; } = [];
        public List<PartyRef> Municipalities { get; } = [];
        public List<PartyRef> Groups { get; } = [];
        public List<PartyRef> Specialists { get; } = [];
    }

    private async Task<PartySet> EnsurePartiesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var set = await LoadPartiesAsync(connection, ct);
        if (set.Specialists.Count > 0)
        {
            return set;
        }

        var random = new Random(7);
        var rows = new List<object?[]>();
        var members = new List<(Guid Group, Guid Municipality)>();
        PartyRef Add(PartyKind kind, string name, Guid? parent, string? specialty = null, Profession? profession = null, int? hpr = null)
        {
            var id = Guid.CreateVersion7(_now);
            var city = Cities[random.Next(Cities.Length)];
            rows.Add([id, kind.ToString(), name, hpr?.ToString(CultureInfo.InvariantCulture), profession?.ToString(), specialty,
                hpr is null ? null : new DateOnly(1950 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)),
                hpr is null ? null : $"Syntetisk gate {1 + random.Next(200)}", random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), city, parent]);
            return new PartyRef(id, name, kind, parent, specialty);
        }

        var rhfs = RegionNames.Select(r => Add(PartyKind.RegionalHealthAuthority, $"{NamePrefix} RHF {r}", null)).ToList();
        var trusts = Enumerable.Range(1, Trusts).Select(i => Add(PartyKind.HealthTrust, $"{NamePrefix} HF {i:D2}", rhfs[(i - 1) % rhfs.Count].Id)).ToList();
        foreach (var trust in trusts.ToList())
        {
            for (var i = 1; i <= InstitutionsPerTrust; i++)
            {
                Add(PartyKind.Institution, $"{NamePrefix} institusjon {i} under {trust.Name[(NamePrefix.Length + 1)..]}", trust.Id);
            }
        }

        var municipalities = Enumerable.Range(1, Municipalities).Select(i => Add(PartyKind.Municipality, $"{NamePrefix} kommune {i:D3}", null)).ToList();
        for (var g = 0; g < Municipalities / GroupSize; g++)
        {
            var group = Add(PartyKind.MunicipalGroup, $"{NamePrefix} kommunegruppe {g + 1:D2}", null);
            members.AddRange(municipalities.Skip(g * GroupSize).Take(GroupSize).Select(m => (group.Id, m.Id)));
        }

        for (var i = 0; i < SpecialistCount; i++)
        {
            var (specialty, profession) = Specialties[i % Specialties.Length];
            var name = $"{NamePrefix} {FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]} {i + 1:D4}";
            Add(PartyKind.Specialist, name, rhfs[i % rhfs.Count].Id, specialty, profession, FirstHprNumber + i);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY parties (id, kind, name, hpr_number, profession, specialty, date_of_birth, street_address, postal_code, postal_city, parent_party_id, is_active, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync((Guid)row[0]!, NpgsqlDbType.Uuid, ct);
                for (var c = 1; c <= 5; c++)
                {
                    await WriteAsync(writer, (string?)row[c], NpgsqlDbType.Varchar, ct);
                }

                await WriteAsync(writer, (DateOnly?)row[6], NpgsqlDbType.Date, ct);
                for (var c = 7; c <= 9; c++)
                {
                    await WriteAsync(writer, (string?)row[c], NpgsqlDbType.Varchar, ct);
                }

                await WriteAsync(writer, (Guid?)row[10], NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(_now, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY municipal_group_members (group_id, municipality_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (group, municipality) in members)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(group, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(municipality, NpgsqlDbType.Uuid, ct);
            }

            await writer.CompleteAsync(ct);
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{rows.Count:N0} syntetiske parter opprettet"));
        return await LoadPartiesAsync(connection, ct);
    }

    private static async Task<PartySet> LoadPartiesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var set = new PartySet();
        await using var command = new NpgsqlCommand("SELECT id, name, kind, parent_party_id, specialty FROM parties WHERE name LIKE @prefix ORDER BY name", connection);
        command.Parameters.AddWithValue("prefix", NamePrefix + " %");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var party = new PartyRef(reader.GetGuid(0), reader.GetString(1), Enum.Parse<PartyKind>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            (party.Kind switch
            {
                PartyKind.RegionalHealthAuthority => set.Rhfs,
                PartyKind.HealthTrust => set.Trusts,
                PartyKind.Institution => set.Institutions,
                PartyKind.Municipality => set.Municipalities,
                PartyKind.MunicipalGroup => set.Groups,
                _ => set.Specialists,
            }).Add(party);
        }

        return set;
    }

    // ------------------------------------------------------------------------------------------ agreements

    private sealed record MunicipalParent(Guid Id, AgreementLevel Level, Guid MunicipalPartyId, Guid TrustId, DateOnly ValidFrom);

    private static async Task<List<MunicipalParent>> LoadMunicipalParentsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // Earlier synthetic overarching and service agreements, to hang new levels 2 and 3 under (R4).
        const string sql = """
            SELECT a.id, a.level, m.party_id, t.party_id, a.valid_from
            FROM agreements a
            JOIN agreement_parties m ON m.agreement_id = a.id AND m.role = 'Municipality'
            JOIN agreement_parties t ON t.agreement_id = a.id AND t.role = 'SpecialistService'
            JOIN parties p ON p.id = m.party_id AND p.name LIKE 'Syntetisk %'
            WHERE a.level IN ('Overarching', 'Service') AND a.status IN ('Active', 'UnderNotice')
            """;
        var parents = new List<MunicipalParent>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            parents.Add(new MunicipalParent(reader.GetGuid(0), Enum.Parse<AgreementLevel>(reader.GetString(1)), reader.GetGuid(2), reader.GetGuid(3),
                reader.GetFieldValue<DateOnly>(4)));
        }

        return parents.DistinctBy(p => p.Id).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string ReferenceNumber { get; set; } = string.Empty;
        public string Prefix { get; init; } = string.Empty;
        public int Year { get; init; }
        public int VersionNumber { get; init; } = 1;
        public Guid? PreviousVersionId { get; init; }
        public string? ChangeSummary { get; init; }
        public AgreementKind Kind { get; init; }
        public AgreementStatus Status { get; set; }
        public string Title { get; init; } = string.Empty;
        public DocumentLanguage Language { get; init; } = DocumentLanguage.Bokmal;
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; set; }
        public DateOnly? NextReviewDate { get; set; }
        public int NoticePeriodMonths { get; init; } = AgreementDetails.DefaultNoticeMonths;
        public AgreementLevel? Level { get; init; }
        public Guid? ParentAgreementId { get; init; }
        public bool? IsLegallyBinding { get; init; }
        public string? MeetingFrequency { get; init; }
        public string? Specialty { get; init; }
        public string? Address { get; init; }
        public decimal? SharePercent { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? SentForSignatureAt { get; set; }
        public DateOnly? SignedOn { get; set; }
        public Guid? NoticeGivenByPartyId { get; set; }
        public string? NoticeGivenByName { get; set; }
        public DateOnly? NoticeGivenOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public Guid? ReplacedByAgreementId { get; set; }
        public DateOnly? ReplacedOn { get; set; }
        public List<(PartyRef Party, AgreementPartyRole Role, string Signatory, bool Signed)> Parties { get; } = [];
        public int[] Areas { get; init; } = [];
        public CooperationForm[] Forms { get; init; } = [];
    }

    private sealed class Batch
    {
        public List<Row> Agreements { get; } = [];
    }

    private void Plan(Batch batch, PartySet parties, List<MunicipalParent> parents, Random random, int room)
    {
        var roll = random.NextDouble();
        var kind = roll < 0.70 ? AgreementKind.OperatingAgreement : roll < 0.88 ? AgreementKind.SpecialistCooperationAgreement : AgreementKind.MunicipalCooperationAgreement;
        var statusRoll = random.NextDouble();
        var status = statusRoll switch
        {
            < 0.04 => AgreementStatus.Draft,
            < 0.08 => AgreementStatus.AwaitingSignature,
            < 0.10 => AgreementStatus.Signed,
            < 0.70 => AgreementStatus.Active,
            < 0.75 => AgreementStatus.UnderNotice,
            < 0.90 => AgreementStatus.Ended,
            _ => AgreementStatus.Replaced,
        };
        if (status == AgreementStatus.Replaced && room < 2)
        {
            status = AgreementStatus.Active;
        }

        var validFrom = status is AgreementStatus.Draft or AgreementStatus.AwaitingSignature
            ? _today.AddDays(random.Next(0, 180))
            : status == AgreementStatus.Signed
            ? _today.AddDays(random.Next(1, 180)) // R1: signed, in force from a date still to come

            : new DateOnly(2012, 1, 1).AddDays(random.Next(_today.DayNumber - new DateOnly(2012, 1, 1).DayNumber - 30));
        var row = kind switch
        {
            AgreementKind.OperatingAgreement => Operating(parties, random, validFrom),
            AgreementKind.SpecialistCooperationAgreement => Cooperation(parties, random, validFrom),
            _ => Municipal(parties, parents, random, validFrom),
        };
        batch.Agreements.Add(row);
        ApplyStatus(row, status == AgreementStatus.Replaced ? AgreementStatus.Active : status, random);

        if (row.Level is AgreementLevel.Overarching or AgreementLevel.Service && row.Status is AgreementStatus.Active or AgreementStatus.UnderNotice)
        {
            var municipal = row.Parties.First(p => p.Role == AgreementPartyRole.Municipality).Party.Id;
            var trust = row.Parties.First(p => p.Role == AgreementPartyRole.SpecialistService).Party.Id;
            parents.Add(new MunicipalParent(row.Id, row.Level.Value, municipal, trust, row.ValidFrom));
        }

        if (status == AgreementStatus.Replaced)
        {
            // R1: a new version replaces this one; the old stays readable.
            var successorFrom = row.ValidFrom.AddDays(random.Next(180, 2000));
            if (successorFrom >= _today)
            {
                successorFrom = _today.AddDays(-random.Next(1, 60));
            }

            if (successorFrom <= row.ValidFrom)
            {
                return;
            }

            var successor = new Row
            {
                Id = Guid.CreateVersion7(_now),
                ReferenceNumber = row.ReferenceNumber,
                Prefix = row.Prefix,
                Year = row.Year,
                VersionNumber = 2,
                PreviousVersionId = row.Id,
                ChangeSummary = "Ny versjon: oppdatert tekst og åpningstid.",
                Kind = row.Kind,
                Title = row.Title,
                Language = row.Language,
                ValidFrom = successorFrom,
                NoticePeriodMonths = row.NoticePeriodMonths,
                Level = row.Level,
                ParentAgreementId = row.ParentAgreementId,
                IsLegallyBinding = row.IsLegallyBinding,
                MeetingFrequency = row.MeetingFrequency,
                Specialty = row.Specialty,
                Address = row.Address,
                SharePercent = row.SharePercent,
                CreatedAt = Utc(successorFrom.AddDays(-90)),
                Areas = row.Areas,
                Forms = row.Forms,
            };
            successor.Parties.AddRange(row.Parties.Select(p => (p.Party, p.Role, p.Signatory, false)));
            ApplyStatus(successor, AgreementStatus.Active, random);
            row.Status = AgreementStatus.Replaced;
            row.ReplacedByAgreementId = successor.Id;
            row.ReplacedOn = successorFrom;
            row.ValidTo = null;
            row.EndsOn = null;
            batch.Agreements.Add(successor);
        }
    }

    private Row Operating(PartySet parties, Random random, DateOnly validFrom)
    {
        var specialist = parties.Specialists[random.Next(parties.Specialists.Count)];
        var rhf = parties.Rhfs.FirstOrDefault(r => r.Id == specialist.ParentId) ?? parties.Rhfs[0];
        var share = random.NextDouble() < 0.8 ? 100m : 50m;
        var row = NewRow(AgreementKind.OperatingAgreement, validFrom, $"Driftsavtale {specialist.Specialty!.ToLowerInvariant()} – {specialist.Name}",
            specialty: specialist.Specialty, address: $"Syntetisk gate {random.Next(1, 200)}", share: share);
        row.Parties.Add((rhf, AgreementPartyRole.RegionalHealthAuthority, Person(random), false));
        row.Parties.Add((specialist, AgreementPartyRole.Specialist, specialist.Name, false));
        return row;
    }

    private Row Cooperation(PartySet parties, Random random, DateOnly validFrom)
    {
        var trust = random.NextDouble() < 0.8 ? parties.Trusts[random.Next(parties.Trusts.Count)] : parties.Institutions[random.Next(parties.Institutions.Count)];
        var first = parties.Specialists[random.Next(parties.Specialists.Count)];
        var specialists = new List<PartyRef> { first };
        for (var extra = random.Next(0, 3); extra > 0; extra--)
        {
            var next = parties.Specialists[random.Next(parties.Specialists.Count)];
            if (specialists.All(s => s.Id != next.Id))
            {
                specialists.Add(next);
            }
        }

        var forms = Enum.GetValues<CooperationForm>().Where(f => f != CooperationForm.InpatientSupervision).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
        var row = NewRow(AgreementKind.SpecialistCooperationAgreement, validFrom,
            $"Samarbeidsavtale {first.Specialty!.ToLowerInvariant()} – {trust.Name} og {(specialists.Count == 1 ? first.Name : $"{specialists.Count} avtalespesialister")}",
            forms: forms, meetingFrequency: "To møter i året");
        row.Parties.Add((trust, AgreementPartyRole.SpecialistService, Person(random), false));
        row.Parties.AddRange(specialists.Select(s => (s, AgreementPartyRole.Specialist, s.Name, false)));
        return row;
    }

    private Row Municipal(PartySet parties, List<MunicipalParent> parents, Random random, DateOnly validFrom)
    {
        var levelRoll = random.NextDouble();
        var level = parents.Count == 0 || levelRoll < 0.15 ? AgreementLevel.Overarching
            : levelRoll < 0.85 ? AgreementLevel.Service : AgreementLevel.Supplementary;
        MunicipalParent? parent = null;
        if (level != AgreementLevel.Overarching)
        {
            var candidates = level == AgreementLevel.Service ? parents.Where(p => p.Level == AgreementLevel.Overarching).ToList() : parents;
            parent = candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : null;
            level = parent is null ? AgreementLevel.Overarching : level;
        }

        var municipalSide = parent is not null
            ? parties.Groups.Concat(parties.Municipalities).First(p => p.Id == parent.MunicipalPartyId)
            : random.NextDouble() < 0.8 ? parties.Groups[random.Next(parties.Groups.Count)] : parties.Municipalities[random.Next(parties.Municipalities.Count)];
        var trust = parent is not null ? parties.Trusts.Concat(parties.Institutions).First(p => p.Id == parent.TrustId) : parties.Trusts[random.Next(parties.Trusts.Count)];
        if (parent is not null && validFrom < parent.ValidFrom)
        {
            validFrom = parent.ValidFrom;
        }

        var areas = level == AgreementLevel.Service
            ? StatutoryAreaCatalogue.ValidOn(validFrom).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(a => a.Number).Order().ToArray()
            : [];
        var title = level switch
        {
            AgreementLevel.Overarching => $"Overordnet samarbeidsavtale – {municipalSide.Name} og {trust.Name}",
            AgreementLevel.Service => $"Tjenesteavtale {string.Join(" og ", areas)}: {StatutoryAreaCatalogue.All[areas[0] - 1].Title} – {municipalSide.Name}",
            _ => $"Særavtale om {Topics[random.Next(Topics.Length)]} – {municipalSide.Name}",
        };
        var row = NewRow(AgreementKind.MunicipalCooperationAgreement, validFrom, title, level: level, parent: parent?.Id, areas: areas,
            language: random.NextDouble() < 0.3 ? DocumentLanguage.Nynorsk : DocumentLanguage.Bokmal,
            legallyBinding: level == AgreementLevel.Supplementary ? random.NextDouble() < 0.5 : true);
        row.Parties.Add((municipalSide, AgreementPartyRole.Municipality, Person(random), false));
        row.Parties.Add((trust, AgreementPartyRole.SpecialistService, Person(random), false));
        return row;
    }

    private Row NewRow(AgreementKind kind, DateOnly validFrom, string title, string? specialty = null, string? address = null, decimal? share = null,
        CooperationForm[]? forms = null, string? meetingFrequency = null, AgreementLevel? level = null, Guid? parent = null, int[]? areas = null,
        DocumentLanguage language = DocumentLanguage.Bokmal, bool? legallyBinding = null)
    {
        var createdAt = validFrom > _today ? _now.AddDays(-30) : Utc(validFrom.AddDays(-90));
        return new Row
        {
            Id = Guid.CreateVersion7(createdAt),
            Prefix = kind.ReferencePrefix(),
            Year = createdAt.Year,
            Kind = kind,
            Title = title.Length > Agreement.TitleMaxLength ? title[..Agreement.TitleMaxLength] : title,
            Language = language,
            ValidFrom = validFrom,
            NoticePeriodMonths = kind == AgreementKind.MunicipalCooperationAgreement ? Agreement.MunicipalNoticeMonths : AgreementDetails.DefaultNoticeMonths,
            Level = level,
            ParentAgreementId = parent,
            IsLegallyBinding = kind == AgreementKind.MunicipalCooperationAgreement ? legallyBinding : null,
            MeetingFrequency = meetingFrequency,
            Specialty = specialty,
            Address = address,
            SharePercent = share,
            CreatedAt = createdAt,
            Areas = areas ?? [],
            Forms = forms ?? [],
        };
    }

    /// <summary>Sets the lifecycle fields as the domain would have left them in <paramref name="status"/>.</summary>
    private void ApplyStatus(Row row, AgreementStatus status, Random random)
    {
        row.Status = status;
        var municipal = row.Kind == AgreementKind.MunicipalCooperationAgreement;
        switch (status)
        {
            case AgreementStatus.Draft:
                return;
            case AgreementStatus.AwaitingSignature:
                row.SentForSignatureAt = _now.AddDays(-random.Next(1, 60)).AddMinutes(-random.Next(600));
                // Some parties have signed already.
                for (var i = 0; i < row.Parties.Count - 1; i++)
                {
                    if (random.NextDouble() < 0.5)
                    {
                        row.Parties[i] = row.Parties[i] with { Signed = true };
                    }
                }

                row.SignedOn = null;
                return;
        }

        // Signed by every party some weeks before it took effect, never in the future.
        var signedOn = row.ValidFrom.AddDays(-random.Next(5, 60));
        signedOn = signedOn > _today ? _today : signedOn;
        row.SentForSignatureAt = Utc(signedOn.AddDays(-random.Next(3, 30)));
        row.SignedOn = signedOn;
        for (var i = 0; i < row.Parties.Count; i++)
        {
            row.Parties[i] = row.Parties[i] with { Signed = true };
        }

        row.NextReviewDate = municipal
            ? ReviewRules.AnnualReviewDeadline(random.NextDouble() < 0.15 ? _today.AddYears(-1) : _today)
            : random.NextDouble() < 0.3 ? _today.AddDays(random.Next(-60, 400)) : null;

        switch (status)
        {
            case AgreementStatus.Active:
                // A few fixed terms, some running out within a year.
                if (random.NextDouble() < 0.1)
                {
                    row.ValidTo = _today.AddDays(random.Next(1, 1500));
                }

                break;
            case AgreementStatus.UnderNotice:
                {
                    var givenOn = _today.AddDays(-random.Next(0, row.NoticePeriodMonths * 28));
                    givenOn = givenOn < row.ValidFrom ? row.ValidFrom : givenOn;
                    GiveNotice(row, givenOn, random);
                    break;
                }

            case AgreementStatus.Ended:
                {
                    // Notice that has run out, at least a month ago.
                    var latest = _today.AddMonths(-row.NoticePeriodMonths - 1);
                    var givenOn = latest <= row.ValidFrom ? row.ValidFrom : row.ValidFrom.AddDays(random.Next(latest.DayNumber - row.ValidFrom.DayNumber + 1));
                    GiveNotice(row, givenOn, random);
                    if (row.EndsOn > _today)
                    {
                        row.EndsOn = _today;
                    }

                    row.NextReviewDate = null;
                    break;
                }
        }
    }

    private static void GiveNotice(Row row, DateOnly givenOn, Random random)
    {
        var by = row.Parties[random.Next(row.Parties.Count)];
        row.NoticeGivenByPartyId = by.Party.Id;
        row.NoticeGivenByName = by.Signatory;
        row.NoticeGivenOn = givenOn;
        // R2: in force through the same date a year (or the agreed months) later; ended from the day after.
        row.EndsOn = (row.Kind == AgreementKind.MunicipalCooperationAgreement ? givenOn.AddYears(1) : givenOn.AddMonths(row.NoticePeriodMonths)).AddDays(1);
    }

    private static string Person(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    private static DateTimeOffset Utc(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    // ------------------------------------------------------------------------------------------ writing

    private static async Task WriteAsync(NpgsqlConnection connection, Batch batch, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AssignReferenceNumbersAsync(connection, batch, ct);

        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY agreements (id, reference_number, version_number, previous_version_id, change_summary, kind, status, title, language,
                valid_from, valid_to, next_review_date, notice_period_months, level, parent_agreement_id, is_legally_binding, meeting_frequency,
                practice_specialty, practice_address, practice_share_percent, practice_hours_per_week, practice_weeks_per_year,
                created_at, sent_for_signature_at, signed_on, notice_given_by_party_id, notice_given_by_name, notice_given_on, ends_on,
                replaced_by_agreement_id, replaced_on) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var a in batch.Agreements)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(a.ReferenceNumber, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(a.VersionNumber, NpgsqlDbType.Integer, ct);
                await WriteAsync(writer, a.PreviousVersionId, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, a.ChangeSummary, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(a.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(a.Title, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(a.Language.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(a.ValidFrom, NpgsqlDbType.Date, ct);
                await WriteAsync(writer, a.ValidTo, NpgsqlDbType.Date, ct);
                await WriteAsync(writer, a.NextReviewDate, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(a.NoticePeriodMonths, NpgsqlDbType.Integer, ct);
                await WriteAsync(writer, a.Level?.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteAsync(writer, a.ParentAgreementId, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, a.IsLegallyBinding, NpgsqlDbType.Boolean, ct);
                await WriteAsync(writer, a.MeetingFrequency, NpgsqlDbType.Varchar, ct);
                await WriteAsync(writer, a.Specialty, NpgsqlDbType.Varchar, ct);
                await WriteAsync(writer, a.Address, NpgsqlDbType.Varchar, ct);
                await WriteAsync(writer, a.SharePercent, NpgsqlDbType.Numeric, ct);
                await WriteAsync(writer, a.SharePercent * PracticePosition.FullTimeHoursPerWeek / 100m, NpgsqlDbType.Numeric, ct);
                await WriteAsync(writer, a.SharePercent is null ? null : (int?)PracticePosition.FullTimeWeeksPerYear, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteAsync(writer, a.SentForSignatureAt, NpgsqlDbType.TimestampTz, ct);
                await WriteAsync(writer, a.SignedOn, NpgsqlDbType.Date, ct);
                await WriteAsync(writer, a.NoticeGivenByPartyId, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, a.NoticeGivenByName, NpgsqlDbType.Varchar, ct);
                await WriteAsync(writer, a.NoticeGivenOn, NpgsqlDbType.Date, ct);
                await WriteAsync(writer, a.EndsOn, NpgsqlDbType.Date, ct);
                await WriteAsync(writer, a.ReplacedByAgreementId, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, a.ReplacedOn, NpgsqlDbType.Date, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY agreement_parties (id, agreement_id, party_id, role, signatory_name, signatory_title, signed_by_name, signed_by_title, signed_on,
                signature_method) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var a in batch.Agreements)
            {
                foreach (var (party, role, signatory, signed) in a.Parties)
                {
                    var title = role == AgreementPartyRole.Specialist ? "Avtalespesialist" : "Direktør";
                    var signedOn = a.SignedOn ?? DateOnly.FromDateTime(a.SentForSignatureAt?.UtcDateTime ?? a.CreatedAt.UtcDateTime).AddDays(1);
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(Guid.CreateVersion7(a.CreatedAt), NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(party.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(role.ToString(), NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(signatory, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(title, NpgsqlDbType.Varchar, ct);
                    await WriteAsync(writer, signed ? signatory : null, NpgsqlDbType.Varchar, ct);
                    await WriteAsync(writer, signed ? title : null, NpgsqlDbType.Varchar, ct);
                    await WriteAsync(writer, signed ? (DateOnly?)signedOn : null, NpgsqlDbType.Date, ct);
                    await WriteAsync(writer, signed ? nameof(SignatureMethod.Paper) : null, NpgsqlDbType.Varchar, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY agreement_sections (id, agreement_id, position, heading, body) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch.Agreements)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(Guid.CreateVersion7(a.CreatedAt), NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(a.Language == DocumentLanguage.Nynorsk ? "Føremål" : "Formål", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync($"Syntetisk avtaletekst for last- og søketester: {a.Title}.", NpgsqlDbType.Varchar, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY agreement_statutory_areas (agreement_id, area_number) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch.Agreements)
            {
                foreach (var area in a.Areas)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(area, NpgsqlDbType.Integer, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY agreement_cooperation_forms (agreement_id, form, description) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch.Agreements)
            {
                foreach (var form in a.Forms)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(form.ToString(), NpgsqlDbType.Varchar, ct);
                    await writer.WriteNullAsync(ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Takes a block of numbers per prefix and year from the same counters the app uses, so later
    /// agreements made in the app never collide with synthetic ones. A successor keeps its predecessor's number.
    /// </summary>
    private static async Task AssignReferenceNumbersAsync(NpgsqlConnection connection, Batch batch, CancellationToken ct)
    {
        var byId = batch.Agreements.ToDictionary(a => a.Id);
        foreach (var group in batch.Agreements.Where(a => a.VersionNumber == 1).GroupBy(a => (a.Prefix, a.Year)))
        {
            var rows = group.ToList();
            await using var command = new NpgsqlCommand("""
                INSERT INTO reference_counters (prefix, year, last_value) VALUES (@prefix, @year, @n)
                ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counters.last_value + @n
                RETURNING last_value
                """, connection);
            command.Parameters.AddWithValue("prefix", group.Key.Prefix);
            command.Parameters.AddWithValue("year", group.Key.Year);
            command.Parameters.AddWithValue("n", rows.Count);
            var last = (int)(await command.ExecuteScalarAsync(ct))!;
            var next = last - rows.Count + 1;
            foreach (var row in rows)
            {
                row.ReferenceNumber = string.Create(CultureInfo.InvariantCulture, $"{row.Prefix}-{row.Year}-{next++:D4}");
            }
        }

        foreach (var successor in batch.Agreements.Where(a => a.PreviousVersionId is not null))
        {
            successor.ReferenceNumber = byId[successor.PreviousVersionId!.Value].ReferenceNumber;
        }
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, type, ct);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>What one run of <see cref="SyntheticRegister"/> added, and how long it took.</summary>
public sealed record SyntheticResult(int Agreements, int Specialists, IReadOnlyDictionary<AgreementStatus, int> ByStatus, TimeSpan Elapsed);
