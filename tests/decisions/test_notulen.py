"""The notulen draft of a Rakor: PDF (read back with pdftotext) and .docx (python-docx)."""
import io
import subprocess  # nosec B404  # pdftotext reads the PDF's text back

from docx import Document

from tests.decisions.helpers import FEB, MAR, close, decide


def _pdf_text(data):
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()  # nosec B603 B607  # fixed command


def _docx_text(data):
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_notulen_files_hold_the_meeting_figures_and_decisions(instansi, register, make_report,
                                                              client, login_as):
    earlier = decide(instansi, post=register["empty"].post, text="Tunjuk Plt Kepala Badan Keuangan")
    done = decide(instansi, text="Susun jadwal mutasi")
    close(done, MAR, "Jadwal disusun")
    report = make_report(MAR)
    decide(instansi, meeting=MAR, post=register["plt"].post, opd=register["plt"].post.opd,
           text="Perpanjang surat Plt Kepala Dinas Pendidikan")
    assert earlier.meeting_date == FEB
    login_as("viewer")

    pdf = client.get(f"/rakor/laporan/{report.id}/notulen.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert 'filename="notulen-rakor-2026-03-02.pdf"' in pdf.headers["Content-Disposition"]
    docx = client.get(f"/rakor/laporan/{report.id}/notulen.docx")
    assert docx.mimetype.endswith("wordprocessingml.document")

    for text in (" ".join(_pdf_text(pdf.data).split()), _docx_text(docx.data)):
        assert "Notulen Rapat Koordinasi (Rakor) Pemerintah Kabupaten Lebong" in text
        assert "Senin, 2 Maret 2026, pukul 09:00" in text
        assert "Jabatan kosong" in text and "Dijabat Plt" in text  # the report's figures
        assert "Tunjuk Plt Kepala Badan Keuangan" in text          # followed up
        assert "Jadwal disusun" in text                            # done, with what was done
        assert "Perpanjang surat Plt Kepala Dinas Pendidikan" in text  # decided at this Rakor
        assert "Sekretaris Daerah," in text
    assert "III. Keputusan Rakor" in _docx_text(docx.data)
    assert client.get(f"/rakor/laporan/{report.id}/notulen.odt").status_code == 404


def test_notulen_of_a_meeting_without_decisions(instansi, register, make_report, client,
                                                login_as):
    report = make_report(FEB)
    login_as("viewer")
    text = _docx_text(client.get(f"/rakor/laporan/{report.id}/notulen.docx").data)
    assert "Belum ada keputusan yang dicatat untuk Rakor ini." in text
    assert "Tidak ada keputusan Rakor sebelumnya yang perlu ditindaklanjuti." in text
