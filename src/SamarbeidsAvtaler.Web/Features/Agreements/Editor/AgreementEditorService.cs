using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>
/// Creating agreements and editing drafts: details, parties, samarbeidsformer, § 6-2 points and the
/// sections of the text. Only caseworkers and administrators; a missing agreement is NotFound; only a
/// draft changes (R1, the domain's refusal otherwise). Every change of a draft's details, parties,
/// forms or points claims the agreement's row version first, so two saves at once end in one saved
/// and one conflict, never a duplicate key.
/// </summary>
public sealed class AgreementEditorService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const string AgreementConflict =
        "Noen andre har lagret endringer i denne avtalen etter at du åpnet den. Endringene dine er ikke lagret; det du skrev, står fortsatt i skjemaet.";

    public const string SectionConflict =
        "Noen andre har lagret endringer i dette avsnittet etter at du åpnet det. Endringene dine er ikke lagret; det du skrev, står fortsatt i skjemaet.";

    // ---- Reads -------------------------------------------------------------------------------

    public AgreementForm NewForm(AgreementKind kind) => AgreementForm.NewFor(kind, clock.Today());

    /// <summary>The editor's heading data; null when the agreement is missing or the user may not edit.</summary>
    public async Task<EditorHeader?> GetHeaderAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return agreement is null
            ? null
            : new EditorHeader(agreement.Id, agreement.Title, agreement.ReferenceNumber, agreement.Kind, agreement.Level, agreement.Status,
                agreement.VersionNumber, Editing.ChangeRefusal(agreement));
    }

    public async Task<AgreementForm?> GetDetailsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var position = a.PracticePosition;
        return new AgreementForm
        {
            Kind = a.Kind,
            Title = a.Title,
            Language = a.Language,
            ValidFrom = AgreementForm.ToDateTime(a.ValidFrom),
            ValidTo = AgreementForm.ToDateTime(a.ValidTo),
            NextReviewDate = AgreementForm.ToDateTime(a.NextReviewDate),
            NoticePeriodMonths = a.NoticePeriodMonths,
            Level = a.Level,
            ParentAgreement = await Editing.ParentAsync(db, a.ParentAgreementId),
            // Levels 1 and 2 are binding by law; only a særavtale answers the question itself (R5).
            IsLegallyBinding = a.Level == AgreementLevel.Supplementary ? a.IsLegallyBinding : null,
            Replaces = a.Replaces,
            MeetingFrequency = a.MeetingFrequency,
            ContactRoutines = a.ContactRoutines,
            Compensation = a.Compensation,
            PracticeSpecialty = position?.Specialty,
            PracticeMunicipality = await Editing.MunicipalityAsync(db, position?.MunicipalityId),
            PracticeAddress = position?.Address,
            PracticeSharePercent = position?.SharePercent,
            PracticeHoursPerWeek = position?.HoursPerWeek,
            PracticeWeeksPerYear = position?.WeeksPerYear,
            PracticeStaffing = position?.Staffing,
            PracticeProfile = position?.PracticeProfile,
            PracticeNormFigures = position?.NormFigures,
            Version = await VersionAsync(db, id, ct),
        };
    }

    /// <summary>Kommuner for a driftsavtale's practice location, by name or organisation number; at most <see cref="Editing.MaxHits"/>.</summary>
    public async Task<IReadOnlyList<Choice>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Editing.SearchMunicipalitiesAsync(db, text);
    }

    /// <summary>Kommune–HF agreements a level 2 or 3 agreement may hang under (R4), by title or reference number.</summary>
    public async Task<IReadOnlyList<Choice>> SearchParentsAsync(ClaimsPrincipal user, string? text, AgreementLevel? level, Guid? exclude,
        CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Editing.SearchParentsAsync(db, text, level, exclude);
    }

    public async Task<PartiesForm?> GetPartiesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await VersionAsync(db, id, ct) is not { } version)
        {
            return null;
        }

        var rows = await (from ap in db.AgreementParties.AsNoTracking()
                          join p in db.Parties on ap.PartyId equals p.Id
                          where ap.AgreementId == id
                          select new { ap.PartyId, p.Name, p.Kind, ap.Role, p.OrganisationNumber, p.HprNumber, p.IsActive, ap.SignatoryName, ap.SignatoryTitle })
            .ToListAsync(ct);
        return new PartiesForm
        {
            Version = version,
            // In the order of the roles (RHF, avtalespesialist, spesialisthelsetjenesten, kommune), then by name.
            Rows = rows.OrderBy(r => r.Role).ThenBy(r => r.Name, StringComparer.Create(Norwegian.Culture, false))
                .Select(r => new SignatoryRow
                {
                    PartyId = r.PartyId,
                    Name = r.Name,
                    Kind = r.Kind,
                    Role = r.Role,
                    Number = NumberText(r.OrganisationNumber, r.HprNumber),
                    IsActive = r.IsActive,
                    SignatoryName = r.SignatoryName,
                    SignatoryTitle = r.SignatoryTitle,
                }).ToList(),
        };
    }

    /// <summary>Active parties of the kinds this agreement takes, not already in it; nothing without a search text.</summary>
    public async Task<IReadOnlyList<PartyHit>> SearchPartiesAsync(ClaimsPrincipal user, Guid id, string? text, CancellationToken ct = default)
    {
        text = SearchText.Clean(text);
        if (!user.IsMaintainer() || text is null)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var kind = await db.Agreements.Where(a => a.Id == id).Select(a => (AgreementKind?)a.Kind).FirstOrDefaultAsync(ct);
        if (kind is not { } k)
        {
            return [];
        }

        var allowed = Enum.GetValues<PartyKind>().Where(p => k.Allows(p)).ToList();
        var taken = db.AgreementParties.Where(ap => ap.AgreementId == id).Select(ap => ap.PartyId);
        var hits = await PartyQueries.Search(db.Parties.AsNoTracking(), text, kind: null, includeInactive: false)
            .Where(p => allowed.Contains(p.Kind) && !taken.Contains(p.Id))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(Editing.MaxHits)
            .Select(p => new { p.Id, p.Name, p.Kind, p.OrganisationNumber, p.HprNumber, p.Specialty, p.PostalCity })
            .ToListAsync(ct);
        return hits.Select(h => new PartyHit(h.Id, h.Name, h.Kind, NumberText(h.OrganisationNumber, h.HprNumber), h.Specialty ?? h.PostalCity)).ToList();
    }

    /// <summary>The samarbeidsformer tab, every form offered in the order of 000; null when missing or not a samarbeidsavtale avtalespesialist–HF.</summary>
    public async Task<CooperationFormsForm?> GetCooperationFormsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.CooperationForms).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null || agreement.Kind != AgreementKind.SpecialistCooperationAgreement)
        {
            return null;
        }

        var stored = agreement.CooperationForms.ToDictionary(f => f.Form);
        return new CooperationFormsForm
        {
            Compensation = agreement.Compensation,
            Version = (await VersionAsync(db, id, ct))!.Value,
            Rows = Enum.GetValues<CooperationForm>().Select(f => new CooperationFormRow
            {
                Form = f,
                Chosen = stored.ContainsKey(f),
                Description = stored.GetValueOrDefault(f)?.Description,
            }).ToList(),
        };
    }

    /// <summary>The § 6-2 tab; null when missing or not a tjenesteavtale (level 2).</summary>
    public async Task<StatutoryAreasForm?> GetStatutoryAreasAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.StatutoryAreas).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null || agreement.Level != AgreementLevel.Service)
        {
            return null;
        }

        return new StatutoryAreasForm
        {
            ValidFrom = agreement.ValidFrom,
            Offered = StatutoryAreaCatalogue.ValidOn(agreement.ValidFrom),
            Chosen = agreement.StatutoryAreas.Select(a => a.AreaNumber).ToHashSet(),
            Version = (await VersionAsync(db, id, ct))!.Value,
        };
    }

    public async Task<IReadOnlyList<SectionRow>?> GetSectionsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Agreements.AnyAsync(a => a.Id == id, ct))
        {
            return null;
        }

        return await db.AgreementSections.AsNoTracking().Where(s => s.AgreementId == id).OrderBy(s => s.Position)
            .Select(s => new SectionRow(s.Id, s.Position, s.Heading, s.Body)).ToListAsync(ct);
    }

    /// <summary>One section as stored, with its row version; null when it is not a section of this agreement.</summary>
    public async Task<SectionForm?> GetSectionAsync(ClaimsPrincipal user, Guid id, Guid sectionId, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AgreementSections.AsNoTracking().Where(s => s.Id == sectionId && s.AgreementId == id)
            .Select(s => new SectionForm { Heading = s.Heading, Body = s.Body, Position = s.Position, Version = EF.Property<uint>(s, "Version") })
            .FirstOrDefaultAsync(ct);
    }

    // ---- Commands ----------------------------------------------------------------------------

    /// <summary>Step 1: creates the draft with its own reference number; the value is the new agreement's id.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(ClaimsPrincipal user, AgreementForm form, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<Guid>.From(CommandResult.Forbidden());
        }

        if (!Enum.IsDefined(form.Kind))
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(nameof(AgreementForm.Kind), "Velg avtaletype."));
        }

        var (details, errors) = form.ToDetails(form.Kind, clock.Today());
        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var references = await Editing.CheckReferencesAsync(db, details, agreementId: null);
        if (references.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(references));
        }

        // The counter upsert and the insert share one transaction: a failed save hands out no number.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await ReferenceNumbers.NextAsync(db, form.Kind, clock.Today().Year);
        Agreement agreement;
        try
        {
            agreement = Agreement.CreateDraft(details, number, clock.GetUtcNow());
        }
        catch (DomainValidationException e)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid([.. AgreementForm.ForForm(e.Errors)]));
        }

        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<Guid>.Ok(agreement.Id, $"Utkastet er opprettet med saksnummer {agreement.ReferenceNumber}.");
    }

    /// <summary>Saves the details tab; the value is the agreement's new row version.</summary>
    public async Task<CommandResult<uint>> SaveDetailsAsync(ClaimsPrincipal user, Guid id, AgreementForm form, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var kind = await db.Agreements.Where(a => a.Id == id).Select(a => (AgreementKind?)a.Kind).FirstOrDefaultAsync(ct);
        if (kind is null)
        {
            return CommandResult<uint>.From(CommandResult.NotFound());
        }

        // The kind is the stored one, whatever the form says.
        var (details, errors) = form.ToDetails(kind.Value, clock.Today());
        if (errors.Count > 0)
        {
            return CommandResult<uint>.From(CommandResult.Invalid(errors));
        }

        var references = await Editing.CheckReferencesAsync(db, details, id);
        if (references.Count > 0)
        {
            return CommandResult<uint>.From(CommandResult.Invalid(references));
        }

        return await ChangeAgreementAsync(db, id, form.Version, q => q.Include(a => a.StatutoryAreas), agreement =>
        {
            agreement.UpdateDraft(details, clock.Today());
            // A new valid-from date may fall before § 6-2 points the agreement covers: ask the domain again.
            try
            {
                agreement.SetStatutoryAreas(agreement.StatutoryAreas.Select(a => a.AreaNumber).ToList());
            }
            catch (AgreementRuleException e) when (agreement.IsDraft)
            {
                return CommandResult.Invalid(nameof(AgreementForm.ValidFrom), e.Message);
            }

            return null;
        }, ct);
    }

    /// <summary>Adds a party to the draft; the domain refuses a kind the agreement does not take.</summary>
    public async Task<CommandResult<uint>> AddPartyAsync(ClaimsPrincipal user, Guid id, Guid partyId, uint version, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == partyId && p.IsActive, ct);
        if (party is null)
        {
            return CommandResult<uint>.From(CommandResult.Refused("Parten finnes ikke eller er deaktivert. Søk og velg en part fra listen."));
        }

        var parentId = await db.Agreements.Where(a => a.Id == id).Select(a => a.ParentAgreementId).FirstOrDefaultAsync(ct);
        if (parentId is { } parent && await Editing.PartiesOutsideParentAsync(db, parent, [partyId]) is { } outside)
        {
            return CommandResult<uint>.From(CommandResult.Refused(outside));
        }

        return await ChangePartiesAsync(db, id, version, current => [.. current, (party, null, null)], ct);
    }

    public async Task<CommandResult<uint>> RemovePartyAsync(ClaimsPrincipal user, Guid id, Guid partyId, uint version, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        return await ChangePartiesAsync(db, id, version, current => current.Where(c => c.Party.Id != partyId).ToList(), ct);
    }

    /// <summary>Saves who signs for each party; parties not in the form keep what they had.</summary>
    public async Task<CommandResult<uint>> SaveSignatoriesAsync(ClaimsPrincipal user, Guid id, PartiesForm form, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        var errors = new List<FieldError>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            AgreementForm.CheckLength(form.Rows[i].SignatoryName, PartiesForm.SignatoryMaxLength, SignatoryField(i, nameof(SignatoryRow.SignatoryName)), "Navnet", errors);
            AgreementForm.CheckLength(form.Rows[i].SignatoryTitle, PartiesForm.SignatoryMaxLength, SignatoryField(i, nameof(SignatoryRow.SignatoryTitle)), "Tittelen", errors);
        }

        if (errors.Count > 0)
        {
            return CommandResult<uint>.From(CommandResult.Invalid(errors));
        }

        var posted = form.Rows.GroupBy(r => r.PartyId).ToDictionary(g => g.Key, g => g.First());
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        return await ChangePartiesAsync(db, id, form.Version, current => current
            .Select(c => posted.TryGetValue(c.Party.Id, out var row) ? (c.Party, AgreementForm.Text(row.SignatoryName), AgreementForm.Text(row.SignatoryTitle)) : c)
            .ToList(), ct);
    }

    /// <summary>The field name of a signatory input in the parties form, as the page's messages use it.</summary>
    public static string SignatoryField(int index, string field) => $"Rows[{index}].{field}";

    public async Task<CommandResult<uint>> SaveCooperationFormsAsync(ClaimsPrincipal user, Guid id, CooperationFormsForm form, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        var errors = new List<FieldError>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            AgreementForm.CheckLength(form.Rows[i].Description, Agreement.TextMaxLength, $"Rows[{i}].Description", "Beskrivelsen", errors);
        }

        AgreementForm.CheckLength(form.Compensation, Agreement.TextMaxLength, nameof(CooperationFormsForm.Compensation), "Godtgjøringen", errors);
        if (errors.Count > 0)
        {
            return CommandResult<uint>.From(CommandResult.Invalid(errors));
        }

        var chosen = form.Rows.Where(r => r.Chosen && Enum.IsDefined(r.Form)).Select(r => (r.Form, AgreementForm.Text(r.Description))).ToList();
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        return await ChangeAgreementAsync(db, id, form.Version, q => q.Include(a => a.CooperationForms), agreement =>
        {
            agreement.UpdateDraft(Editing.DetailsOf(agreement) with { Compensation = AgreementForm.Text(form.Compensation) }, clock.Today());
            agreement.SetCooperationForms(chosen);

            // The domain blocks signing without a compensation for work outside the fee schedule (000);
            // the editor asks for it already here, with the domain's own words, beside the field.
            var needing = chosen.Select(c => c.Form).Where(f => f.RequiresCompensation()).ToList();
            if (needing.Count > 0 && agreement.Compensation is null)
            {
                var blocker = agreement.SignatureBlockers().FirstOrDefault(b => needing.Any(f => b.Contains(f.DisplayName(), StringComparison.Ordinal)));
                return CommandResult.Invalid(nameof(CooperationFormsForm.Compensation), blocker ?? $"{needing[0].DisplayName()}: avtalt godtgjøring må fylles ut.");
            }

            return null;
        }, ct);
    }

    public async Task<CommandResult<uint>> SaveStatutoryAreasAsync(ClaimsPrincipal user, Guid id, IEnumerable<int> areas, uint version,
        CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        var chosen = areas.ToList();
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        return await ChangeAgreementAsync(db, id, version, q => q.Include(a => a.StatutoryAreas), agreement =>
        {
            try
            {
                // The domain refuses points not in force on the valid-from date, e.g. point 12 before 1 August 2022.
                agreement.SetStatutoryAreas(chosen);
            }
            catch (AgreementRuleException e) when (agreement.IsDraft)
            {
                return CommandResult.Invalid(nameof(StatutoryAreasForm.Areas), e.Message);
            }

            return null;
        }, ct);
    }

    /// <summary>Adds a section at the end of the text; the value is its id.</summary>
    public async Task<CommandResult<Guid>> AddSectionAsync(ClaimsPrincipal user, Guid id, SectionForm form, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<Guid>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        Guid sectionId = default;
        var result = await ChangeSectionsAsync(db, id, agreement =>
        {
            sectionId = agreement.AddSection(AgreementForm.Text(form.Heading) ?? string.Empty, AgreementForm.Text(form.Body) ?? string.Empty).Id;
            return null;
        }, ct);
        return result.Succeeded ? CommandResult<Guid>.Ok(sectionId, "Avsnittet er lagt til.") : CommandResult<Guid>.From(result);
    }

    /// <summary>Saves a section the user opened at <see cref="SectionForm.Version"/>; someone else's save in between is a conflict.</summary>
    public async Task<CommandResult<uint>> SaveSectionAsync(ClaimsPrincipal user, Guid id, Guid sectionId, SectionForm form, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var result = await ChangeSectionsAsync(db, id, agreement =>
        {
            if (agreement.Sections.All(s => s.Id != sectionId))
            {
                return CommandResult.NotFound();
            }

            var section = agreement.Sections.Single(s => s.Id == sectionId);
            var stored = db.Entry(section).Property<uint>("Version");
            if (form.Version is { } version && version != stored.CurrentValue)
            {
                return CommandResult.Conflict(SectionConflict);
            }

            agreement.UpdateSection(sectionId, AgreementForm.Text(form.Heading) ?? string.Empty, AgreementForm.Text(form.Body) ?? string.Empty);
            return null;
        }, ct, conflict: SectionConflict);
        if (!result.Succeeded)
        {
            return CommandResult<uint>.From(result);
        }

        var newVersion = await db.AgreementSections.Where(s => s.Id == sectionId).Select(s => EF.Property<uint>(s, "Version")).FirstAsync(ct);
        return CommandResult<uint>.Ok(newVersion, "Avsnittet er lagret.");
    }

    /// <summary>Moves a section one place up (-1) or down (+1).</summary>
    public async Task<CommandResult> MoveSectionAsync(ClaimsPrincipal user, Guid id, Guid sectionId, int direction, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        return await ChangeSectionsAsync(db, id, agreement =>
        {
            if (agreement.Sections.All(s => s.Id != sectionId))
            {
                return CommandResult.NotFound();
            }

            agreement.MoveSection(sectionId, direction);
            return null;
        }, ct);
    }

    public async Task<CommandResult> DeleteSectionAsync(ClaimsPrincipal user, Guid id, Guid sectionId, CancellationToken ct = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var result = await ChangeSectionsAsync(db, id, agreement =>
        {
            if (agreement.Sections.All(s => s.Id != sectionId))
            {
                return CommandResult.NotFound();
            }

            agreement.RemoveSection(sectionId);
            return null;
        }, ct);
        return result.Succeeded ? CommandResult.Ok("Avsnittet er slettet.") : result;
    }

    // ---- The shape every change has ----------------------------------------------------------

    private async Task<CommandResult<uint>> ChangePartiesAsync(AppDbContext db, Guid id, uint? version,
        Func<List<(Party Party, string? SignatoryName, string? SignatoryTitle)>, List<(Party Party, string? SignatoryName, string? SignatoryTitle)>> change,
        CancellationToken ct) =>
        await ChangeAgreementAsync(db, id, version, q => q.Include(a => a.Parties), async agreement =>
        {
            var ids = agreement.Parties.Select(p => p.PartyId).ToList();
            var parties = await db.Parties.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var current = agreement.Parties.Select(ap => (parties[ap.PartyId], ap.SignatoryName, ap.SignatoryTitle)).ToList();
            agreement.SetParties(change(current));
            return null;
        }, ct);

    /// <summary>
    /// Claims the agreement's row version (an update that matches only the version the user started
    /// from, which also locks the row until commit), loads the agreement, applies the change and
    /// saves. A concurrent save waits for the lock and then finds the version changed: a conflict.
    /// The change returns a result to stop with (nothing saved), or null to save.
    /// </summary>
    private static Task<CommandResult<uint>> ChangeAgreementAsync(AppDbContext db, Guid id, uint? version,
        Func<IQueryable<Agreement>, IQueryable<Agreement>> include, Func<Agreement, CommandResult?> change, CancellationToken ct) =>
        ChangeAgreementAsync(db, id, version, include, a => Task.FromResult(change(a)), ct);

    private static async Task<CommandResult<uint>> ChangeAgreementAsync(AppDbContext db, Guid id, uint? version,
        Func<IQueryable<Agreement>, IQueryable<Agreement>> include, Func<Agreement, Task<CommandResult?>> change, CancellationToken ct)
    {
        if (!await db.Agreements.AnyAsync(a => a.Id == id, ct))
        {
            return CommandResult<uint>.From(CommandResult.NotFound());
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.ClaimRowAsync<Agreement>(id, version, ct))
            {
                return CommandResult<uint>.From(CommandResult.Conflict(AgreementConflict));
            }

            var agreement = await include(db.Agreements).FirstAsync(a => a.Id == id, ct);
            var stop = await ApplyAsync(agreement, change);
            if (stop is not null)
            {
                return CommandResult<uint>.From(stop);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (IsConflict(e))
        {
            return CommandResult<uint>.From(CommandResult.Conflict(AgreementConflict));
        }

        db.ChangeTracker.Clear();
        return CommandResult<uint>.Ok((await VersionAsync(db, id, ct))!.Value, "Endringene er lagret.");
    }

    /// <summary>
    /// Section changes lock the agreement's row (without changing its version, so an open details
    /// tab is not put in conflict by a new section) and load the sections after the lock, so two adds
    /// at once get positions one after the other.
    /// </summary>
    private static async Task<CommandResult> ChangeSectionsAsync(AppDbContext db, Guid id, Func<Agreement, CommandResult?> change, CancellationToken ct,
        string conflict = AgreementConflict)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM agreements WHERE id = {id} FOR UPDATE").ToListAsync(ct);
            if (locked.Count == 0)
            {
                return CommandResult.NotFound();
            }

            var agreement = await db.Agreements.Include(a => a.Sections).FirstAsync(a => a.Id == id, ct);
            var stop = await ApplyAsync(agreement, a => Task.FromResult(change(a)));
            if (stop is not null)
            {
                return stop;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return CommandResult.Ok();
        }
        catch (Exception e) when (IsConflict(e))
        {
            return CommandResult.Conflict(conflict);
        }
    }

    /// <summary>Runs a change and turns the domain's refusals into results: field errors beside the fields, a rule as a refusal.</summary>
    private static async Task<CommandResult?> ApplyAsync(Agreement agreement, Func<Agreement, Task<CommandResult?>> change)
    {
        try
        {
            return await change(agreement);
        }
        catch (DomainValidationException e)
        {
            return CommandResult.Invalid([.. AgreementForm.ForForm(e.Errors)]);
        }
        catch (AgreementRuleException e)
        {
            return CommandResult.Refused(e.Message);
        }
    }

    private static bool IsConflict(Exception e) =>
        e is DbUpdateConcurrencyException
        || (e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        || e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private static Task<uint?> VersionAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Agreements.Where(a => a.Id == id).Select(a => (uint?)EF.Property<uint>(a, "Version")).FirstOrDefaultAsync(ct);

    private static string? NumberText(string? organisationNumber, string? hprNumber) =>
        organisationNumber is { } o ? "org.nr. " + OrganisationNumber.Parse(o).Formatted : hprNumber is { } h ? $"HPR {h}" : null;
}
