using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>
/// Attachments: uploaded to a draft through AgreementLifecycleService (the page's upload dialog), checked by content,
/// stored whole, deleted while a draft, and downloaded over HTTP by whoever may read the agreement.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AttachmentTests(AppFactory app)
{
    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write(entry == "mimetype" ? "application/vnd.oasis.opendocument.text" : "<x/>");
            }
        }

        return stream.ToArray();
    }

    private async Task<CommandResult> UploadAsync(Guid agreementId, string fileName, byte[] bytes, bool? binding = true, string? description = null,
        string email = WebClient.Caseworker)
    {
        await using var scope = app.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>();
        uint version;
        await using (var db = app.Database.CreateDbContext())
        {
            version = await db.Agreements.Where(a => a.Id == agreementId).Select(a => EF.Property<uint>(a, "Version")).SingleOrDefaultAsync();
        }

        return await lifecycle.UploadAttachmentAsync(await app.UserAsync(email), agreementId,
            new AttachmentInput { FileName = fileName, Bytes = bytes, IsBinding = binding, Description = description }, version);
    }

    [Fact]
    public async Task R5_a_small_pdf_is_accepted_marked_binding_and_downloads_byte_identical()
    {
        var agreement = await app.MunicipalAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var pdf = AgreementTestData.SmallPdf();

        var result = await UploadAsync(agreement.Id, "Rutine for utskrivning.pdf", pdf, binding: true, description: "Rutine for utskrivningsklare pasienter");

        result.Status.Should().Be(CommandStatus.Ok);
        result.Message.Should().Be("Vedlegget er lastet opp.");
        await using var db = app.Database.CreateDbContext();
        var attachment = await db.Attachments.SingleAsync(a => a.AgreementId == agreement.Id);
        attachment.ContentType.Should().Be("application/pdf");
        attachment.SizeBytes.Should().Be(pdf.Length);
        attachment.IsBinding.Should().BeTrue();
        attachment.Description.Should().Be("Rutine for utskrivningsklare pasienter");
        attachment.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        (await db.AttachmentContents.SingleAsync(c => c.AttachmentId == attachment.Id)).Bytes.Should().Equal(pdf);

        var download = await client.GetAsync($"/avtaler/{agreement.Id}/vedlegg/{attachment.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Rutine for utskrivning.pdf");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);

        var audit = await db.AuditEntries.Where(a => a.EntityType == "Agreement" && a.EntityId == agreement.Id.ToString()).ToListAsync();
        audit.Should().Contain(a => a.ActorName == "Sander Saksbehandler"
            && a.Changes.Any(c => c.Field == "Attachment" && c.NewValue!.StartsWith("Rutine for utskrivning.pdf")));
    }

    [Fact]
    public async Task Office_documents_are_recognised_by_their_content()
    {
        var agreement = await app.OperatingAsync();

        (await UploadAsync(agreement.Id, "avtale.docx", Zip("[Content_Types].xml", "word/document.xml"), binding: false)).Status.Should().Be(CommandStatus.Ok);
        (await UploadAsync(agreement.Id, "normtall.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml"), binding: false)).Status.Should().Be(CommandStatus.Ok);
        (await UploadAsync(agreement.Id, "notat.odt", Zip("mimetype", "content.xml"), binding: false)).Status.Should().Be(CommandStatus.Ok);
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504]).ToArray();
        (await UploadAsync(agreement.Id, "gammel.doc", ole, binding: false)).Status.Should().Be(CommandStatus.Ok);

        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.Where(a => a.AgreementId == agreement.Id).OrderBy(a => a.UploadedAt).Select(a => a.ContentType).ToListAsync())
            .Should().Equal(AttachmentFiles.Docx.ContentType, AttachmentFiles.Xlsx.ContentType, AttachmentFiles.Odt.ContentType, AttachmentFiles.Doc.ContentType);
    }

    [Theory]
    [InlineData("rutine.pdf", "text")]
    [InlineData("arkiv.docx", "zip")]
    [InlineData("rutine.docx", "pdf")]
    public async Task A_file_whose_content_is_not_an_allowed_document_or_does_not_match_its_name_is_refused(string fileName, string content)
    {
        var agreement = await app.OperatingAsync();
        var bytes = content switch
        {
            "text" => Encoding.UTF8.GetBytes("Dette er bare tekst, selv om filen heter .pdf."),
            "zip" => Zip("readme.txt"),
            _ => AgreementTestData.SmallPdf(),
        };

        var result = await UploadAsync(agreement.Id, fileName, bytes, description: "Beholdes i skjemaet");

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == nameof(AttachmentInput.Bytes)).Which.Message.Should()
            .Contain(content == "pdf" ? "Innholdet er PDF, men filnavnet slutter på «.docx»" : "Filen er ikke en dokumenttype vi tar imot");
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_file_over_20_MB_an_empty_file_a_missing_binding_flag_or_a_long_description_is_refused_and_nothing_is_stored()
    {
        var agreement = await app.OperatingAsync();
        var bytes = new byte[Attachment.MaxSizeBytes + 1];
        AgreementTestData.SmallPdf().CopyTo(bytes, 0);

        var tooLarge = await UploadAsync(agreement.Id, "for-stor.pdf", bytes);
        tooLarge.Errors.Should().ContainSingle(e => e.Message == "Filen er for stor. Et vedlegg kan være høyst 20 MB.");
        var empty = await UploadAsync(agreement.Id, "tom.pdf", [], binding: null, description: new string('x', Agreement.TextMaxLength + 1));
        empty.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Bytes", "IsBinding", "Description"]);
        empty.Errors.Should().Contain(e => e.Message == "Velg om vedlegget er bindende (R5).");

        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
        (await db.AttachmentContents.CountAsync(c => !db.Attachments.Any(a => a.Id == c.AttachmentId))).Should().Be(0);
    }

    [Fact]
    public async Task A_file_name_with_a_path_or_control_characters_is_stored_clean()
    {
        var agreement = await app.OperatingAsync();

        (await UploadAsync(agreement.Id, "C:\\temp\\ru\0tine.pdf", AgreementTestData.SmallPdf())).Status.Should().Be(CommandStatus.Ok);

        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.SingleAsync(a => a.AgreementId == agreement.Id)).FileName.Should().Be("rutine.pdf");
    }

    [Fact]
    public async Task Upload_to_an_agreement_that_is_no_longer_a_draft_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());

        var result = await UploadAsync(agreement.Id, "rutine.pdf", AgreementTestData.SmallPdf());

        result.Status.Should().Be(CommandStatus.Refused);
        result.Message.Should().Contain("Avtalen har status «Gjeldende»; en signert avtale endres ved å lage en ny versjon (R1).");
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Samhandlingssjef_cannot_upload_and_an_unknown_agreement_is_not_found()
    {
        var agreement = await app.MunicipalAsync();

        (await UploadAsync(agreement.Id, "rutine.pdf", AgreementTestData.SmallPdf(), email: WebClient.CooperationManager)).Status.Should().Be(CommandStatus.Forbidden);
        (await UploadAsync(Guid.NewGuid(), "rutine.pdf", AgreementTestData.SmallPdf())).Status.Should().Be(CommandStatus.NotFound);
    }

    [Fact]
    public async Task Upload_over_a_version_someone_else_changed_is_a_conflict()
    {
        var agreement = await app.OperatingAsync();
        await using var scope = app.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>();

        var result = await lifecycle.UploadAttachmentAsync(await app.UserAsync(WebClient.Caseworker), agreement.Id,
            new AttachmentInput { FileName = "rutine.pdf", Bytes = AgreementTestData.SmallPdf(), IsBinding = true }, version: 1);

        result.Status.Should().Be(CommandStatus.Conflict);
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Attachment_of_a_draft_is_deleted_with_its_bytes_and_audited_and_refused_once_signed()
    {
        var agreement = await app.OperatingAsync();
        (await UploadAsync(agreement.Id, "slettes.pdf", AgreementTestData.SmallPdf(), binding: false)).Status.Should().Be(CommandStatus.Ok);
        await using var db = app.Database.CreateDbContext();
        var attachment = await db.Attachments.SingleAsync(a => a.AgreementId == agreement.Id);
        await using var scope = app.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>();
        var caseworker = await app.UserAsync(WebClient.Caseworker);
        async Task<uint> Version() => await db.Agreements.Where(a => a.Id == agreement.Id).Select(a => EF.Property<uint>(a, "Version")).SingleAsync();

        var result = await lifecycle.DeleteAttachmentAsync(caseworker, agreement.Id, attachment.Id, await Version());

        result.Message.Should().Be("Vedlegget er slettet.");
        (await db.Attachments.AnyAsync(a => a.Id == attachment.Id)).Should().BeFalse();
        (await db.AttachmentContents.AnyAsync(c => c.AttachmentId == attachment.Id)).Should().BeFalse();
        (await db.AuditEntries.Where(a => a.EntityId == agreement.Id.ToString()).ToListAsync())
            .Should().Contain(a => a.Changes.Any(c => c.Field == "Attachment" && c.OldValue != null && c.OldValue.StartsWith("slettes.pdf") && c.NewValue == null));
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        (await client.GetAsync($"/avtaler/{agreement.Id}/vedlegg/{attachment.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await UploadAsync(agreement.Id, "blir.pdf", AgreementTestData.SmallPdf())).Status.Should().Be(CommandStatus.Ok);
        var kept = await db.Attachments.SingleAsync(a => a.AgreementId == agreement.Id);
        (await lifecycle.SendForSignatureAsync(caseworker, agreement.Id, await Version())).Status.Should().Be(CommandStatus.Ok);
        var refused = await lifecycle.DeleteAttachmentAsync(caseworker, agreement.Id, kept.Id, await Version());
        refused.Status.Should().Be(CommandStatus.Refused);
        refused.Message.Should().StartWith("Vedlegg kan bare legges til eller slettes mens avtalen er et utkast.");
    }

    [Fact]
    public async Task Avtalespesialist_downloads_attachments_of_their_own_agreement_and_gets_404_for_anothers()
    {
        var own = await app.OperatingAsync();
        var other = await app.OperatingAsync(AgreementTestData.OtherSpecialist);
        await UploadAsync(own.Id, "egen.pdf", AgreementTestData.SmallPdf());
        await UploadAsync(other.Id, "annen.pdf", AgreementTestData.SmallPdf());
        await using var db = app.Database.CreateDbContext();
        var ownAttachment = await db.Attachments.SingleAsync(a => a.AgreementId == own.Id);
        var otherAttachment = await db.Attachments.SingleAsync(a => a.AgreementId == other.Id);
        var client = await app.LoggedInAsync(WebClient.Specialist);

        (await client.GetAsync($"/avtaler/{own.Id}/vedlegg/{ownAttachment.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/avtaler/{other.Id}/vedlegg/{otherAttachment.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        // Nor through an agreement they may read: the attachment must belong to that agreement.
        (await client.GetAsync($"/avtaler/{own.Id}/vedlegg/{otherAttachment.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_download_is_sent_to_log_in()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync($"/avtaler/{Guid.NewGuid()}/vedlegg/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.RedirectPath().Should().StartWith("/logg-inn");
    }

    [Fact]
    public async Task New_version_carries_copies_of_the_attachments()
    {
        var agreement = await app.OperatingAsync();
        var pdf = AgreementTestData.SmallPdf();
        (await UploadAsync(agreement.Id, "rutine.pdf", pdf)).Status.Should().Be(CommandStatus.Ok);
        await using (var db = app.Database.CreateDbContext())
        {
            var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == agreement.Id);
            tracked.Active();
            await db.SaveChangesAsync();
        }

        await using var scope = app.CreateScope();
        uint version;
        await using (var db = app.Database.CreateDbContext())
        {
            version = await db.Agreements.Where(a => a.Id == agreement.Id).Select(a => EF.Property<uint>(a, "Version")).SingleAsync();
        }

        var created = await scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>().CreateNewVersionAsync(
            await app.UserAsync(WebClient.Caseworker), agreement.Id, new NewVersionInput { ChangeSummary = "Ny versjon med vedlegg", ValidFrom = new DateTime(2027, 1, 1) }, version);

        await using var check = app.Database.CreateDbContext();
        var copy = await check.Attachments.SingleAsync(a => a.AgreementId == created.Value);
        copy.FileName.Should().Be("rutine.pdf");
        (await check.AttachmentContents.SingleAsync(c => c.AttachmentId == copy.Id)).Bytes.Should().Equal(pdf);
        (await check.Attachments.CountAsync(a => a.AgreementId == agreement.Id)).Should().Be(1);
    }
}
