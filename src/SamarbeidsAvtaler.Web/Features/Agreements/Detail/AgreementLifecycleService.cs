using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Pdf;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Forms;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements.Document;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// The lifecycle actions on one agreement. Only caseworkers and administrators may run them; an
/// agreement the user may not see is not found. Each action is checked against the row version the
/// user saw (someone else's change in between is a conflict) and saved in one transaction, and the
/// domain's refusal comes back as its message.
/// </summary>
public sealed class AgreementLifecycleService(
    IDbContextFactory<AppDbContext> contexts, TimeProvider clock, AgreementPdfService pdfs, ILogger<AgreementLifecycleService> logger)
{
    public const string ConflictMessage =
        "Noen andre har endret avtalen etter at du åpnet den. Ingenting er lagret. Siden viser nå avtalen slik den er; se over, og prøv igjen hvis handlingen fortsatt er riktig.";

    private DateOnly Today => clock.Today();

    public Task<CommandResult> SendForSignatureAsync(ClaimsPrincipal user, Guid id, uint version) =>
        RunAsync(user, id, version, (_, agreement) =>
        {
            agreement.SendForSignature(clock.GetUtcNow());
            return Ok("Avtalen er sendt til signering. Teksten er låst.");
        });

    /// <summary>Registers one party's signature; the last one makes the agreement active and stores the signed PDF.</summary>
    public async Task<CommandResult> RegisterSignatureAsync(ClaimsPrincipal user, Guid id, Guid agreementPartyId, SignatureInput input, uint version)
    {
        var errors = new List<FieldError>();
        var name = Text(input.SignedByName, nameof(input.SignedByName), "Navnet på den som signerte", SignatureInput.TextMaxLength, errors, required: true);
        var title = Text(input.SignedByTitle, nameof(input.SignedByTitle), "Tittelen", SignatureInput.TextMaxLength, errors);
        var reference = Text(input.ExternalReference, nameof(input.ExternalReference), "Referansen", SignatureInput.TextMaxLength, errors);
        var signedOn = Date(input.SignedOn, nameof(input.SignedOn), "Datoen for signering", errors);
        if (!Enum.IsDefined(input.Method))
        {
            errors.Add(new(nameof(input.Method), "Velg om avtalen ble signert på papir eller elektronisk."));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var becameActive = false;
        var result = await RunAsync(user, id, version, async (db, agreement) =>
        {
            var party = agreement.Parties.SingleOrDefault(p => p.Id == agreementPartyId);
            if (party is null)
            {
                return CommandResult.NotFound();
            }

            var signature = new Signature(name!, title, signedOn!.Value, input.Method, reference);
            becameActive = agreement.RegisterSignature(agreementPartyId, signature, Today);
            var partyName = await db.Parties.Where(p => p.Id == party.PartyId).Select(p => p.Name).SingleAsync();
            // A signature lives on the party row, which the audit trail does not follow: file it under the agreement.
            var text = $"{partyName}: {name}, {AgreementFormat.Date(signature.SignedOn)}, {AgreementFormat.Method(signature.Method).ToLowerInvariant()}"
                + (reference is null ? "" : $" (ref. {reference})");
            db.AuditEntries.Add(new AuditEntry("Agreement", agreement.Id.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(),
                clock.GetUtcNow(), [new("Signature", null, text)]));
            if (becameActive && agreement.IsInForce && agreement.PreviousVersionId is { } previousId)
            {
                // R1: a new version already in force replaces the old one in the same transaction as the last
                // signature; one signed ahead of its valid-from waits for the background service on that day.
                // An old version that has already ended is out of force and stays as it is.
                var previous = await db.Agreements.SingleAsync(a => a.Id == previousId);
                if (previous.IsInForce)
                {
                    previous.MarkReplacedBy(agreement);
                }
            }

            if (!becameActive)
            {
                return CommandResult.Ok("Signaturen er registrert.");
            }

            return agreement.Status == AgreementStatus.Signed
                ? CommandResult.Ok($"Alle parter har signert. Avtalen gjelder fra {AgreementFormat.Date(agreement.ValidFrom)}"
                    + (agreement.PreviousVersionId is null ? "." : "; til da gjelder den forrige versjonen."))
                : CommandResult.Ok("Alle parter har signert. Avtalen er gjeldende"
                    + (agreement.PreviousVersionId is null ? "." : ", og den forrige versjonen er markert som erstattet."));
        });

        if (result.Succeeded && becameActive)
        {
            await ArchiveSignedDocumentAsync(user, id);
        }

        return result;
    }

    /// <summary>R1: a draft copy of an active agreement (text, parties and attachments) with a change summary; its id on success.</summary>
    public async Task<CommandResult<Guid>> CreateNewVersionAsync(ClaimsPrincipal user, Guid id, NewVersionInput input, uint version)
    {
        var errors = new List<FieldError>();
        var summary = Text(input.ChangeSummary, nameof(input.ChangeSummary), "Beskrivelsen av endringene", Agreement.TextMaxLength, errors,
            required: true, multiline: true);
        var validFrom = Date(input.ValidFrom, nameof(input.ValidFrom), "Gyldig fra", errors);
        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        var created = Guid.Empty;
        var result = await RunAsync(user, id, version, async (db, agreement) =>
        {
            var newer = await db.Agreements.Where(a => a.PreviousVersionId == id).Select(a => (int?)a.VersionNumber).FirstOrDefaultAsync();
            if (newer is { } number)
            {
                return CommandResult.Refused($"Avtalen har allerede en nyere versjon (versjon {number}). En avtale kan bare ha én etterfølger.");
            }

            var copy = agreement.CreateNewVersion(summary!, validFrom!.Value, clock.GetUtcNow(), input.WithdrawNotice);
            db.Agreements.Add(copy);
            await CopyAttachmentsAsync(db, agreement.Id, copy.Id);
            created = copy.Id;
            return CommandResult.Ok("Den nye versjonen er opprettet som utkast. Gjør endringene, og send den til signering.");
        });

        return result.Succeeded ? CommandResult<Guid>.Ok(created, result.Message) : CommandResult<Guid>.From(result);
    }

    /// <summary>R2: notice from one of the parties; the agreement ends when the notice runs out.</summary>
    public async Task<CommandResult> GiveNoticeAsync(ClaimsPrincipal user, Guid id, NoticeInput input, uint version)
    {
        var errors = new List<FieldError>();
        if (input.PartyId is null)
        {
            errors.Add(new(nameof(input.PartyId), "Velg hvilken part som sier opp avtalen."));
        }

        var name = Text(input.GivenByName, nameof(input.GivenByName), "Navnet på den som sa opp avtalen", NoticeInput.NameMaxLength, errors, required: true);
        var givenOn = Date(input.GivenOn, nameof(input.GivenOn), "Datoen for oppsigelsen", errors);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await RunAsync(user, id, version, (_, agreement) =>
        {
            agreement.GiveNotice(input.PartyId!.Value, name!, givenOn!.Value, Today);
            return Ok($"Oppsigelsen er registrert. Avtalen gjelder til og med {AgreementFormat.Date(agreement.LastDayInForce)}.");
        });
    }

    /// <summary>R3: the yearly review took place on the given day.</summary>
    public async Task<CommandResult> RegisterReviewAsync(ClaimsPrincipal user, Guid id, DateInput input, uint version)
    {
        var errors = new List<FieldError>();
        var reviewedOn = PastDate(input.Date, nameof(input.Date), "Datoen for gjennomgangen", errors);
        var reported = input.ReportedToPartnershipOn is null
            ? null
            : PastDate(input.ReportedToPartnershipOn, nameof(input.ReportedToPartnershipOn), "Datoen for partnarskapsmøtet", errors);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await RunAsync(user, id, version, (_, agreement) =>
        {
            agreement.RegisterReview(reviewedOn!.Value, Today, reported);
            return Ok($"Gjennomgangen er registrert. Neste gjennomgang: {AgreementFormat.Date(agreement.NextReviewDate)}.");
        });
    }

    /// <summary>R2 (004): the HF told its RHF of a notice, or the RHF told Helsedirektoratet.</summary>
    public async Task<CommandResult> RecordNoticeNotificationAsync(ClaimsPrincipal user, Guid id, NoticeNotificationInput input, uint version)
    {
        var errors = new List<FieldError>();
        if (input.Notification is not { } notification || !Enum.IsDefined(notification))
        {
            errors.Add(new(nameof(input.Notification), "Velg hvilket varsel som er sendt."));
        }

        var by = Text(input.NotifiedBy, nameof(input.NotifiedBy), "Hvem som sendte varselet", Agreement.NameMaxLength, errors, required: true);
        var on = PastDate(input.Date, nameof(input.Date), "Datoen for varselet", errors);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await RunAsync(user, id, version, (_, agreement) =>
        {
            agreement.RecordNoticeNotification(input.Notification!.Value, on!.Value, by!, Today);
            var missing = agreement.MissingNoticeNotifications();
            return Ok(missing.Count == 0
                ? "Varselet er registrert. Både RHF og Helsedirektoratet er varslet om oppsigelsen."
                : $"Varselet er registrert. Gjenstår: {Norwegian.InSentence(missing[0].DisplayName())}.");
        });
    }

    /// <summary>The day the avtalespesialist informed the RHF of a samarbeidsavtale (000).</summary>
    public async Task<CommandResult> RecordRhfInformedAsync(ClaimsPrincipal user, Guid id, DateInput input, uint version)
    {
        var errors = new List<FieldError>();
        var informedOn = PastDate(input.Date, nameof(input.Date), "Datoen", errors);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await RunAsync(user, id, version, (_, agreement) =>
        {
            agreement.RecordRhfInformed(informedOn!.Value);
            return Ok("Datoen RHF ble informert, er registrert.");
        });
    }

    /// <summary>R5: a document attached to a draft, its type decided by its content; metadata and bytes in one transaction.</summary>
    public async Task<CommandResult> UploadAttachmentAsync(ClaimsPrincipal user, Guid id, AttachmentInput input, uint version)
    {
        var errors = new List<FieldError>();
        var description = Text(input.Description, nameof(input.Description), "Beskrivelsen", Agreement.TextMaxLength, errors, multiline: true);
        if (input.Bytes is not { Length: > 0 })
        {
            errors.Add(new(nameof(input.Bytes), "Velg en fil å laste opp."));
        }
        else if (input.Bytes.Length > Attachment.MaxSizeBytes)
        {
            errors.Add(new(nameof(input.Bytes), AttachmentFiles.TooLargeMessage));
        }

        if (input.IsBinding is null)
        {
            errors.Add(new(nameof(input.IsBinding), "Velg om vedlegget er bindende (R5)."));
        }

        var fileName = AttachmentFiles.CleanFileName(input.FileName);
        AttachmentFiles.FileType? type = null;
        if (errors.All(e => e.Field != nameof(input.Bytes)))
        {
            var inspection = AttachmentFiles.Inspect(fileName, input.Bytes!);
            type = inspection.Type;
            if (type is null)
            {
                errors.Add(new(nameof(input.Bytes), inspection.Error!));
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await RunAsync(user, id, version, (db, agreement) =>
        {
            if (!agreement.IsDraft)
            {
                return Refused(NotDraftMessage(agreement.Status));
            }

            var bytes = input.Bytes!;
            var now = clock.GetUtcNow();
            var attachment = new Attachment(agreement.Id, fileName, type!.ContentType, bytes.Length, AttachmentFiles.Sha256Hex(bytes),
                input.IsBinding!.Value, description, now);
            db.Attachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent(attachment.Id, bytes));
            db.AuditEntries.Add(new AuditEntry("Agreement", agreement.Id.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(), now,
                [new("Attachment", null, Describe(attachment))]));
            return Ok("Vedlegget er lastet opp.");
        });
    }

    public Task<CommandResult> DeleteAttachmentAsync(ClaimsPrincipal user, Guid id, Guid attachmentId, uint version) =>
        RunAsync(user, id, version, async (db, agreement) =>
        {
            var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.AgreementId == id);
            if (attachment is null)
            {
                return CommandResult.NotFound();
            }

            if (!agreement.IsDraft)
            {
                return CommandResult.Refused(NotDraftMessage(agreement.Status));
            }

            // The bytes go with it: attachment_contents cascades in the database.
            db.Attachments.Remove(attachment);
            db.AuditEntries.Add(new AuditEntry("Agreement", agreement.Id.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(),
                clock.GetUtcNow(), [new("Attachment", Describe(attachment), null)]));
            return CommandResult.Ok("Vedlegget er slettet.");
        });

    /// <summary>
    /// R26 and R23: terms recorded from the document, on any status: the agreed discharge hours (or none) and
    /// whether statements on disputes bind the parties. The hours' errors go beside the "to" field of the window.
    /// </summary>
    public async Task<CommandResult> SetTermsAsync(ClaimsPrincipal user, Guid id, AgreementTermsInput input, uint version)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult.Forbidden();
        }

        DischargeHours? hours = null;
        if (input.HasDischargeHours)
        {
            var errors = new List<FieldError>();
            var weekdayFrom = Clock(input.WeekdayFrom, nameof(input.WeekdayFrom), "Fra-tiden på hverdager", errors);
            var weekdayTo = Clock(input.WeekdayTo, nameof(input.WeekdayTo), "Til-tiden på hverdager", errors);
            var holidayFrom = Clock(input.HolidayFrom, nameof(input.HolidayFrom), "Fra-tiden i helg og på helligdager", errors);
            var holidayTo = Clock(input.HolidayTo, nameof(input.HolidayTo), "Til-tiden i helg og på helligdager", errors);
            if (errors.Count == 0)
            {
                errors.AddRange(DischargeHours.Validate(weekdayFrom!.Value, weekdayTo!.Value, holidayFrom!.Value, holidayTo!.Value));
            }

            if (errors.Count > 0)
            {
                return CommandResult.Invalid(errors);
            }

            hours = new DischargeHours(weekdayFrom!.Value, weekdayTo!.Value, holidayFrom!.Value, holidayTo!.Value);
        }

        return await RunAsync(user, id, version, (_, agreement) =>
        {
            agreement.SetDischargeHours(hours);
            agreement.SetDisputeStatementsBinding(input.DisputeStatementsBinding);
            return Ok("Vilkårene er lagret: " + (hours is null ? "ingen avtalt tid for utskrivning" : hours.ToString())
                + (input.DisputeStatementsBinding ? "; uttalelser i tvister er bindende." : "; uttalelser i tvister er rådgivende."));
        });
    }

    /// <summary>A time of day typed in a time field: required, within the day, to the minute.</summary>
    private static TimeOnly? Clock(TimeSpan? value, string field, string label, List<FieldError> errors)
    {
        if (value is not { } time)
        {
            errors.Add(new(field, $"{label} må fylles ut (tt:mm)."));
            return null;
        }

        if (time < TimeSpan.Zero || time >= TimeSpan.FromDays(1))
        {
            errors.Add(new(field, $"{label} må være et klokkeslett mellom 00:00 og 23:59."));
            return null;
        }

        return new TimeOnly(time.Hours, time.Minutes);
    }

    public static string NotDraftMessage(AgreementStatus status) =>
        $"Vedlegg kan bare legges til eller slettes mens avtalen er et utkast. Avtalen har status «{status.DisplayName()}»; en signert avtale endres ved å lage en ny versjon (R1).";

    public static string Describe(Attachment attachment) =>
        $"{attachment.FileName} ({AgreementFormat.Size(attachment.SizeBytes)}, {(attachment.IsBinding ? "bindende" : "ikke bindende")})";

    /// <summary>
    /// Loads the agreement tracked, runs the action, and saves it with the version the user saw. The action
    /// returns the outcome; one that did not succeed saves nothing.
    /// </summary>
    private async Task<CommandResult> RunAsync(ClaimsPrincipal user, Guid id, uint version, Func<AppDbContext, Agreement, Task<CommandResult>> action)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(user);
        var agreement = await db.Agreements.VisibleTo(db, user)
            .Include(a => a.Parties).Include(a => a.Sections).Include(a => a.CooperationForms).Include(a => a.StatutoryAreas)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id);
        if (agreement is null)
        {
            return CommandResult.NotFound();
        }

        db.Entry(agreement).Property<uint>("Version").OriginalValue = version;
        try
        {
            var result = await action(db, agreement);
            if (!result.Succeeded)
            {
                return result;
            }

            // Every action rewrites the agreement row, even one that changes only a child row (a signature,
            // an attachment), so the version is always checked and two people cannot act on the same state.
            db.Entry(agreement).Property(a => a.Title).IsModified = true;
            await db.SaveChangesAsync();
            return result;
        }
        catch (AgreementRuleException e)
        {
            return CommandResult.Refused(e.Message);
        }
        catch (DomainValidationException e)
        {
            return CommandResult.Invalid(e.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(ConflictMessage);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same action saved by someone else a moment earlier (e.g. a second new version).
            return CommandResult.Conflict(ConflictMessage);
        }
    }

    private static Task<CommandResult> Ok(string message) => Task.FromResult(CommandResult.Ok(message));

    private static Task<CommandResult> Refused(string message) => Task.FromResult(CommandResult.Refused(message));

    // The signed version is rendered and stored once, now. If the PDF service is down, the signature still
    // stands and the first download stores the document instead.
    private async Task ArchiveSignedDocumentAsync(ClaimsPrincipal user, Guid id)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(user);
            var document = await AgreementDocument.LoadAsync(db, id);
            var signedOn = await db.Agreements.Where(a => a.Id == id).Select(a => a.SignedOn).SingleAsync();
            await pdfs.GetOrCreateSignedAsync(db, document!, signedOn ?? Today);
        }
        catch (PdfRenderException e)
        {
            logger.LogWarning(e, "Signed agreement {AgreementId} was not archived now; the first download will do it", id);
        }
    }

    private static async Task CopyAttachmentsAsync(AppDbContext db, Guid fromId, Guid toId)
    {
        // The draft is a copy of the whole agreement, routine descriptions included; the old version keeps its own.
        var attachments = await (from a in db.Attachments.AsNoTracking()
                                 join c in db.AttachmentContents.AsNoTracking() on a.Id equals c.AttachmentId
                                 where a.AgreementId == fromId
                                 orderby a.UploadedAt
                                 select new { Attachment = a, c.Bytes }).ToListAsync();
        foreach (var item in attachments)
        {
            var a = item.Attachment;
            var copy = new Attachment(toId, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.IsBinding, a.Description, a.UploadedAt);
            db.Attachments.Add(copy);
            db.AttachmentContents.Add(new AttachmentContent(copy.Id, item.Bytes));
        }
    }

    /// <summary>Typed text without control characters (PostgreSQL refuses NUL), trimmed; null when empty; its length checked.</summary>
    private static string? Text(string? value, string field, string label, int maxLength, List<FieldError> errors, bool required = false, bool multiline = false)
    {
        var clean = value is null ? null
            : new string(value.Where(c => !char.IsControl(c) || (multiline && c is '\n' or '\r' or '\t')).ToArray()).Trim();
        if (string.IsNullOrEmpty(clean))
        {
            if (required)
            {
                errors.Add(new(field, $"{label} må fylles ut."));
            }

            return null;
        }

        if (clean.Length > maxLength)
        {
            errors.Add(new(field, Norwegian.Format($"{label} kan ha høyst {maxLength:N0} tegn.")));
            return null;
        }

        return clean;
    }

    /// <summary>A required date within the years a register date can have (0001-01-01 and 9999-12-31 are refused).</summary>
    private static DateOnly? Date(DateTime? value, string field, string label, List<FieldError> errors)
    {
        if (value is not { } date)
        {
            errors.Add(new(field, $"{label} må fylles ut (dd.mm.åååå)."));
            return null;
        }

        if (date < DateField.Earliest || date > DateField.Latest)
        {
            errors.Add(new(field, $"{label} må være mellom {DateField.Earliest:dd.MM.yyyy} og {DateField.Latest:dd.MM.yyyy}."));
            return null;
        }

        return DateOnly.FromDateTime(date);
    }

    private DateOnly? PastDate(DateTime? value, string field, string label, List<FieldError> errors)
    {
        var date = Date(value, field, label, errors);
        if (date > Today)
        {
            errors.Add(new(field, $"{label} kan ikke være frem i tid."));
            return null;
        }

        return date;
    }
}
