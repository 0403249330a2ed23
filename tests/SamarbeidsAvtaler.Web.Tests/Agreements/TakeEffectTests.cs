using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class TakeEffectTests(AppFactory app)
{
    [Fact]
    public async Task R1_the_background_service_starts_a_signed_version_on_its_valid_from_and_replaces_the_old_from_that_date()
    {
        var today = AgreementTestData.Today;
        var first = await app.OperatingAsync(then: a => a.Active());
        Guid secondId;
        await using (var db = app.Database.CreateDbContext())
        {
            var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == first.Id);
            var second = tracked.CreateNewVersion("Ny åpningstid", today, AgreementScenarios.Now);
            second.SendForSignature(AgreementScenarios.Now);
            foreach (var party in second.Parties)
            {
                // Signed a week ago, when its valid-from (today) was still to come.
                second.RegisterSignature(party.Id, new Signature(party.SignatoryName!, null, today.AddDays(-7), SignatureMethod.Paper, null), today.AddDays(-7));
            }

            second.Status.Should().Be(AgreementStatus.Signed);
            db.Agreements.Add(second);
            await db.SaveChangesAsync();
            secondId = second.Id;
        }

        (await app.ReloadAsync(first.Id)).Status.Should().Be(AgreementStatus.Active, "the old version is in force until the new one takes effect");

        var started = await app.Services.GetRequiredService<AgreementExpiryService>().TakeEffectDueAgreementsAsync();

        started.Should().BeGreaterThanOrEqualTo(1);
        (await app.ReloadAsync(secondId)).Status.Should().Be(AgreementStatus.Active);
        var old = await app.ReloadAsync(first.Id);
        old.Status.Should().Be(AgreementStatus.Replaced);
        old.ReplacedOn.Should().Be(today, "replaced from the new version's valid-from: the coverage has no gap");
        old.ReplacedByAgreementId.Should().Be(secondId);
    }
}
