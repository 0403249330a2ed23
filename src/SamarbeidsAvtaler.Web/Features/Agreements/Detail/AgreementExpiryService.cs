using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// Starts signed versions on their valid-from date (R1) and ends agreements on their own when the
/// notice has run out (R2) or the valid-to date has passed:
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
                // First what takes effect today (R1), then what ends: an old version replaced today is not also ended.
                await TakeEffectDueAgreementsAsync(stoppingToken);
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

    /// <summary>
    /// R1: every signed version whose valid-from date has come takes effect, and the version it
    /// replaces is marked replaced from that date, in one transaction; returns how many took effect.
    /// </summary>
    public Task<int> TakeEffectDueAgreementsAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        return ApplyToDueAsync(a => a.Status == AgreementStatus.Signed && a.ValidFrom <= today, "took effect",
            async (db, agreement) =>
            {
                if (!agreement.TakeEffectIfDue(today))
                {
                    return false;
                }

                if (agreement.PreviousVersionId is { } previousId)
                {
                    var previous = await db.Agreements.SingleAsync(a => a.Id == previousId, cancellationToken);
                    // An old version that ended meanwhile is out of force and stays as it is.
                    if (previous.IsInForce)
                    {
                        previous.MarkReplacedBy(agreement);
                    }
                }

                return true;
            }, cancellationToken);
    }

    /// <summary>One run: ends every agreement that is due today; returns how many ended.</summary>
    public Task<int> EndDueAgreementsAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        return ApplyToDueAsync(
            a => (a.Status == AgreementStatus.UnderNotice && a.EndsOn <= today)
                || ((a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice) && a.ValidTo < today),
            "ended", (_, agreement) => Task.FromResult(agreement.EndIfDue(today)), cancellationToken);
    }

    /// <summary>
    /// Loads each due agreement and applies <paramref name="change"/> (false: nothing to do after all),
    /// saving one agreement per transaction: a conflict on one does not hold back the others, and the
    /// next run tries it again.
    /// </summary>
    private async Task<int> ApplyToDueAsync(
        System.Linq.Expressions.Expression<Func<Agreement, bool>> isDue, string what,
        Func<AppDbContext, Agreement, Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.Agreements.AsNoTracking().Where(isDue).Select(a => a.Id).ToListAsync(cancellationToken);

        var changed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var agreement = await db.Agreements.SingleAsync(a => a.Id == id, cancellationToken);
            if (!await change(db, agreement))
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changed++;
                logger.LogInformation("Agreement {AgreementId} ({ReferenceNumber} v{Version}) {What}",
                    agreement.Id, agreement.ReferenceNumber, agreement.VersionNumber, what);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogWarning("Agreement {AgreementId} changed while the expiry service worked on it; the next run tries again", id);
            }
        }

        return changed;
    }
}
