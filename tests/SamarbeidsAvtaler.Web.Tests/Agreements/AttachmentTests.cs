using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>Attachments: uploaded to a draft, checked by content, stored whole, downloaded by whoever may read the agreement.</summary>
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

    [Fact]
    public async Task R5_a_small_pdf_is_accepted_marked_binding_and_downloads_byte_identical()
    {
        var agreement = await app.MunicipalAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var pdf = AgreementTestData.SmallPdf();

        var response = await client.UploadAsync(agreement.Id, "Rutine for utskrivning.pdf", pdf, binding: "ja", description: "Rutine for utskrivningsklare pasienter");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.RedirectPath().Should().Be($"/avtaler/{agreement.Id}?melding=vedlegg");
        await using var db = app.Database.CreateDbContext();
        var attachment = await db.Attachments.SingleAsync(a => a.AgreementId == agreement.Id);
        attachment.ContentType.Should().Be("application/pdf");
        attachment.SizeBytes.Should().Be(pdf.Length);
        attachment.IsBinding.Should().BeTrue();
        attachment.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        (await db.AttachmentContents.SingleAsync(c => c.AttachmentId == attachment.Id)).Bytes.Should().Equal(pdf);

        var page = await client.GetHtmlAsync(response.RedirectPath());
        page.Should().Contain("Vedlegget er lastet opp").And.Contain("Rutine for utskrivning.pdf")
            .And.Contain("Rutine for utskrivningsklare pasienter").And.Contain("Ja, brudd er avtalebrudd")
            .And.Contain(AgreementFormat.Size(pdf.Length)).And.Contain("Vedlegg");

        var download = await client.GetAsync($"/avtaler/{agreement.Id}/vedlegg/{attachment.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Rutine for utskrivning.pdf");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);

        var audit = await db.AuditEntries.Where(a => a.EntityType == "Agreement" && a.EntityId == agreement.Id.ToString()).ToListAsync();
        audit.Should().Contain(a => a.Changes.Any(c => c.Field == "Attachment" && c.NewValue!.StartsWith("Rutine for utskrivning.pdf")));
    }

    [Fact]
    public async Task Office_documents_are_recognised_by_their_content()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.UploadAsync(agreement.Id, "avtale.docx", Zip("[Content_Types].xml", "word/document.xml"), binding: "nei")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.UploadAsync(agreement.Id, "normtall.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml"), binding: "nei")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.UploadAsync(agreement.Id, "notat.odt", Zip("mimetype", "content.xml"), binding: "nei")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504]).ToArray();
        (await client.UploadAsync(agreement.Id, "gammel.doc", ole, binding: "nei")).StatusCode.Should().Be(HttpStatusCode.Redirect);

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
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var bytes = content switch
        {
            "text" => Encoding.UTF8.GetBytes("Dette er bare tekst, selv om filen heter .pdf."),
            "zip" => Zip("readme.txt"),
            _ => AgreementTestData.SmallPdf(),
        };

        var response = await client.UploadAsync(agreement.Id, fileName, bytes, description: "Beholdes i skjemaet");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain(content == "pdf" ? "Innholdet er PDF, men filnavnet slutter på «.docx»" : "Filen er ikke en dokumenttype vi tar imot")
            .And.Contain("Beholdes i skjemaet");
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_and_nothing_is_stored()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var bytes = new byte[Attachment.MaxSizeBytes + 1];
        AgreementTestData.SmallPdf().CopyTo(bytes, 0);

        var response = await client.UploadAsync(agreement.Id, "for-stor.pdf", bytes);

        ((int)response.StatusCode).Should().BeOneOf(200, 413);
        (await response.HtmlAsync()).Should().Contain("Filen er for stor. Et vedlegg kan være høyst 20 MB.");
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
        (await db.AttachmentContents.CountAsync(c => !db.Attachments.Any(a => a.Id == c.AttachmentId))).Should().Be(0);
    }

    [Fact]
    public async Task Upload_to_an_agreement_that_is_no_longer_a_draft_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        (await client.GetHtmlAsync($"/avtaler/{agreement.Id}/vedlegg/ny")).Should().Contain("Vedlegg kan bare legges til eller slettes mens avtalen er et utkast");

        var response = await client.UploadAsync(agreement.Id, "rutine.pdf", AgreementTestData.SmallPdf(), tokenPage: $"/avtaler/{agreement.Id}/ny-versjon");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Avtalen har status «Gjeldende»; en signert avtale endres ved å lage en ny versjon (R1).");
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Upload_without_a_token_is_refused()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("ja"), "Bindende" },
            { new ByteArrayContent(AgreementTestData.SmallPdf()), "Fil", "rutine.pdf" },
        };

        var response = await client.PostAsync($"/avtaler/{agreement.Id}/vedlegg", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = app.Database.CreateDbContext();
        (await db.Attachments.AnyAsync(a => a.AgreementId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Samhandlingssjef_cannot_upload()
    {
        var agreement = await app.MunicipalAsync();
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        var response = await client.UploadAsync(agreement.Id, "rutine.pdf", AgreementTestData.SmallPdf(), tokenPage: $"/avtaler/{agreement.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Attachment_of_a_draft_is_deleted_after_confirmation()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        (await client.UploadAsync(agreement.Id, "slettes.pdf", AgreementTestData.SmallPdf(), binding: "nei")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateDbContext();
        var attachment = await db.Attachments.SingleAsync(a => a.AgreementId == agreement.Id);
        var url = $"/avtaler/{agreement.Id}/vedlegg/{attachment.Id}/slett";
        (await client.GetHtmlAsync(url)).Should().Contain("slettes.pdf").And.Contain("Ja, slett vedlegget");

        var response = await client.PostFormAsync(url, "delete-attachment", new() { ["Form.Version"] = await client.FormVersionAsync(url) });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await db.Attachments.AnyAsync(a => a.Id == attachment.Id)).Should().BeFalse();
        (await db.AttachmentContents.AnyAsync(c => c.AttachmentId == attachment.Id)).Should().BeFalse();
        (await client.GetAsync($"/avtaler/{agreement.Id}/vedlegg/{attachment.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Avtalespesialist_downloads_attachments_of_their_own_agreement_and_gets_404_for_anothers()
    {
        var own = await app.OperatingAsync();
        var other = await app.OperatingAsync(AgreementTestData.OtherSpecialist);
        var caseworker = await app.LoggedInAsync(WebClient.Caseworker);
        await caseworker.UploadAsync(own.Id, "egen.pdf", AgreementTestData.SmallPdf());
        await caseworker.UploadAsync(other.Id, "annen.pdf", AgreementTestData.SmallPdf());
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
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var pdf = AgreementTestData.SmallPdf();
        (await client.UploadAsync(agreement.Id, "rutine.pdf", pdf)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using (var db = app.Database.CreateDbContext())
        {
            var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == agreement.Id);
            tracked.Active();
            await db.SaveChangesAsync();
        }

        var url = $"/avtaler/{agreement.Id}/ny-versjon";
        var created = await client.PostFormAsync(url, "new-version", new()
        {
            ["Form.ChangeSummary"] = "Ny versjon med vedlegg",
            ["Form.ValidFrom"] = "2027-01-01",
            ["Form.Version"] = await client.FormVersionAsync(url),
        });

        var newId = Guid.Parse(created.RedirectPath().Split('/', '?')[2]);
        await using var check = app.Database.CreateDbContext();
        var copy = await check.Attachments.SingleAsync(a => a.AgreementId == newId);
        copy.FileName.Should().Be("rutine.pdf");
        (await check.AttachmentContents.SingleAsync(c => c.AttachmentId == copy.Id)).Bytes.Should().Equal(pdf);
        (await check.Attachments.CountAsync(a => a.AgreementId == agreement.Id)).Should().Be(1);
    }
}
