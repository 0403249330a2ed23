using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementEditorEndpoints
{
    /// <summary>
    /// The htmx fragments of the editor's search-and-picks: the hits update as the user types. The
    /// same search works without JavaScript through the form's own search button.
    /// </summary>
    public static IEndpointRouteBuilder MapAgreementEditorEndpoints(this IEndpointRouteBuilder app)
    {
        var pickers = app.MapGroup("/avtaler/velg").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Maintainers });

        // Kommuner for the practice location of a driftsavtale.
        pickers.MapGet("/kommuner", async (
            [FromQuery(Name = "Form.MunicipalitySearch")] string? text,
            [FromQuery(Name = "Form.PracticeMunicipalityId")] string? selected,
            AppDbContext db) =>
        {
            var hits = await Editing.SearchMunicipalitiesAsync(db, text);
            var current = await Editing.MunicipalityAsync(db, Guid.TryParse(selected, out var id) ? id : null);
            return PageResults.Page<ChoiceList>(new Dictionary<string, object?>
            {
                [nameof(ChoiceList.Name)] = "Form.PracticeMunicipalityId",
                [nameof(ChoiceList.IdPrefix)] = "kommune",
                [nameof(ChoiceList.Selected)] = current,
                [nameof(ChoiceList.Hits)] = hits,
                [nameof(ChoiceList.Searched)] = text?.Trim() ?? string.Empty,
                [nameof(ChoiceList.NoneText)] = "Ingen kommune valgt",
                [nameof(ChoiceList.NoHitsText)] = "Ingen kommuner passer til søket.",
            });
        });

        // Kommune–HF agreements a level 2 or 3 agreement may hang under (R4).
        pickers.MapGet("/overordnede", async (
            [FromQuery(Name = "Form.ParentSearch")] string? text,
            [FromQuery(Name = "Form.Level")] string? level,
            [FromQuery(Name = "Form.ParentAgreementId")] string? selected,
            [FromQuery(Name = "unntatt")] Guid? exclude,
            AppDbContext db) =>
        {
            var form = new AgreementForm { Level = level };
            var hits = await Editing.SearchParentsAsync(db, text, form.ParsedLevel, exclude);
            var current = await Editing.ParentAsync(db, Guid.TryParse(selected, out var id) ? id : null);
            return PageResults.Page<ChoiceList>(new Dictionary<string, object?>
            {
                [nameof(ChoiceList.Name)] = "Form.ParentAgreementId",
                [nameof(ChoiceList.IdPrefix)] = "overordnet",
                [nameof(ChoiceList.Selected)] = current,
                [nameof(ChoiceList.Hits)] = hits,
                [nameof(ChoiceList.Searched)] = text?.Trim() ?? string.Empty,
                [nameof(ChoiceList.NoneText)] = "Ingen (overordnet avtale, nivå 1)",
                [nameof(ChoiceList.NoHitsText)] = "Ingen avtaler på et nivå denne kan høre under, passer til søket.",
            });
        });

        return app;
    }
}
