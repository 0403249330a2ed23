using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public static class PartyReferences
{
    /// <summary>What refers to a party, in words; a party that is referenced is deactivated, never deleted.</summary>
    public static async Task<List<string>> DescribeAsync(AppDbContext db, Guid partyId)
    {
        var references = new List<string>();
        if (await db.Users.AnyAsync(u => u.PartyId == partyId))
        {
            references.Add("knyttet til brukere");
        }

        if (await db.Parties.AnyAsync(p => p.ParentPartyId == partyId))
        {
            references.Add("har underordnede parter");
        }

        if (await db.MunicipalGroupMembers.AnyAsync(m => m.MunicipalityId == partyId || m.GroupId == partyId))
        {
            references.Add("medlem av eller har medlemmer i en kommunegruppe");
        }

        if (await db.AgreementParties.AnyAsync(ap => ap.PartyId == partyId)
            || await db.Agreements.AnyAsync(a => a.NoticeGivenByPartyId == partyId || a.PracticePosition!.MunicipalityId == partyId))
        {
            references.Add("part i eller nevnt i avtaler");
        }

        return references;
    }
}
