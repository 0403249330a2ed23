using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>
/// The editor's service as a circuit has it (resolved from a scope of the real app, on the real
/// database), a caseworker to call it as, and the forms a caseworker fills in.
/// </summary>
[Collection(AppCollection.Name)]
public abstract class EditorTestBase(AppFactory app) : IAsyncLifetime
{
    private AsyncServiceScope _scope;

    protected AppFactory App { get; } = app;

    protected AgreementEditorService Editor { get; private set; } = default!;

    protected ClaimsPrincipal Caseworker { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _scope = App.CreateScope();
        Editor = _scope.ServiceProvider.GetRequiredService<AgreementEditorService>();
        Caseworker = await App.UserAsync(WebClient.Caseworker);
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    /// <summary>Another service instance, as a second user's circuit has its own.</summary>
    protected AgreementEditorService SecondEditor() => _scope.ServiceProvider.CreateScope().ServiceProvider.GetRequiredService<AgreementEditorService>();

    public static AgreementForm Operating(string title, Guid? municipalityId = null) => new()
    {
        Kind = AgreementKind.OperatingAgreement,
        Title = title,
        Language = DocumentLanguage.Bokmal,
        ValidFrom = new DateTime(2026, 1, 1),
        NoticePeriodMonths = 6,
        PracticeSpecialty = "Øyesykdommer",
        PracticeMunicipality = municipalityId is { } m ? new Choice(m, "Kommunen", null) : null,
        PracticeAddress = "Eksempelgata 1, 5003 Bergen",
        PracticeSharePercent = 100m,
        PracticeHoursPerWeek = 37.5m,
        PracticeWeeksPerYear = 44,
    };

    public static AgreementForm SpecialistCooperation(string title) => new()
    {
        Kind = AgreementKind.SpecialistCooperationAgreement,
        Title = title,
        Language = DocumentLanguage.Bokmal,
        ValidFrom = new DateTime(2026, 2, 1),
        NoticePeriodMonths = 3,
        MeetingFrequency = "To ganger i året",
        ContactRoutines = "Fast kontaktperson i poliklinikken.",
    };

    public static AgreementForm Municipal(string title, AgreementLevel? level, Guid? parent = null, bool? binding = null, DateTime? validFrom = null) => new()
    {
        Kind = AgreementKind.MunicipalCooperationAgreement,
        Title = title,
        Language = DocumentLanguage.Nynorsk,
        ValidFrom = validFrom ?? new DateTime(2022, 8, 1),
        Level = level,
        ParentAgreement = parent is { } p ? new Choice(p, "Overordnet", null) : null,
        IsLegallyBinding = binding,
        Replaces = "overordnet samarbeidsavtale av 01.07.2012",
    };

    /// <summary>Step 1 as a caseworker; fails the test with the service's messages when refused.</summary>
    protected async Task<Guid> CreateAsync(AgreementForm form)
    {
        var result = await Editor.CreateAsync(Caseworker, form);
        result.Succeeded.Should().BeTrue("creating {0} should succeed, but: {1} {2}", form.Title, result.Message, Describe(result));
        return result.Value;
    }

    /// <summary>
    /// An agreement created through the editor and then signed by the organisations of the
    /// register, so that level 2 and 3 agreements may hang under it (R4: only under a signed parent).
    /// </summary>
    protected async Task<Guid> SignedAsync(AgreementForm form)
    {
        var id = await CreateAsync(form);
        await SignAsync(id);
        return id;
    }

    /// <summary>Signs a draft in the database, with every organisation of the register as party.</summary>
    protected async Task SignAsync(Guid id)
    {
        await using var db = App.Database.CreateDbContext();
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.StatutoryAreas).SingleAsync(a => a.Id == id);
        if (agreement.Level == AgreementLevel.Service && agreement.StatutoryAreas.Count == 0)
        {
            agreement.SetStatutoryAreas([2]);
        }

        var parties = await db.Parties.Where(p => p.IsActive && (p.Kind == PartyKind.Municipality || p.Kind == PartyKind.MunicipalGroup
            || p.Kind == PartyKind.HealthTrust || p.Kind == PartyKind.Institution)).ToListAsync();
        agreement.SetParties(parties.Select(p => (p, (string?)"Signa Tarsen", (string?)"Leiar")));
        agreement.AddSection("Formål", "Partane samarbeider om tenestene.");
        agreement.SignedByAll(new DateOnly(2022, 6, 24));
        await db.SaveChangesAsync();
    }

    protected async Task AddPartiesAsync(Guid id, params Guid[] partyIds)
    {
        foreach (var partyId in partyIds)
        {
            var result = await Editor.AddPartyAsync(Caseworker, id, partyId, await VersionAsync(id));
            result.Succeeded.Should().BeTrue("adding a party should succeed, but: {0}", result.Message);
        }
    }

    protected async Task<uint> VersionAsync(Guid id) => (await Editor.GetPartiesAsync(Caseworker, id))!.Version;

    protected async Task<Guid> PartyIdAsync(string name)
    {
        await using var db = App.Database.CreateDbContext();
        return await db.Parties.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    protected async Task<Agreement> StoredAsync(Guid id)
    {
        await using var db = App.Database.CreateDbContext();
        return await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Sections).Include(a => a.CooperationForms)
            .Include(a => a.StatutoryAreas).SingleAsync(a => a.Id == id);
    }

    protected static string Describe(CommandResult result) => string.Join(" | ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
