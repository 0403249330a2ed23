using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Tests;

/// <summary>Fresh, valid numbers so tests sharing one database never collide.</summary>
public static class Numbers
{
    public static string NewOrganisationNumber()
    {
        while (true)
        {
            var candidate = "8" + Random.Shared.Next(0, 10_000_000).ToString("D7") + "0";
            for (var check = 0; check <= 9; check++)
            {
                var number = candidate[..8] + check;
                if (OrganisationNumber.TryParse(number, out _))
                {
                    return number;
                }
            }
        }
    }

    public static string NewHprNumber() => Random.Shared.Next(800_000_000, 899_999_999).ToString();
}
