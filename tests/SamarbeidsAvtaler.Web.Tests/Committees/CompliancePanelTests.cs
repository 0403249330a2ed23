using Bunit;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>The compliance panel: each level with its own icon, colour and word, the detail, and the seed's words in a quotation.</summary>
public sealed class CompliancePanelTests : MudTestContext
{
    private static readonly ComplianceFinding Breach = new("R19", ComplianceLevel.Breach, "For få representanter: Helse Bergen HF",
        "SSU har 2 av 3 representanter fra Helse Bergen HF.", "5 representantar (overordna administrativ leiing) utpeika av spesialisthelsetenesta");

    private static readonly ComplianceFinding Warning = new("R16", ComplianceLevel.Warning, "Møter i 2027",
        "SSU har holdt 3 møter så langt i år (minst 4 i året).", "SSU skal minimum møtast 4 gonger i året");

    private static readonly ComplianceFinding Fulfilled = new("R17", ComplianceLevel.Fulfilled, "Ledelse i 2027",
        "Leder fra kommunene og nestleder fra spesialisthelsetjenesten; ledelsen har alternert siden 2026.", null);

    [Fact]
    public void Renders_breach_warning_and_fulfilled_each_with_its_level_and_the_seeds_words()
    {
        var panel = Render<CompliancePanel>(p => p.Add(c => c.Findings, [Breach, Warning, Fulfilled]));

        var items = panel.FindAll("li.compliance-item");
        items.Should().HaveCount(3);

        items[0].ClassList.Should().Contain("compliance-item--breach");
        items[0].TextContent.Should().Contain("Brudd:").And.Contain(Breach.Title).And.Contain(Breach.Detail).And.Contain("R19");
        items[0].QuerySelector("blockquote")!.TextContent.Should().Be($"«{Breach.SeedQuote}»");
        items[0].QuerySelector("blockquote")!.GetAttribute("lang").Should().Be("nn", "the seed is nynorsk");
        items[0].QuerySelector(".mud-error-text, .mud-icon-root.mud-error-text").Should().NotBeNull("a breach is red");

        items[1].ClassList.Should().Contain("compliance-item--warning");
        items[1].TextContent.Should().Contain("Advarsel:").And.Contain("Møter i 2027").And.Contain("3 møter");
        items[1].QuerySelector("blockquote")!.TextContent.Should().Contain("SSU skal minimum møtast 4 gonger i året");
        items[1].QuerySelector(".mud-warning-text").Should().NotBeNull("a warning is amber");

        items[2].ClassList.Should().Contain("compliance-item--fulfilled");
        items[2].TextContent.Should().Contain("Oppfylt:").And.Contain("Ledelse i 2027");
        items[2].QuerySelector("blockquote").Should().BeNull("no quote was given");
        items[2].QuerySelector(".mud-success-text").Should().NotBeNull("fulfilled is green");

        panel.Find("[role=status]").TextContent.Should().Be("1 oppfylt, 1 advarsel, 1 brudd.");
    }

    [Fact]
    public void An_empty_list_says_there_is_nothing_to_check()
    {
        var panel = Render<CompliancePanel>(p => p.Add(c => c.Findings, []));

        panel.Markup.Should().Contain("Ingen regler å kontrollere");
        panel.FindAll("li").Should().BeEmpty();
    }
}
