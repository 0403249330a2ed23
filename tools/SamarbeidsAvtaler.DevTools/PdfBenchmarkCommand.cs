using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Pdf;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Web.Features.Agreements.Document;

namespace SamarbeidsAvtaler.DevTools;

/// <summary>
/// <c>benchmark-pdf</c>: measures, in one process with one browser, a trivial page against a typical
/// agreement, two concurrent renders, and downloads of a stored signed PDF over HTTP. Prints figures;
/// asserts nothing (scripts/benchmark-pdf.sh runs it).
/// </summary>
public static partial class PdfBenchmarkCommand
{
    public const string Name = "benchmark-pdf";
    private const int Rounds = 20;

    public static async Task<int> RunAsync(WebApplication app)
    {
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var renderer = scope.ServiceProvider.GetRequiredService<PdfRenderer>();
            var pdfs = scope.ServiceProvider.GetRequiredService<AgreementPdfService>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var trivial = new PdfRequest("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Test</title></head><body><p>Én side.</p></body></html>", "<span></span>");
            var typical = TypicalAgreement();

            // Warm-up: the first render starts the browser.
            await renderer.RenderAsync(trivial);
            await pdfs.RenderPdfAsync(typical);

            var trivialMs = await TimeAsync(() => renderer.RenderAsync(trivial));
            var typicalMs = await TimeAsync(() => pdfs.RenderPdfAsync(typical));
            var pages = CountPages((await pdfs.RenderPdfAsync(typical)).Pdf);

            var concurrent = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                for (var i = 0; i < Rounds / 2; i++)
                {
                    await pdfs.RenderPdfAsync(typical);
                }
            }));
            var concurrentPerSecond = Rounds / concurrent.Elapsed.TotalSeconds;

            var downloads = await StoredDownloadsPerSecondAsync(app, db, pdfs);

            Console.WriteLine();
            Console.WriteLine($"PDF benchmark ({Rounds} rounds each, Chromium kept open, {Environment.ProcessorCount} cores)");
            Console.WriteLine(F($"  trivial one-page HTML, median:          {Median(trivialMs):0.0} ms"));
            Console.WriteLine(F($"  typical agreement ({pages} pages), median: {Median(typicalMs):0.0} ms"));
            Console.WriteLine(F($"  ratio typical / trivial:                {Median(typicalMs) / Median(trivialMs):0.00}"));
            Console.WriteLine(F($"  throughput, 2 concurrent renders:       {concurrentPerSecond:0.00} PDF/s"));
            Console.WriteLine(downloads is { } d
                ? F($"  stored signed PDF over HTTP:            {d:0.0} downloads/s")
                : "  stored signed PDF over HTTP:            skipped (no signed agreement in the database; run with demo data)");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<double?> StoredDownloadsPerSecondAsync(WebApplication app, AppDbContext db, AgreementPdfService pdfs)
    {
        var signed = await db.Agreements.AsNoTracking().Where(a => a.Status == AgreementStatus.Active && a.SignedOn != null)
            .Select(a => new { a.Id, a.SignedOn }).FirstOrDefaultAsync();
        if (signed is null)
        {
            return null;
        }

        await pdfs.GetOrCreateSignedAsync(db, (await AgreementDocument.LoadAsync(db, signed.Id))!, signed.SignedOn!.Value);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var login = await client.GetStringAsync("/logg-inn");
        var token = Token().Match(login).Groups[1].Value;
        await client.PostAsync("/logg-inn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "saksbehandler@demo.local",
            ["Input.Password"] = DemoData.Password,
        }));

        const int downloads = 200;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < downloads / 4; i++)
            {
                using var response = await client.GetAsync($"/avtaler/{signed.Id}/pdf");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
        }));
        return downloads / watch.Elapsed.TotalSeconds;
    }

    private static async Task<List<double>> TimeAsync(Func<Task> render)
    {
        var times = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await render();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int CountPages(byte[] pdf) => PageObject().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A driftsavtale of ordinary length: six sections of a few paragraphs, two attachments, two signatures.</summary>
    private static AgreementDocument TypicalAgreement()
    {
        const string paragraph = "Avtalespesialisten skal drive praksis i samsvar med rammeavtalen og de til enhver tid gjeldende lover og forskrifter. "
            + "Partene skal samarbeide om pasientflyt, kapasitet og faglig utvikling, og informere hverandre om endringer som har betydning for avtalen.";
        var sections = Enumerable.Range(1, 6)
            .Select(i => new AgreementDocument.SectionLine(i, $"Avsnitt {i}", string.Join("\n\n", Enumerable.Repeat(paragraph, 4))))
            .ToList();
        var signature = new Signature("Rita Direktør", "Direktør", new DateOnly(2026, 1, 10), SignatureMethod.Paper, null);
        return new AgreementDocument(Guid.NewGuid(), "DA-2026-0001", 1, AgreementKind.OperatingAgreement, AgreementStatus.Active,
            "Driftsavtale for avtalespesialist i øyesykdommer", DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1), null, null, null, null, null, 6,
            null, null, null, new PracticePosition("Øyesykdommer", null, "Eksempelgata 1, 0150 Oslo", 100m, 37.5m, 44), "Oslo kommune",
            [
                new("Helse Sør-Øst RHF", "991324968", null, AgreementPartyRole.RegionalHealthAuthority, "Rita Direktør", "Direktør", signature),
                new("Demo Spesialistsen", null, "9900101", AgreementPartyRole.Specialist, "Demo Spesialistsen", null, signature with { SignedByName = "Demo Spesialistsen" }),
            ],
            sections,
            [new("Praksisprofil.pdf", "Praksisprofil", true), new("Normtall.xlsx", null, false)],
            [], [], null, []);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
