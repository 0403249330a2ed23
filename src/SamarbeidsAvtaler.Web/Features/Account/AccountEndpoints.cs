using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Log-out is a POST with an antiforgery token, so no link or image can log a user out.
        app.MapPost("/logg-ut", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/logg-inn?utlogget=1");
        }).DisableAntiforgery();

        return app;
    }
}
