using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

public sealed partial class MeetingService
{
    /// <summary>
    /// Adds an agenda item with the next free number of the body and the meeting's year ("SSU 12/2027"):
    /// counted inside the transaction that holds the meeting's version and the body's lock, so two items
    /// added at once get numbers one after the other, or the second a conflict; never a 500.
    /// </summary>
    public Task<CommandResult<uint>> AddAgendaItemAsync(ClaimsPrincipal user, Guid meetingId, AgendaItemForm form, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, async (db, meeting) =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                return CommandResult.Refused("Møtet er avlyst og kan ikke få nye saker.");
            }

            var number = await AgendaNumbers.NextAsync(db, meeting.CommitteeId, meeting.Date.Year, ct);
            var item = meeting.AddAgendaItem(number, form.ToDetails(), clock.GetUtcNow());
            Audit(db, user, meeting.Id, nameof(AgendaItem), null, $"{item.Number}/{item.Year} {item.Title}");
            return null;
        }, "Saken er lagt til.", ct, numbering: true);

    public Task<CommandResult<uint>> UpdateAgendaItemAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, AgendaItemForm form, uint version,
        CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (db, meeting) =>
        {
            if (meeting.AgendaItems.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return Stop(CommandResult.NotFound());
            }

            var before = $"{item.Number}/{item.Year} {item.Title}";
            item.Update(form.ToDetails());
            Audit(db, user, meeting.Id, nameof(AgendaItem), before, $"{item.Number}/{item.Year} {item.Title}");
            return Go;
        }, "Saken er lagret.", ct);

    /// <summary>Removes an item from a meeting not yet held; its number is not handed out again unless it was the year's last.</summary>
    public Task<CommandResult<uint>> RemoveAgendaItemAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (db, meeting) =>
        {
            if (meeting.AgendaItems.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return Stop(CommandResult.NotFound());
            }

            meeting.RemoveAgendaItem(itemId);
            Audit(db, user, meeting.Id, nameof(AgendaItem), $"{item.Number}/{item.Year} {item.Title}", null);
            return Go;
        }, "Saken er fjernet.", ct);

    /// <summary>
    /// A document for an agenda item: at most 10 MB, its type decided from the bytes and matching the
    /// file name's ending (PDF, Word, Excel, PowerPoint, OpenDocument text).
    /// </summary>
    public async Task<CommandResult<uint>> UploadDocumentAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, AgendaDocumentUpload upload, uint version,
        CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var fileName = CleanFileName(upload.FileName);
        AttachmentFiles.FileType? type = null;
        if (upload.Bytes is not { Length: > 0 } bytes)
        {
            errors.Add(new(nameof(upload.Bytes), "Velg en fil å laste opp."));
        }
        else if (bytes.Length > AgendaItemDocument.MaxBytes)
        {
            errors.Add(new(nameof(upload.Bytes), TooLargeMessage));
        }
        else
        {
            var inspection = AttachmentFiles.Inspect(fileName, bytes);
            type = inspection.Type;
            if (type is null)
            {
                errors.Add(new(nameof(upload.Bytes), inspection.Error!));
            }
        }

        return await ChangeAsync(user, meetingId, version, (db, meeting) =>
        {
            if (errors.Count > 0)
            {
                return Stop(CommandResult.Invalid(errors));
            }

            if (meeting.AgendaItems.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return Stop(CommandResult.NotFound());
            }

            var document = item.AddDocument(fileName, type!.ContentType, upload.Bytes!, clock.GetUtcNow());
            Audit(db, user, meeting.Id, nameof(AgendaItemDocument), null, $"{item.Number}/{item.Year}: {document.FileName} ({AgreementFormat.Size(document.SizeBytes)})");
            return Go;
        }, "Dokumentet er lastet opp.", ct);
    }

    public Task<CommandResult<uint>> DeleteDocumentAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, Guid documentId, uint version,
        CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, async (db, meeting) =>
        {
            if (meeting.AgendaItems.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return CommandResult.NotFound();
            }

            // The bytes are not loaded to delete them.
            var document = await db.AgendaItemDocuments.Where(d => d.Id == documentId && d.AgendaItemId == itemId)
                .Select(d => new { d.FileName, d.SizeBytes }).FirstOrDefaultAsync(ct);
            if (document is null)
            {
                return CommandResult.NotFound();
            }

            await db.AgendaItemDocuments.Where(d => d.Id == documentId).ExecuteDeleteAsync(ct);
            Audit(db, user, meeting.Id, nameof(AgendaItemDocument), $"{item.Number}/{item.Year}: {document.FileName} ({AgreementFormat.Size(document.SizeBytes)})", null);
            return null;
        }, "Dokumentet er slettet.", ct);

    public static string TooLargeMessage => $"Filen er for stor. Et saksdokument kan være høyst {AgendaItemDocument.MaxBytes / 1024 / 1024} MB.";

    /// <summary>The file name as stored: no path, no control characters, at most the column's length with the ending kept.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = AttachmentFiles.CleanFileName(fileName);
        if (name.Length > AgendaItemDocument.FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 20 ? string.Empty : extension;
            name = name[..(AgendaItemDocument.FileNameMaxLength - extension.Length)] + extension;
        }

        return name;
    }

    private static async Task<IReadOnlyList<AgendaItemRow>> AgendaAsync(AppDbContext db, string shortName, Guid meetingId, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.Year).ThenBy(i => i.Number).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var documents = await db.AgendaItemDocuments.AsNoTracking().Where(d => ids.Contains(d.AgendaItemId)).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.AgendaItemId, Row = new AgendaDocumentRow(d.Id, d.FileName, d.SizeBytes, d.UploadedAt) }).ToListAsync(ct);
        return items.Select(i => new AgendaItemRow(i.Id, i.Year, i.Number, i.Label(shortName), i.Title, i.Description,
            documents.Where(d => d.AgendaItemId == i.Id).Select(d => d.Row).ToList())).ToList();
    }
}
