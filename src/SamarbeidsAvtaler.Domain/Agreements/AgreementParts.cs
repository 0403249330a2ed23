namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>A party to an agreement, its role, and the person who signs for it.</summary>
public class AgreementParty
{
    private AgreementParty()
    {
    }

    public AgreementParty(Guid agreementId, Guid partyId, AgreementPartyRole role, string? signatoryName, string? signatoryTitle)
    {
        Id = Guid.CreateVersion7();
        AgreementId = agreementId;
        PartyId = partyId;
        Role = role;
        SignatoryName = signatoryName;
        SignatoryTitle = signatoryTitle;
    }

    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public Guid PartyId { get; private set; }
    public AgreementPartyRole Role { get; private set; }
    public string? SignatoryName { get; internal set; }
    public string? SignatoryTitle { get; internal set; }
    public Signature? Signature { get; internal set; }
}

/// <summary>A party's signature: who signed, when, and how (on paper, or electronically by an outside service).</summary>
public sealed record Signature(string SignedByName, string? SignedByTitle, DateOnly SignedOn, SignatureMethod Method, string? ExternalReference);

/// <summary>A headed, ordered section of the agreement's text; editable only while the agreement is a draft.</summary>
public class AgreementSection
{
    public const int HeadingMaxLength = 300;
    public const int BodyMaxLength = 100_000;

    private AgreementSection()
    {
        Heading = string.Empty;
        Body = string.Empty;
    }

    public AgreementSection(Guid agreementId, int position, string heading, string body)
    {
        Id = Guid.CreateVersion7();
        AgreementId = agreementId;
        Position = position;
        Heading = heading;
        Body = body;
    }

    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public int Position { get; internal set; }
    public string Heading { get; internal set; }
    public string Body { get; internal set; }
}

/// <summary>A chosen samarbeidsform with its description (000).</summary>
public class AgreementCooperationForm
{
    private AgreementCooperationForm()
    {
    }

    public AgreementCooperationForm(Guid agreementId, CooperationForm form, string? description)
    {
        AgreementId = agreementId;
        Form = form;
        Description = description;
    }

    public Guid AgreementId { get; private set; }
    public CooperationForm Form { get; private set; }
    public string? Description { get; internal set; }
}

/// <summary>A § 6-2 point that a kommune–HF service agreement covers.</summary>
public class AgreementStatutoryArea
{
    private AgreementStatutoryArea()
    {
    }

    public AgreementStatutoryArea(Guid agreementId, int areaNumber)
    {
        AgreementId = agreementId;
        AreaNumber = areaNumber;
    }

    public Guid AgreementId { get; private set; }
    public int AreaNumber { get; private set; }
}

/// <summary>
/// A file attached to an agreement, such as a routine description (003). R5: each attachment says
/// whether breaking it is a breach of the agreement. The bytes live in their own table.
/// </summary>
public class Attachment
{
    public const long MaxSizeBytes = 20 * 1024 * 1024;
    public const int FileNameMaxLength = 255;

    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    public Attachment(Guid agreementId, string fileName, string contentType, long sizeBytes, string sha256, bool isBinding, string? description, DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7();
        AgreementId = agreementId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        IsBinding = isBinding;
        Description = description;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; }
    public bool IsBinding { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>The bytes of an attachment, apart from its metadata so lists never load them.</summary>
public class AttachmentContent
{
    private AttachmentContent()
    {
        Bytes = [];
    }

    public AttachmentContent(Guid attachmentId, byte[] bytes)
    {
        AttachmentId = attachmentId;
        Bytes = bytes;
    }

    public Guid AttachmentId { get; private set; }
    public byte[] Bytes { get; private set; }
}
