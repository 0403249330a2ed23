namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>
/// The PDF of a signed agreement version, rendered once and kept byte for byte: later downloads serve
/// exactly these bytes, whatever happens to the templates. The PDF's SHA-256 identifies it on
/// verification; the content fingerprint (of the printed HTML) is what the footer shows, since a
/// PDF cannot carry its own hash.
/// </summary>
public class SignedDocument
{
    private SignedDocument()
    {
        Pdf = [];
        PdfSha256 = string.Empty;
        ContentSha256 = string.Empty;
    }

    public SignedDocument(Guid agreementId, byte[] pdf, string pdfSha256, string contentSha256, DateOnly signedOn, DateTimeOffset renderedAt)
    {
        AgreementId = agreementId;
        Pdf = pdf;
        PdfSha256 = pdfSha256;
        ContentSha256 = contentSha256;
        SignedOn = signedOn;
        RenderedAt = renderedAt;
    }

    public Guid AgreementId { get; private set; }
    public byte[] Pdf { get; private set; }
    public string PdfSha256 { get; private set; }
    public string ContentSha256 { get; private set; }
    public DateOnly SignedOn { get; private set; }
    public DateTimeOffset RenderedAt { get; private set; }

    /// <summary>The short form printed in the footer.</summary>
    public static string ShortFingerprint(string sha256) => sha256[..12];
}
