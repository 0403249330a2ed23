using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

/// <summary>
/// One page of the list. <see cref="Total"/> is exact up to <see cref="AgreementListService.CountLimit"/>;
/// beyond that <see cref="MoreThanCounted"/> says "over 1 000" and paging stops there.
/// </summary>
public sealed record AgreementPage(IReadOnlyList<AgreementRow> Rows, int Total, bool MoreThanCounted, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>A party to pick in a filter.</summary>
public sealed record PartyOption(Guid Id, string Name, PartyKind Kind)
{
    public override string ToString() => Name;
}

/// <summary>The agreement list's queries: the page, the CSV export and the pickers of its filters.</summary>
public interface IAgreementListService
{
    Task<AgreementPage> SearchAsync(ClaimsPrincipal user, AgreementListState state, CancellationToken cancellationToken = default);

    IAsyncEnumerable<AgreementRow> ExportAsync(ClaimsPrincipal user, AgreementFilter filter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PartyOption>> RegionalHealthAuthoritiesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PartyOption>> SearchPartiesAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default);

    Task<PartyOption?> FindPartyAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads agreements as the given user may see them (<see cref="AgreementAccess.VisibleTo"/>): a
/// samhandlingssjef only their trust's, an avtalespesialist only their own. Filtering, sorting and paging
/// happen in PostgreSQL; a context lives for one call.
/// </summary>
public sealed class AgreementListService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IAgreementListService
{
    /// <summary>Counting stops here: "over 1 000" tells the user to narrow the search, and counting 100 000 matches costs.</summary>
    public const int CountLimit = 1_000;

    public const int PartySearchLimit = 20;

    public async Task<AgreementPage> SearchAsync(ClaimsPrincipal user, AgreementListState state, CancellationToken cancellationToken = default)
    {
        var size = AgreementListState.PageSizes.Contains(state.PageSize) ? state.PageSize : AgreementListState.DefaultPageSize;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var namedParties = await state.Filter.NamedPartyAgreementsAsync(db, cancellationToken);
        var query = state.Filter.Apply(db.Agreements.AsNoTracking().VisibleTo(db, user), db, clock.Today(), namedParties);

        // The ids of the first 1 001 in list order count the matches and hold every page there is: one pass over
        // the search (a trigram scan costs the same for a page as for a count), then the page's rows by id.
        var ids = await state.Filter.Order(query).Select(a => a.Id).Take(CountLimit + 1).ToListAsync(cancellationToken);
        var total = Math.Min(ids.Count, CountLimit);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Clamp(state.Page, 1, pageCount);
        var pageIds = ids.Skip((page - 1) * size).Take(size).ToList();
        var rows = pageIds.Count == 0
            ? []
            : await AgreementRow.Project(state.Filter.Order(db.Agreements.AsNoTracking().Where(a => pageIds.Contains(a.Id))), db).ToListAsync(cancellationToken);
        return new AgreementPage(rows, total, ids.Count > CountLimit, page, size);
    }

    public async IAsyncEnumerable<AgreementRow> ExportAsync(ClaimsPrincipal user, AgreementFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var namedParties = await filter.NamedPartyAgreementsAsync(db, cancellationToken);
        var query = filter.Order(filter.Apply(db.Agreements.AsNoTracking().VisibleTo(db, user), db, clock.Today(), namedParties));
        await foreach (var row in AgreementRow.Project(query, db).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<IReadOnlyList<PartyOption>> RegionalHealthAuthoritiesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        // An avtalespesialist sees only their own agreements: a filter by RHF gives them nothing.
        if (IsOnlySpecialist(user))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Parties.AsNoTracking().VisibleTo(user)
            .Where(p => p.Kind == PartyKind.RegionalHealthAuthority && p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new PartyOption(p.Id, p.Name, p.Kind))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PartyOption>> SearchPartiesAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default)
    {
        var cleaned = SearchText.Clean(text);
        if (cleaned is null)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pattern = "%" + SearchText.EscapeLike(cleaned.ToLowerInvariant()) + "%";
        return await db.Parties.AsNoTracking().VisibleTo(user)
            .Where(p => EF.Functions.Like(p.Name.ToLower(), pattern) || p.OrganisationNumber == cleaned || p.HprNumber == cleaned)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(PartySearchLimit)
            .Select(p => new PartyOption(p.Id, p.Name, p.Kind))
            .ToListAsync(cancellationToken);
    }

    public async Task<PartyOption?> FindPartyAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Parties.AsNoTracking().VisibleTo(user).Where(p => p.Id == id)
            .Select(p => new PartyOption(p.Id, p.Name, p.Kind)).FirstOrDefaultAsync(cancellationToken);
    }

    public static bool IsOnlySpecialist(ClaimsPrincipal user) => user.IsInRole(Roles.Specialist) && !user.IsMaintainer();
}
