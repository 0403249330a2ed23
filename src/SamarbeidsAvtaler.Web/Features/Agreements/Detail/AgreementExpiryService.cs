using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// Ends agreements on their own when the notice has run out (R2) or the valid-to date has passed:
/// at start and then every hour. Outside a request the audit trail records the change as "System".
/// </summary>
public sealed class AgreementExpiryService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgreementExpiryService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first run.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await EndDueAgreementsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again; a failed run must not stop the host.
                logger.LogError(e, "Ending due agreements failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run: ends every agreement that is due today; returns how many ended.</summary>
    public async Task<int> EndDueAgreementsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = clock.Today();
        var due = await db.Agreements.AsNoTracking()
            .Where(a => (a.Status == AgreementStatus.UnderNotice && a.EndsOn <= today)
                || ((a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice) && a.ValidTo < today))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);

        var ended = 0;
        foreach (var id in due)
        {
            // One transaction per agreement: a conflict on one does not hold back the others.
            db.ChangeTracker.Clear();
            var agreement = await db.Agreements.SingleAsync(a => a.Id == id, cancellationToken);
            if (!agreement.EndIfDue(today))
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                ended++;
                logger.LogInformation("Agreement {AgreementId} ({ReferenceNumber} v{Version}) ended on {EndsOn}",
                    agreement.Id, agreement.ReferenceNumber, agreement.VersionNumber, agreement.EndsOn);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogWarning("Agreement {AgreementId} changed while it was being ended; the next run tries again", id);
            }
        }

        return ended;
    }
}
