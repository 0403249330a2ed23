using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

// The lifecycle dialogs' models, bound by the forms and passed as they are to AgreementLifecycleService,
// which checks every field again. Property names are the field names of the service's FieldErrors.

public sealed class SignatureInput
{
    public const int TextMaxLength = 200;

    public string? SignedByName { get; set; }
    public string? SignedByTitle { get; set; }
    public DateTime? SignedOn { get; set; }
    public SignatureMethod Method { get; set; } = SignatureMethod.Paper;
    public string? ExternalReference { get; set; }
}

public sealed class NewVersionInput
{
    public string? ChangeSummary { get; set; }
    public DateTime? ValidFrom { get; set; }

    /// <summary>R1: of an agreement under notice, whether the new version withdraws the notice; asked, never assumed.</summary>
    public bool? WithdrawNotice { get; set; }
}

public sealed class NoticeInput
{
    public const int NameMaxLength = 200;

    public Guid? PartyId { get; set; }
    public string? GivenByName { get; set; }
    public DateTime? GivenOn { get; set; }
}

/// <summary>R2 (004): who passed a notice on, and when: the HF to its RHF, or the RHF to Helsedirektoratet.</summary>
public sealed class NoticeNotificationInput
{
    public NoticeNotification? Notification { get; set; }
    public DateTime? Date { get; set; }
    public string? NotifiedBy { get; set; }
}

/// <summary>A single date: the yearly review, or the day the RHF was informed.</summary>
public sealed class DateInput
{
    public DateTime? Date { get; set; }

    /// <summary>R3 (004): for a yearly review, the day its result went to the partnarskapsmøte, once it has.</summary>
    public DateTime? ReportedToPartnershipOn { get; set; }
}

/// <summary>An uploaded file as read from the browser, with what the user said about it.</summary>
public sealed class AttachmentInput
{
    public string? FileName { get; set; }
    public byte[]? Bytes { get; set; }
    public bool? IsBinding { get; set; }
    public string? Description { get; set; }
}
