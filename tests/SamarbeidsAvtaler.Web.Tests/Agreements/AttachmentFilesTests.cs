using System.Text;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The content check and the formatting behind the attachment pages, without a server.</summary>
public sealed class AttachmentFilesTests
{
    [Theory]
    [InlineData(512, "512 byte")]
    [InlineData(34_000, "33 kB")]
    [InlineData(1_572_864, "1,5 MB")]
    [InlineData(Attachment.MaxSizeBytes, "20,0 MB")]
    public void Sizes_are_written_the_Norwegian_way(long bytes, string expected) =>
        AgreementFormat.Size(bytes).Should().Be(expected);

    [Theory]
    [InlineData("C:\\Users\\kari\\Rutine.pdf", "Rutine.pdf")]
    [InlineData("../../etc/rutine.pdf", "rutine.pdf")]
    [InlineData("rut\u0000ine.pdf", "rutine.pdf")]
    [InlineData("", "vedlegg")]
    public void File_names_lose_paths_and_control_characters(string name, string expected) =>
        AttachmentFiles.CleanFileName(name).Should().Be(expected);

    [Fact]
    public void An_over_long_name_keeps_its_extension()
    {
        var name = AttachmentFiles.CleanFileName(new string('a', 300) + ".pdf");

        name.Should().HaveLength(Attachment.FileNameMaxLength).And.EndWith(".pdf");
    }

    [Fact]
    public void Pdf_is_recognised_by_its_signature_whatever_the_case_of_the_extension()
    {
        AttachmentFiles.Inspect("Rutine.PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF")).Type.Should().Be(AttachmentFiles.PdfType);
    }

    [Fact]
    public void Legacy_office_file_with_another_extension_and_an_empty_file_are_refused()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

        AttachmentFiles.Inspect("presentasjon.ppt", ole).Error.Should().Contain("ikke en dokumenttype vi tar imot");
        AttachmentFiles.Inspect("tom.pdf", []).Error.Should().Be("Filen er tom.");
        AttachmentFiles.Inspect("ødelagt.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).Error.Should().Contain("ikke en dokumenttype");
    }
}
