using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// Invented disputes about interpreting Helse Bergen's agreements (issue 10 § 7, R23): one settled at service
/// level, one at the protokoll for uenighet, and one at the SSU step as an agenda item of the SSU's planned
/// meeting. Seed 004 makes dispute statements binding, so the overarching agreement says so. No patient data.
/// </summary>
public sealed class DemoDisputes(AppDbContext db, TimeProvider clock)
{
    public const string ResolvedTitle = "Demotvist: kva «same dag» betyr i varslingsfristen ved innlegging";
    public const string ProtocolTitle = "Demotvist: om kommunen kan krevje epikrise før pasienten vert send heim";
    public const string SsuTitle = "Demotvist: kven som dekkjer transport ved utskriving etter kl. 17";

    private const string SecretariatName = "Sigrid Sekretariat";
    private const string MunicipalityName = "Kari Kommune";
    private const string ManagerName = "Siri Samhandling";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var overarching = await db.Agreements
            .Where(a => a.Title == DemoAgreements.OverarchingTitle && a.Level == AgreementLevel.Overarching)
            .OrderByDescending(a => a.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (overarching is null)
        {
            return;
        }

        // Seed 004: the statement of the dispute bodies binds the parties.
        if (!overarching.DisputeStatementsBinding)
        {
            overarching.SetDisputeStatementsBinding(true);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.Disputes.AnyAsync(cancellationToken))
        {
            return;
        }

        var parties = await db.Parties.Where(p => p.Name == DemoData.DemoMunicipality || p.Name == "Bergen kommune" || p.Name == "Helse Bergen HF")
            .ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var agreements = await db.Agreements.Where(a => a.ParentAgreementId == overarching.Id && a.Status == AgreementStatus.Active)
            .ToDictionaryAsync(a => a.Title, a => a.Id, cancellationToken);
        if (parties.Count < 3
            || !agreements.TryGetValue("Tenesteavtale 2 og 3: Innlegging, utskriving, habilitering og rehabilitering", out var admission)
            || !agreements.TryGetValue("Tenesteavtale 5: Utskrivingsklare pasientar", out var discharge))
        {
            return;
        }

        var ssu = await db.Committees.Where(c => c.Name == DemoCommittees.SsuName && c.Kind == CommitteeKind.StrategicCommittee)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var planned = ssu is null
            ? null
            : await db.Meetings.Where(m => m.CommitteeId == ssu && m.Status == MeetingStatus.Planned).OrderBy(m => m.Date).FirstOrDefaultAsync(cancellationToken);

        // Each step on a weekday morning some days back, whatever hour the demo data is made.
        var today = clock.Today();
        DateTimeOffset DaysAgo(int days) => Norwegian.Instant(today.AddDays(-days).ToDateTime(new TimeOnly(10, 15)));
        var askoy = parties[DemoData.DemoMunicipality];
        var bergenKommune = parties["Bergen kommune"];
        var helseBergen = parties["Helse Bergen HF"];
        var secretariat = new CaseActor(null, SecretariatName);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Settled where it began: the parties agreed on a reading of the notice deadline.
        var resolved = await RaiseAsync(new DisputeDetails(bergenKommune, helseBergen, admission, ResolvedTitle,
            "Tenesteavtale 2 seier at kommunen skal varslast «same dag» som pasienten vert lagd inn. Partane les det ulikt når innlegginga skjer om kvelden: "
            + "før midnatt, eller innan neste arbeidsdag kl. 10. (Oppdikta demoeksempel.)"), new CaseActor(null, ManagerName), DaysAgo(75), cancellationToken);
        resolved.Resolve("Partane vart samde på tenestenivå: varsel om kveldsinnleggingar går innan kl. 10 neste arbeidsdag. Rutinen vert oppdatert.", DaysAgo(61));

        // At the protokoll for uenighet: the samarbeidssekretariat has it and may take it to the SSU.
        var protocol = await RaiseAsync(new DisputeDetails(askoy, helseBergen, discharge, ProtocolTitle,
            "Askøy kommune meiner tenesteavtale 5 gjev kommunen rett til å avvise utskriving når epikrise ikkje ligg føre. Helse Bergen meiner ei foreløpig "
            + "melding er nok. (Oppdikta demoeksempel.)"), new CaseActor(null, MunicipalityName), DaysAgo(40), cancellationToken);
        protocol.Escalate(EscalationStep.DisagreementProtocol, "Ikkje semje på tenestenivå etter to møte. Protokoll for usemje send til samarbeidssekretariatet.",
            null, new CaseActor(null, MunicipalityName), DaysAgo(20));

        if (planned is not null)
        {
            // At the SSU: the next agenda item of the SSU's planned meeting.
            var ssuDispute = await RaiseAsync(new DisputeDetails(askoy, helseBergen, discharge, SsuTitle,
                "Partane er usamde om kven som skal betale drosje når ein pasient vert skriven ut etter avtalt tid og kommunen ikkje kan hente. "
                + "(Oppdikta demoeksempel.)"), new CaseActor(null, MunicipalityName), DaysAgo(50), cancellationToken);
            ssuDispute.Escalate(EscalationStep.DisagreementProtocol, "Ikkje semje på tenestenivå.", null, new CaseActor(null, MunicipalityName), DaysAgo(35));
            var number = await AgendaNumbers.NextAsync(db, planned.CommitteeId, planned.Date.Year, cancellationToken);
            var item = planned.AddAgendaItem(number, new AgendaItemDetails($"Tvist {ssuDispute.CaseNumber}: {SsuTitle}",
                "Lagt fram av samarbeidssekretariatet etter protokoll for usemje, til drøfting og tilråding. (Oppdikta demoeksempel.)"), DaysAgo(10));
            ssuDispute.Escalate(EscalationStep.StrategicCommittee, "Samarbeidssekretariatet legg saka fram for SSU.", item.Id, secretariat, DaysAgo(10));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Dispute> RaiseAsync(DisputeDetails details, CaseActor actor, DateTimeOffset raisedAt, CancellationToken ct)
    {
        var year = Domain.Norwegian.Local(raisedAt).Year;
        var dispute = Dispute.Raise(details, await ReferenceNumbers.NextAsync(db, "TVIST", year, ct), actor, raisedAt);
        db.Disputes.Add(dispute);
        return dispute;
    }
}
