using Bunit;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Tests.Components;

public sealed class AgreementStatusTagTests : MudTestContext
{
    [Fact]
    public void R1_a_signed_version_not_yet_in_force_says_from_when_it_applies()
    {
        var tag = Render<AgreementStatusTag>(p => p.Add(t => t.Status, AgreementStatus.Signed).Add(t => t.ValidFrom, new DateOnly(2027, 1, 1)));

        tag.Find(".app-status-chip").TextContent.Should().Be("Signert, gjelder fra 01.01.2027");
    }

    [Fact]
    public void R2_a_notice_says_the_last_day_in_force()
    {
        // Notice given 15.03.2026: in force through 15.03.2027, ended from 16.03.2027.
        var tag = Render<AgreementStatusTag>(p => p.Add(t => t.Status, AgreementStatus.UnderNotice).Add(t => t.EndsOn, new DateOnly(2027, 3, 16)));

        tag.Find(".app-status-chip").TextContent.Should().Be("Oppsagt til 15.03.2027");
    }
}
