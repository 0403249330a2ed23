using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// Receives an uploaded attachment. A minimal API rather than the form page itself, so the request
/// carries its own body and form limits (just above <see cref="Attachment.MaxSizeBytes"/>) and an
/// oversized file gets a message instead of a broken form read.
/// </summary>
public static class AttachmentUploadEndpoint
{
    /// <summary>The file at its largest plus room for the other fields and the multipart framing.</summary>
    public const long MaxRequestBytes = Attachment.MaxSizeBytes + (1024 * 1024);

    public static string NotDraftMessage(AgreementStatus status) =>
        $"Vedlegg kan bare legges til eller slettes mens avtalen er et utkast. Avtalen har status «{status.DisplayName()}»; en signert avtale endres ved å lage en ny versjon (R1).";

    public static string Describe(Attachment attachment) =>
        $"{attachment.FileName} ({AgreementFormat.Size(attachment.SizeBytes)}, {(attachment.IsBinding ? "bindende" : "ikke bindende")})";

    public static RouteHandlerBuilder MapAttachmentUpload(this IEndpointRouteBuilder app) =>
        app.MapPost("/avtaler/{id:guid}/vedlegg", HandleAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Caseworker, Roles.Administrator))
            .WithMetadata(new UploadSizeLimit(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, AppDbContext db, IAntiforgery antiforgery, TimeProvider clock)
    {
        var agreement = await db.Agreements.VisibleTo(db, http.User).FirstOrDefaultAsync(a => a.Id == id);
        if (agreement is null)
        {
            return Results.NotFound();
        }

        // Refuse before reading a byte when the browser says up front that the body is too large.
        if (http.Request.ContentLength > MaxRequestBytes)
        {
            return Form(id, AttachmentFiles.TooLargeMessage, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Form(id, AttachmentFiles.TooLargeMessage, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var description = string.IsNullOrWhiteSpace(form["Beskrivelse"]) ? null : form["Beskrivelse"].ToString().Trim();
        var binding = form["Bindende"].ToString();
        var version = form["Version"].ToString();
        IResult Refuse(string message) => Form(id, message, description, binding, version);

        if (!agreement.IsDraft)
        {
            return Refuse(NotDraftMessage(agreement.Status));
        }

        var file = form.Files.GetFile("Fil");
        if (file is null || file.Length == 0)
        {
            return Refuse("Velg en fil å laste opp.");
        }

        if (file.Length > Attachment.MaxSizeBytes)
        {
            return Refuse(AttachmentFiles.TooLargeMessage);
        }

        if (binding is not ("ja" or "nei"))
        {
            return Refuse("Velg om vedlegget er bindende (R5).");
        }

        if (description?.Length > Agreement.TextMaxLength)
        {
            return Refuse(Norwegian.Format($"Beskrivelsen kan ha høyst {Agreement.TextMaxLength:N0} tegn."));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes);
        }

        var fileName = AttachmentFiles.CleanFileName(file.FileName);
        var inspection = AttachmentFiles.Inspect(fileName, bytes);
        if (inspection.Type is not { } type)
        {
            return Refuse(inspection.Error!);
        }

        var now = clock.GetUtcNow();
        var attachment = new Attachment(agreement.Id, fileName, type.ContentType, bytes.Length, AttachmentFiles.Sha256Hex(bytes),
            binding == "ja", description, now);

        // Metadata, bytes and the history line go in one SaveChanges: a crash mid-upload leaves nothing behind.
        db.Attachments.Add(attachment);
        db.AttachmentContents.Add(new AttachmentContent(attachment.Id, bytes));
        db.AuditEntries.Add(new AuditEntry("Agreement", agreement.Id.ToString(), AuditActions.Changed, http.User.UserId(),
            http.User.DisplayName(), now, [new("Attachment", null, Describe(attachment))]));
        if (uint.TryParse(version, CultureInfo.InvariantCulture, out var seen))
        {
            db.Entry(agreement).Property<uint>("Version").OriginalValue = seen;
        }

        // Rewriting the agreement row checks that it is still the draft the user saw (not sent for signature meanwhile).
        db.Entry(agreement).Property(a => a.Title).IsModified = true;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Form(id, null, description, binding, null, conflict: true);
        }

        return Results.Redirect($"/avtaler/{id}?melding=vedlegg");
    }

    private static IResult Form(Guid id, string? error, string? description = null, string? binding = null, string? version = null,
        bool conflict = false, int statusCode = StatusCodes.Status200OK)
    {
        var page = PageResults.Page<AttachmentUpload>(new Dictionary<string, object?>
        {
            [nameof(AttachmentUpload.Id)] = id,
            [nameof(AttachmentUpload.UploadError)] = error,
            [nameof(AttachmentUpload.UploadConflict)] = conflict,
            [nameof(AttachmentUpload.Description)] = description,
            [nameof(AttachmentUpload.Binding)] = binding,
            [nameof(AttachmentUpload.PostedVersion)] = version,
        });
        page.StatusCode = statusCode;
        return page;
    }

    private sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
