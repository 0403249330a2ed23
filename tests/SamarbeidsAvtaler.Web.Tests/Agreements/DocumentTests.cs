using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class DocumentTests(AppFactory app)
{

    private async Task<Agreement> SaveAsync(Func<AppDbContext, Task<Agreement>> build, bool withAttachment = true)
    {
        await using var db = app.Database.CreateDbContext();
        var agreement = await build(db);
        db.Agreements.Add(agreement);
        if (withAttachment)
        {
            var attachment = new Attachment(agreement.Id, "Rutine for utskriving.pdf", "application/pdf", 8, new string('a', 64), isBinding: true, "Utskrivingsrutine", AgreementScenarios.Now);
            db.Attachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent(attachment.Id, "%PDF-1.4"u8.ToArray()));
        }

        await db.SaveChangesAsync();
        return agreement;
    }

    private async Task<Agreement> OperatingAsync(bool signed) => await SaveAsync(async db =>
    {
        var agreement = AgreementScenarios.OperatingDraft(await db.PartyAsync("Helse Sør-Øst RHF"), await db.PartyAsync("Demo Spesialistsen"),
            "Driftsavtale <script>alert('x')</script> & øyne");
        return signed ? agreement.SignedByAll() : agreement;
    });

    [Fact]
    public async Task Operating_agreement_pdf_holds_parties_sections_attachments_and_signatories()
    {
        var agreement = await OperatingAsync(signed: true);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync($"/avtaler/{agreement.Id}/pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfTools.TextAsync(pdf);
        text.Should().Contain("Helse Sør-Øst RHF").And.Contain("Demo Spesialistsen").And.Contain("1. Formål")
            .And.Contain("Rutine for utskriving.pdf").And.Contain("Bindende").And.Contain("Rita RHF-direktør")
            .And.Contain(agreement.ReferenceNumber).And.Contain("Driftsavtale <script>alert('x')</script> &")
            .And.MatchRegex(@"Side 1 av \d").And.Contain("Fingeravtrykk").And.NotContain("UTKAST");
        var info = await PdfTools.InfoAsync(pdf);
        info.Should().MatchRegex(@"Tagged:\s+yes").And.Contain("(A4)").And.Contain(agreement.ReferenceNumber);
    }

    [Fact]
    public async Task Draft_pdf_carries_the_draft_mark_on_every_page()
    {
        var agreement = await OperatingAsync(signed: false);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var pdf = await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();

        var pages = (await PdfTools.TextAsync(pdf)).Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        pages.Should().HaveCountGreaterThan(1).And.OnlyContain(p => p.Contains("UTKAST"));
    }

    [Fact]
    public async Task Nynorsk_agreement_gets_nynorsk_labels_and_lists_its_statutory_points()
    {
        var agreement = await SaveAsync(async db =>
        {
            var parent = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, await db.PartyAsync("Bergen kommune"), await db.PartyAsync("Helse Bergen HF"));
            db.Agreements.Add(parent);
            return AgreementScenarios.MunicipalDraft(AgreementLevel.Service, await db.PartyAsync("Bergen kommune"), await db.PartyAsync("Helse Bergen HF"),
                parent.Id, [2, 5]).SignedByAll();
        }, withAttachment: false);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var pdf = await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();
        var text = await PdfTools.TextAsync(pdf);

        System.Text.Encoding.Latin1.GetString(pdf).Should().Contain("/Lang (nn)", "the PDF declares its language for screen readers");
        text.Should().Contain("Gjeld frå").And.Contain("Avtalen høyrer inn under").And.Contain("TENESTEAVTALE (NIVÅ 2)")
            .And.Contain("5. Utskrivningsklare pasienter").And.Contain("Avtalen har ingen vedlegg.").And.Contain("Føremål");
    }

    [Fact]
    public async Task Specialist_cooperation_pdf_lists_the_chosen_cooperation_forms()
    {
        var agreement = await SaveAsync(async db =>
            AgreementScenarios.SpecialistCooperationDraft(await db.PartyAsync("Helse Bergen HF"), await db.PartyAsync("Testa Prøvesen")).SignedByAll());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var text = await PdfTools.TextAsync(await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync());

        text.Should().Contain("Faglig samarbeid: Felles fagdager").And.Contain("To ganger i året").And.Contain("Testa Prøvesen").And.Contain("Hanne HF-direktør");
    }

    [Fact]
    public async Task Signed_version_is_rendered_once_and_served_byte_for_byte_afterwards()
    {
        var agreement = await OperatingAsync(signed: true);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var first = await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();
        var second = await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();

        second.Should().Equal(first, "a signed version is never rendered again");
        await using var db = app.Database.CreateDbContext();
        var stored = await db.SignedDocuments.SingleAsync(d => d.AgreementId == agreement.Id);
        stored.PdfSha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)));
        (await PdfTools.TextAsync(first)).Should().Contain(SignedDocument.ShortFingerprint(stored.ContentSha256));
        var tamper = () => db.Database.ExecuteSqlRawAsync("UPDATE signed_documents SET pdf = '\\x00' WHERE agreement_id = {0}", agreement.Id);
        await tamper.Should().ThrowAsync<Exception>("stored signed documents are immutable");
    }

    [Fact]
    public async Task Stored_bytes_are_served_even_when_a_new_rendering_would_differ()
    {
        // Stands in for a template change: whatever the templates make now, the stored bytes win.
        var agreement = await OperatingAsync(signed: true);
        var storedBytes = "%PDF-1.4 stored before the template changed"u8.ToArray();
        await using (var db = app.Database.CreateDbContext())
        {
            db.SignedDocuments.Add(new SignedDocument(agreement.Id, storedBytes, new string('b', 64), new string('c', 64), AgreementScenarios.Today, AgreementScenarios.Now));
            await db.SaveChangesAsync();
        }

        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var served = await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();

        served.Should().Equal(storedBytes);
    }

    [Fact]
    public async Task Verification_accepts_the_stored_pdf_and_rejects_a_one_byte_change()
    {
        var agreement = await OperatingAsync(signed: true);
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var pdf = await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();

        var accepted = await VerifyAsync(client, pdf);
        accepted.Should().Contain("Filen er en registrert signert avtale.").And.Contain(agreement.ReferenceNumber).And.Contain("versjon 1");

        var changed = (byte[])pdf.Clone();
        changed[changed.Length / 2] ^= 0x01;
        (await VerifyAsync(client, changed)).Should().Contain("Filen er ikke en registrert signert avtale.");
        (await VerifyAsync(client, "Dette er tekst"u8.ToArray())).Should().Contain("Filen er ikke en PDF.");
    }

    [Fact]
    public async Task Verification_refuses_a_file_over_the_limit()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var big = new byte[AgreementDocumentEndpoints.MaxVerificationBytes + 1];
        "%PDF-"u8.CopyTo(big);

        (await VerifyAsync(client, big)).Should().Contain("Filen er for stor");
    }

    [Fact]
    public async Task Pdf_and_document_view_are_404_for_those_who_may_not_read_the_agreement()
    {
        var other = await SaveAsync(async db =>
            AgreementScenarios.OperatingDraft(await db.PartyAsync("Helse Sør-Øst RHF"), await db.PartyAsync("Fiksjon Psykiatersen")));
        var specialist = await app.LoggedInAsync(WebClient.Specialist);
        var manager = await app.LoggedInAsync(WebClient.CooperationManager);

        foreach (var client in new[] { specialist, manager })
        {
            (await client.GetAsync($"/avtaler/{other.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetAsync($"/avtaler/{other.Id}/dokument")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await specialist.GetAsync($"/avtaler/{Guid.NewGuid()}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Views_and_downloads_are_written_to_the_access_log()
    {
        var agreement = await OperatingAsync(signed: false);
        var client = await app.LoggedInAsync(WebClient.Specialist);

        (await client.GetAsync($"/avtaler/{agreement.Id}/dokument")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var db = app.Database.CreateDbContext();
        var log = await db.AccessLog.Where(e => e.AgreementId == agreement.Id).OrderBy(e => e.Id).ToListAsync();
        log.Select(e => (e.Action, e.UserName, e.VersionNumber)).Should().Equal(
            (AccessLogEntry.Viewed, "Demo Spesialistsen", 1), (AccessLogEntry.DownloadedPdf, "Demo Spesialistsen", 1));
    }

    [Fact]
    public async Task Document_view_encodes_what_users_typed()
    {
        var agreement = await OperatingAsync(signed: false);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var raw = await (await client.GetAsync($"/avtaler/{agreement.Id}/dokument")).Content.ReadAsStringAsync();

        raw.Should().NotContain("<script>alert").And.Contain("&lt;script&gt;");
    }

    private static async Task<string> VerifyAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync("/verifiser");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "fil", "avtale.pdf");
        return await (await client.PostAsync("/verifiser", form)).HtmlAsync();
    }
}

/// <summary>The app on a machine without Chromium: it starts, reports PDFs degraded, and says so on a PDF request.</summary>
public sealed class MissingChromiumTests : IAsyncLifetime
{
    private readonly NoChromiumFactory _app = new();

    [Fact]
    public async Task App_starts_reports_pdf_degraded_and_explains_in_norwegian()
    {
        var ready = await _app.CreateBrowserLikeClient().GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().StartWith("Degraded").And.Contain("pdf: Degraded");

        Agreement agreement;
        await using (var db = _app.Database.CreateDbContext())
        {
            agreement = AgreementScenarios.OperatingDraft(await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF"),
                await db.Parties.SingleAsync(p => p.Name == "Demo Spesialistsen"));
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
        }

        var client = await _app.LoggedInAsync(WebClient.Caseworker);
        var response = await client.GetAsync($"/avtaler/{agreement.Id}/pdf");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.HtmlAsync()).Should().Contain("Chromium mangler").And.Contain("PDF-en kan ikke lages nå");
    }

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    private sealed class NoChromiumFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Pdf:ChromiumPath", "/finnes/ikke/chromium");
        }
    }
}
