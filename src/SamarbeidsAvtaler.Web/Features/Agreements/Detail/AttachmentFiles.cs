using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// Decides what an uploaded file is from its bytes, never from the name or the browser's claim:
/// PDF, Office Open XML (docx, xlsx, pptx), OpenDocument text, or legacy Word/Excel.
/// </summary>
public static class AttachmentFiles
{
    public const string AllowedText = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx) eller OpenDocument-tekst (.odt)";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public sealed record FileType(string Extension, string ContentType, string Name);

    public static readonly FileType PdfType = new(".pdf", "application/pdf", "PDF");
    public static readonly FileType Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-dokument");
    public static readonly FileType Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-regneark");
    public static readonly FileType Pptx = new(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint-presentasjon");
    public static readonly FileType Odt = new(".odt", "application/vnd.oasis.opendocument.text", "OpenDocument-tekst");
    public static readonly FileType Doc = new(".doc", "application/msword", "Word-dokument (eldre format)");
    public static readonly FileType Xls = new(".xls", "application/vnd.ms-excel", "Excel-regneark (eldre format)");

    /// <summary>The checked file: its type, or the Norwegian reason it was refused.</summary>
    public sealed record Inspection(FileType? Type, string? Error);

    public static Inspection Inspect(string fileName, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return Refused("Filen er tom.");
        }

        if (bytes.Length > Attachment.MaxSizeBytes)
        {
            return Refused(TooLargeMessage);
        }

        var type = Sniff(bytes, Path.GetExtension(fileName));
        if (type is null)
        {
            return Refused($"Filen er ikke en dokumenttype vi tar imot. Last opp {AllowedText}. Typen sjekkes ut fra innholdet, ikke filnavnet.");
        }

        // The name is what the reader's computer opens the download with, so it must say what the content is.
        var extension = Path.GetExtension(fileName);
        if (!string.Equals(extension, type.Extension, StringComparison.OrdinalIgnoreCase))
        {
            return Refused($"Innholdet er {type.Name}, men filnavnet slutter på «{extension}». Gi filen endelsen {type.Extension} og last den opp igjen.");
        }

        return new Inspection(type, null);
    }

    public static string TooLargeMessage =>
        $"Filen er for stor. Et vedlegg kan være høyst {Attachment.MaxSizeBytes / 1024 / 1024} MB.";

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The file name as stored: no path, no control characters, at most the column's length.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "vedlegg";
        }

        if (name.Length > Attachment.FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(Attachment.FileNameMaxLength - extension.Length)] + extension;
        }

        return name;
    }

    private static FileType? Sniff(byte[] bytes, string extension)
    {
        if (bytes.AsSpan().StartsWith(Pdf))
        {
            return PdfType;
        }

        if (bytes.AsSpan().StartsWith(Zip))
        {
            return SniffZip(bytes);
        }

        if (bytes.AsSpan().StartsWith(Ole))
        {
            // An OLE compound file says what it holds only deep inside; Word and Excel are told apart by the name.
            return extension.ToLowerInvariant() switch
            {
                ".doc" => Doc,
                ".xls" => Xls,
                _ => null,
            };
        }

        return null;
    }

    private static FileType? SniffZip(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null)
            {
                return zip.GetEntry("word/document.xml") is not null ? Docx
                    : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                    : zip.GetEntry("ppt/presentation.xml") is not null ? Pptx
                    : null;
            }

            // OpenDocument stores its media type uncompressed in the first entry, "mimetype".
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odt.ContentType ? Odt : null;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static Inspection Refused(string message) => new(null, message);
}
