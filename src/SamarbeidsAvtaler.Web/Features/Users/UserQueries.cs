namespace SamarbeidsAvtaler.Web.Features.Users;

public enum UserStatusFilter
{
    All,
    Active,
    Deactivated,
}

/// <summary>What the user list asks for: filters, sorting (a column key) and a 1-based page.</summary>
public sealed record UserListQuery(
    string? Text = null,
    string? Role = null,
    UserStatusFilter Status = UserStatusFilter.All,
    string? Sort = null,
    bool Descending = false,
    int Page = 1,
    int PageSize = UserListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    /// <summary>The sortable columns, by the key the URL carries.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["navn", "e-post", "rolle", "part", "status"];
}

public sealed record UserRow(Guid Id, string DisplayName, string Email, string? Role, string? PartyName, bool IsActive);

public sealed record UserListPage(IReadOnlyList<UserRow> Rows, int Total)
{
    public static readonly UserListPage Empty = new([], 0);
}

/// <summary>A user as the edit page shows it.</summary>
public sealed record UserDetails(
    Guid Id, string DisplayName, string Email, string? Role, PartyOption? Party, bool IsActive, string? ConcurrencyStamp, bool IsSelf)
{
    public UserForm ToForm() => new()
    {
        DisplayName = DisplayName,
        Email = Email,
        Role = Role,
        Party = Party,
        ConcurrencyStamp = ConcurrencyStamp,
    };
}

/// <summary>One entry of a user's history, in words an administrator reads: Norwegian labels, Ja/Nei, party names.</summary>
public sealed record UserHistoryEntry(DateTimeOffset OccurredAt, string Action, string ActorName, IReadOnlyList<UserHistoryChange> Changes);

public sealed record UserHistoryChange(string Field, string? OldValue, string? NewValue);
