using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Overview;

/// <summary>
/// Parties and agreements for the overview, deadline and coverage tests, with unique names: the
/// collection shares one database that also holds the demo register.
/// </summary>
public sealed class OverviewTestData(AppFactory app)
{
    /// <summary>Today as the services count it (Norwegian time).</summary>
    public static DateOnly Today => TimeProvider.System.Today();

    public static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    public async Task<T> SaveAsync<T>(T entity)
        where T : class
    {
        await using var db = app.Database.CreateDbContext();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    public async Task SaveAllAsync(params object[] entities)
    {
        await using var db = app.Database.CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>Resolves a feature service from a scope of the app, as a circuit would, and calls it.</summary>
    public async Task<TResult> CallAsync<TService, TResult>(Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = app.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<ClaimsPrincipal> UserAsync(string email) => app.UserAsync(email);

    public static T Ok<T>(CommandResult<T> result)
    {
        result.Status.Should().Be(CommandStatus.Ok, result.Message);
        return result.Value!;
    }

    public static Agreement Operating(Party rhf, Party specialist, string title, DateOnly? nextReview = null, DateOnly? validTo = null)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.OperatingAgreement, title, DocumentLanguage.Bokmal, new DateOnly(2024, 1, 1),
                ValidTo: validTo, NextReviewDate: nextReview, PracticePosition: AgreementScenarios.FullPosition()),
            AgreementScenarios.NextReference(AgreementKind.OperatingAgreement), AgreementScenarios.Now);
        agreement.SetParties([(rhf, "Rita RHF-direktør", "Direktør"), (specialist, specialist.Name, "Avtalespesialist")]);
        agreement.AddSection("Formål", "Avtalepraksis med driftstilskudd.");
        return agreement;
    }

    public static Agreement Municipal(AgreementLevel level, Party municipalSide, Party trust, Guid? parent = null, int[]? areas = null,
        DateOnly? validFrom = null, DateOnly? validTo = null, DateOnly? nextReview = null)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.MunicipalCooperationAgreement, Unique(level.DisplayName()), DocumentLanguage.Nynorsk,
                // Recent and reviewed far ahead unless asked: no deadline rows the test did not ask for.
                validFrom ?? Today.AddMonths(-6), ValidTo: validTo, NextReviewDate: nextReview ?? Today.AddYears(1), Level: level, ParentAgreementId: parent),
            AgreementScenarios.NextReference(AgreementKind.MunicipalCooperationAgreement), AgreementScenarios.Now);
        agreement.SetParties([(municipalSide, "Kari Kommunedirektør", "Kommunedirektør"), (trust, "Hanne HF-direktør", "Administrerende direktør")]);
        agreement.AddSection("Føremål", "Samanhengande tenester.");
        if (areas is not null)
        {
            agreement.SetStatutoryAreas(areas);
        }

        return agreement;
    }

    public static Agreement UnderNotice(Agreement agreement, Party by, DateOnly endsAround)
    {
        agreement.SignedByAll();
        // Notice given so that it takes effect about when asked (R2).
        var givenOn = endsAround.AddMonths(-agreement.NoticePeriodMonths);
        agreement.GiveNotice(by.Id, by.Name, givenOn, Today);
        return agreement;
    }
}
