using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Deviations;

namespace SamarbeidsAvtaler.Web.Features.Disputes;

public sealed partial class DisputeService
{
    public const string ConflictMessage =
        "Noen andre har endret tvisten etter at du åpnet den. Ingenting er lagret; det du skrev, står fortsatt i skjemaet. " +
        "Siden viser nå tvisten slik den er lagret. Prøv igjen hvis handlingen fortsatt er riktig.";

    public const string SsuBySecretariatMessage =
        "Det er samarbeidssekretariatet som tar en tvist fra protokoll for uenighet til SSU. Ta kontakt med sekretariatet.";

    /// <summary>Raises a dispute for a party the user acts for, against another party of the same agreement; its id on success.</summary>
    public async Task<CommandResult<Guid>> RaiseAsync(ClaimsPrincipal user, NewDisputeForm form, CancellationToken ct = default)
    {
        if (!user.MayUseCases())
        {
            return CommandResult<Guid>.From(CommandResult.Forbidden());
        }

        var details = new DisputeDetails(form.RaisingPartyId ?? Guid.Empty, form.OtherPartyId ?? Guid.Empty, form.AgreementId ?? Guid.Empty,
            form.Title, form.Question);
        var errors = details.Validate().ToList();
        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (!await RaisableAgreements(db, user).AnyAsync(a => a.Id == details.AgreementId, ct))
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(nameof(NewDisputeForm.AgreementId),
                "Velg en avtale fra listen: en gjeldende samarbeidsavtale mellom kommune og helseforetak som du har tilgang til."));
        }

        var parties = await db.AgreementParties.Where(ap => ap.AgreementId == details.AgreementId).Select(ap => ap.PartyId).ToListAsync(ct);
        var own = await DeviationAccess.OwnPartyIds(db, user).ToListAsync(ct);
        if (!parties.Contains(details.RaisingPartyId))
        {
            errors.Add(new(nameof(NewDisputeForm.RaisingPartyId), "Parten er ikke part i avtalen. Velg en part fra listen."));
        }
        else if (!user.ActsFor(own, details.RaisingPartyId))
        {
            errors.Add(new(nameof(NewDisputeForm.RaisingPartyId), "Du kan bare ta opp en tvist for en part du representerer."));
        }

        if (!parties.Contains(details.OtherPartyId))
        {
            errors.Add(new(nameof(NewDisputeForm.OtherPartyId), "Den andre parten må være part i den samme avtalen. Velg en part fra listen."));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var caseNumber = await ReferenceNumbers.NextAsync(db, "TVIST", clock.Today().Year, ct);
        var dispute = Dispute.Raise(details, caseNumber, Actor(user), clock.GetUtcNow());
        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<Guid>.Ok(dispute.Id, $"Tvisten {caseNumber} er registrert. Den starter med et forsøk på løsning på tjenestenivå.");
    }

    /// <summary>
    /// R23: takes the dispute one step up, to <paramref name="to"/>, the step the user saw as the next (the
    /// domain refuses any other). To the SSU: the sekretariat or a maintainer picks a planned SSU meeting of
    /// the helsefellesskap, and the dispute becomes its next numbered agenda item, in the same transaction.
    /// </summary>
    public Task<CommandResult<uint>> EscalateAsync(ClaimsPrincipal user, Guid id, uint version, EscalationStep to, EscalateForm form, CancellationToken ct = default)
    {
        string? agendaLabel = null;
        return ChangeAsync(user, id, version, async (db, dispute) =>
        {
            if (dispute.IsResolved)
            {
                return CommandResult.Refused("Tvisten er løst og kan ikke tas videre.");
            }

            if (DisputeLadder.RefusalMessage(dispute.CurrentStep, to) is { } refusal)
            {
                return CommandResult.Refused(refusal);
            }

            Guid? itemId = null;
            if (to == EscalationStep.StrategicCommittee)
            {
                if (!user.MovesEveryVisibleCase())
                {
                    return CommandResult.Refused(SsuBySecretariatMessage);
                }

                var errors = Errors();
                DeviationReport.CheckText(errors, nameof(EscalateForm.Comment), "Kommentar", form.Comment, DeviationReport.DescriptionMaxLength,
                    required: false, multiline: true);
                var option = form.MeetingId is { } meetingId
                    ? (await SsuMeetingsAsync(db, dispute.AgreementId, ct)).FirstOrDefault(m => m.MeetingId == meetingId)
                    : null;
                if (option is null)
                {
                    errors.Add(new(nameof(EscalateForm.MeetingId), form.MeetingId is null
                        ? "Velg SSU-møtet som skal behandle tvisten."
                        : "Velg et planlagt møte i SSU i helsefellesskapet, fra listen."));
                }

                if (errors.Count > 0)
                {
                    return CommandResult.Invalid(errors);
                }

                var item = await AddAgendaItemAsync(db, user, dispute, option!, ct);
                if (item is null)
                {
                    return CommandResult.Invalid(nameof(EscalateForm.MeetingId), "Møtet er ikke lenger planlagt. Velg et annet møte.");
                }

                itemId = item.Value.Id;
                agendaLabel = item.Value.Label;
            }

            dispute.Escalate(to, form.Comment, itemId, Actor(user), clock.GetUtcNow());
            return null;
        }, () => agendaLabel is null
            ? $"Tvisten er tatt videre til «{to.DisplayName()}»."
            : $"Tvisten er tatt videre til SSU og satt på sakslisten som sak {agendaLabel}.", ct,
            field => field == "AgendaItemId" ? nameof(EscalateForm.MeetingId) : field);
    }

    /// <summary>R23: the statement of the SSU or the national board, binding only where the agreement says so.</summary>
    public Task<CommandResult<uint>> RecordStatementAsync(ClaimsPrincipal user, Guid id, uint version, StatementForm form, CancellationToken ct = default)
    {
        if (form.GivenOn is null)
        {
            var errors = Errors();
            DeviationReport.CheckText(errors, nameof(StatementForm.Statement), "Uttalelse", form.Statement, DeviationReport.DescriptionMaxLength,
                required: true, multiline: true);
            errors.Add(new(nameof(StatementForm.GivenOn), "Dato for uttalelsen må fylles ut."));
            return Task.FromResult(CommandResult<uint>.From(CommandResult.Invalid(errors)));
        }

        StatementForce? force = null;
        return ChangeAsync(user, id, version, async (db, dispute) =>
        {
            var (binding, _) = await BindingAsync(db, dispute.AgreementId, ct);
            dispute.RecordStatement(form.Statement, Date(form.GivenOn)!.Value, binding, clock.Today());
            force = dispute.Current.StatementForce;
            return null;
        }, () => $"Uttalelsen er registrert som {force?.DisplayName().ToLowerInvariant()}.", ct);
    }

    /// <summary>The parties agreed: the dispute is resolved at whatever step it stands.</summary>
    public Task<CommandResult<uint>> ResolveAsync(ClaimsPrincipal user, Guid id, uint version, ResolveForm form, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, (_, dispute) =>
        {
            dispute.Resolve(form.Resolution, clock.GetUtcNow());
            return Task.FromResult<CommandResult?>(null);
        }, () => "Tvisten er registrert som løst.", ct);

    /// <summary>Seed 004: a claim for documented loss, recorded as information; nothing follows from it here.</summary>
    public Task<CommandResult<uint>> RecordLossClaimAsync(ClaimsPrincipal user, Guid id, uint version, LossClaimForm form, CancellationToken ct = default)
    {
        if (form.LossClaimedOn is null)
        {
            var errors = Errors();
            if (form.LossClaimAmount is null)
            {
                errors.Add(new(nameof(LossClaimForm.LossClaimAmount), "Beløpet må fylles ut."));
            }

            DeviationReport.CheckText(errors, nameof(LossClaimForm.LossClaimDescription), "Dokumentasjon av tapet", form.LossClaimDescription,
                Dispute.LossDescriptionMaxLength, required: true, multiline: true);
            errors.Add(new(nameof(LossClaimForm.LossClaimedOn), "Dato for kravet må fylles ut."));
            return Task.FromResult(CommandResult<uint>.From(CommandResult.Invalid(errors)));
        }

        return ChangeAsync(user, id, version, (_, dispute) =>
        {
            dispute.RecordLossClaim(form.LossClaimAmount, form.LossClaimDescription, Date(form.LossClaimedOn)!.Value, clock.Today());
            return Task.FromResult<CommandResult?>(null);
        }, () => "Kravet om erstatning for dokumentert tap er registrert.", ct);
    }

    /// <summary>
    /// Adds the dispute as the next numbered agenda item of the chosen SSU meeting, numbered as the meetings'
    /// own service does (<see cref="AgendaNumbers"/>): the meeting's row and then the body's row locked, then
    /// counted. Null when the meeting is no longer planned.
    /// </summary>
    private async Task<(Guid Id, string Label)?> AddAgendaItemAsync(AppDbContext db, ClaimsPrincipal user, Dispute dispute, SsuMeetingOption option,
        CancellationToken ct)
    {
        if (!await db.ClaimRowAsync<Meeting>(option.MeetingId, null, ct))
        {
            return null;
        }

        await AgendaNumbers.LockBodyAsync(db, option.CommitteeId, ct);
        var meeting = await db.Meetings.FirstAsync(m => m.Id == option.MeetingId, ct);
        if (meeting.Status != MeetingStatus.Planned)
        {
            return null;
        }

        var names = await db.Parties.Where(p => p.Id == dispute.RaisingPartyId || p.Id == dispute.OtherPartyId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var agreement = await db.Agreements.Where(a => a.Id == dispute.AgreementId).Select(a => a.Title).FirstAsync(ct);
        var number = await AgendaNumbers.NextAsync(db, meeting.CommitteeId, meeting.Date.Year, ct);
        var now = clock.GetUtcNow();
        var item = meeting.AddAgendaItem(number, new AgendaItemDetails(AgendaTitle(dispute.CaseNumber, dispute.Title),
            $"Tvist om tolking av «{agreement}» mellom {names.GetValueOrDefault(dispute.RaisingPartyId)} og {names.GetValueOrDefault(dispute.OtherPartyId)}. "
            + "Lagt fram av samarbeidssekretariatet etter protokoll for uenighet, til drøfting og anbefaling."), now);
        var shortName = await db.Committees.Where(c => c.Id == meeting.CommitteeId).Select(c => c.ShortName).FirstAsync(ct);
        var label = item.Label(shortName);
        db.AuditEntries.Add(new AuditEntry(nameof(Meeting), meeting.Id.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(), now,
            [new(nameof(AgendaItem), null, string.Create(CultureInfo.InvariantCulture, $"{item.Number}/{item.Year} {item.Title}"))]));
        return (item.Id, label);
    }

    /// <summary>«Tvist TVIST-2026-0001: Tittel»: the agenda item's title for a dispute at the SSU step.</summary>
    public static string AgendaTitle(string caseNumber, string title) => $"Tvist {caseNumber}: {title}";

    // ---- The shape every change has ------------------------------------------------------------

    /// <summary>
    /// Checks access (NotFound for a dispute not visible, Forbidden for one the user acts for neither side of), then
    /// applies the change under the dispute's row version (see <see cref="ClaimedChange"/>); the value is the new version.
    /// </summary>
    private async Task<CommandResult<uint>> ChangeAsync(ClaimsPrincipal user, Guid id, uint version,
        Func<AppDbContext, Dispute, Task<CommandResult?>> change, Func<string> okMessage, CancellationToken ct, Func<string, string>? field = null)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var sides = await db.Disputes.AsNoTracking().VisibleTo(db, user).Where(d => d.Id == id)
            .Select(d => new { d.RaisingPartyId, d.OtherPartyId }).FirstOrDefaultAsync(ct);
        if (sides is null)
        {
            return CommandResult<uint>.From(CommandResult.NotFound());
        }

        var own = await DeviationAccess.OwnPartyIds(db, user).ToListAsync(ct);
        if (!user.ActsFor(own, sides.RaisingPartyId) && !user.ActsFor(own, sides.OtherPartyId))
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        return await ClaimedChange.SaveAsync(db, id, version,
            () => db.Disputes.Include(d => d.Steps).FirstAsync(d => d.Id == id, ct),
            dispute => change(db, dispute), okMessage, ConflictMessage, ct, field);
    }
}
