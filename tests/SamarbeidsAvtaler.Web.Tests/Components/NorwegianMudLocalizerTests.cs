using System.Collections;
using System.Resources;
using SamarbeidsAvtaler.Web.Components.Localization;

namespace SamarbeidsAvtaler.Web.Tests.Components;

public sealed class NorwegianMudLocalizerTests
{
    [Fact]
    public void Every_text_MudBlazor_shows_has_a_Norwegian_translation()
    {
        var assembly = typeof(MudBlazor.MudButton).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new ResourceReader(stream);
        var keys = reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();

        keys.Should().NotBeEmpty();
        keys.Where(k => !NorwegianMudLocalizer.Texts.ContainsKey(k)).Should().BeEmpty("a MudBlazor upgrade added texts that would show in English");
        new NorwegianMudLocalizer()["MudDataGridPager_RowsPerPage"].Value.Should().Be("Rader per side:");
    }
}
