using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>Agreements between demo parties, built with the domain scenarios and saved straight to the test database.</summary>
internal static partial class AgreementTestData
{
    public const string SouthEast = "Helse Sør-Øst RHF";
    public const string DemoSpecialist = "Demo Spesialistsen";
    public const string OtherSpecialist = "Testa Prøvesen";
    public const string Bergen = "Helse Bergen HF";
    public const string BergenMunicipality = "Bergen kommune";

    /// <summary>Today as the app sees it (Norwegian calendar day).</summary>
    public static DateOnly Today => TimeProvider.System.Today();

    public static Task<Party> PartyAsync(this AppDbContext db, string name) => db.Parties.SingleAsync(p => p.Name == name);

    /// <summary>Builds an agreement from demo parties and saves it; the callback may take it further through its lifecycle.</summary>
    public static async Task<Agreement> SaveAgreementAsync(this AppFactory app, Func<AppDbContext, Task<Agreement>> build)
    {
        // Starting the app seeds the demo parties the agreements are made between.
        _ = app.Server;
        await using var db = app.Database.CreateDbContext();
        var agreement = await build(db);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement;
    }

    public static Task<Agreement> OperatingAsync(this AppFactory app, string specialist = DemoSpecialist, Func<Agreement, Agreement>? then = null) =>
        app.SaveAgreementAsync(async db =>
        {
            var agreement = AgreementScenariosFor.Operating(await db.PartyAsync(SouthEast), await db.PartyAsync(specialist));
            return then?.Invoke(agreement) ?? agreement;
        });

    public static Task<Agreement> MunicipalAsync(this AppFactory app, Func<Agreement, Agreement>? then = null) =>
        app.SaveAgreementAsync(async db =>
        {
            var agreement = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, await db.PartyAsync(BergenMunicipality), await db.PartyAsync(Bergen));
            return then?.Invoke(agreement) ?? agreement;
        });

    public static Task<Agreement> SpecialistCooperationAsync(this AppFactory app, Func<Agreement, Agreement>? then = null) =>
        app.SaveAgreementAsync(async db =>
        {
            var agreement = AgreementScenarios.SpecialistCooperationDraft(await db.PartyAsync(Bergen), await db.PartyAsync(DemoSpecialist));
            return then?.Invoke(agreement) ?? agreement;
        });

    public static Agreement Active(this Agreement agreement) => AgreementScenarios.SignedByAll(agreement);

    public static Agreement AwaitingSignature(this Agreement agreement)
    {
        agreement.SendForSignature(AgreementScenarios.Now);
        return agreement;
    }

    public static async Task<Agreement> ReloadAsync(this AppFactory app, Guid id)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Agreements.AsNoTracking().Include(a => a.Parties).SingleAsync(a => a.Id == id);
    }

    /// <summary>The hidden version field of an EditForm whose model property is called Form.</summary>
    public static async Task<string> FormVersionAsync(this HttpClient client, string url) =>
        WebClient.InputValue(await client.GetHtmlAsync(url), "Form.Version") ?? throw new InvalidOperationException($"{url} has no version field");

    /// <summary>A small but well-formed one-page PDF, with a correct cross-reference table.</summary>
    public static byte[] SmallPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 760 Td (Rutinebeskrivelse) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

/// <summary>Scenario shorthands that need more than AgreementScenarios offers.</summary>
internal static class AgreementScenariosFor
{
    public static Agreement Operating(Party rhf, Party specialist) =>
        AgreementScenarios.OperatingDraft(rhf, specialist, $"Driftsavtale {specialist.Name} {Guid.NewGuid().ToString("N")[..6]}");
}
