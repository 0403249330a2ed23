using SamarbeidsAvtaler.Infrastructure.Pdf;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>The renderer against Debian's real Chromium, checked with poppler's tools.</summary>
public sealed class PdfRendererTests : IAsyncLifetime
{
    private const string Footer = "<div style=\"font-size:8px;width:100%;text-align:center\">Side <span class=\"pageNumber\"></span> av <span class=\"totalPages\"></span></div>";

    private readonly PdfRenderer _renderer = new(new PdfRendererOptions());

    private static PdfRequest Document(string body) => new(
        $"<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Prøvedokument</title></head><body>{body}</body></html>", Footer);

    [Fact]
    public async Task Prints_a_tagged_A4_pdf_whose_text_copies_out_with_norwegian_letters()
    {
        var pdf = await _renderer.RenderAsync(Document("<h1>Samarbeidsavtale</h1><p>Blåbærsyltetøy på Ærøy og Østlandet.</p>"));

        pdf.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
        (await PdfTools.TextAsync(pdf)).Should().Contain("Blåbærsyltetøy på Ærøy og Østlandet.").And.Contain("Side 1 av 1");
        var info = await PdfTools.InfoAsync(pdf);
        info.Should().MatchRegex(@"Tagged:\s+yes").And.Contain("(A4)").And.MatchRegex(@"Title:\s+Prøvedokument");
        (await PdfTools.FontsAsync(pdf)).Split('\n').Skip(2).Where(l => l.Length > 0).Should().OnlyContain(l => l.Contains(" yes "), "every font is embedded");
    }

    [Fact]
    public async Task A_killed_browser_is_restarted_and_the_next_request_succeeds()
    {
        await _renderer.RenderAsync(Document("<p>Før</p>"));
        await _renderer.KillBrowserForTestAsync();

        var pdf = await _renderer.RenderAsync(Document("<p>Etter krasj</p>"));

        (await PdfTools.TextAsync(pdf)).Should().Contain("Etter krasj");
        _renderer.BrowserStarts.Should().Be(2);
    }

    [Fact]
    public async Task Concurrent_renders_all_succeed_with_one_browser()
    {
        var pdfs = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => _renderer.RenderAsync(Document($"<p>Dokument {i}</p>"))));

        pdfs.Should().HaveCount(5).And.OnlyContain(p => p.Length > 500);
        _renderer.BrowserStarts.Should().Be(1);
    }

    [Fact]
    public async Task A_render_over_the_time_limit_fails_with_a_clear_message()
    {
        await using var slow = new PdfRenderer(new PdfRendererOptions { RenderTimeout = TimeSpan.FromMilliseconds(1) });

        var act = () => slow.RenderAsync(Document("<p>Treg</p>"));

        (await act.Should().ThrowAsync<PdfRenderException>()).WithMessage("*tok for lang tid*");
    }

    [Fact]
    public async Task Without_chromium_the_renderer_says_so_in_norwegian()
    {
        await using var missing = new PdfRenderer(new PdfRendererOptions { ChromiumPath = "/finnes/ikke/chromium" });

        missing.IsChromiumInstalled.Should().BeFalse();
        var act = () => missing.RenderAsync(Document("<p>x</p>"));
        (await act.Should().ThrowAsync<PdfRenderException>()).WithMessage("*Chromium mangler*");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _renderer.DisposeAsync();
}
