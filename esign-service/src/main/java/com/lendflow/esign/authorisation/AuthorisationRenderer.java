package com.lendflow.esign.authorisation;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Renders the authorisation as a PDF with OpenPDF. Chinese is set in STSong-Light, one of the
 * standard Adobe CJK fonts: OpenPDF ships its metrics and the UniGB-UCS2-H encoding, so no font
 * file is needed or embedded and the PDF stays small; readers display it with their own Song
 * typeface (Adobe's Asian font pack, or a system substitute), and the text extracts as Unicode.
 */
@Component
class AuthorisationRenderer {

    private final AuthorisationTemplate template = AuthorisationTemplate.load(AuthorisationTemplate.CURRENT);
    private final BaseFont song;

    AuthorisationRenderer() {
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the CJK font STSong-Light is not available", e);
        }
    }

    String templateVersion() {
        return template.version();
    }

    byte[] render(String name, String idNumber, LocalDate signedOn) {
        AuthorisationTemplate.Filled text = template.fill(name, idNumber, signedOn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(text.title());
            pdf.addCreator("Lendflow esign-service, template " + template.version());
            pdf.open();
            Paragraph title = new Paragraph(text.title(), new Font(song, 20, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(24);
            pdf.add(title);
            Font body = new Font(song, 12);
            for (String paragraph : new String[] {text.body(), text.consent()}) {
                Paragraph p = new Paragraph(paragraph, body);
                p.setLeading(22);
                p.setFirstLineIndent(24);
                p.setSpacingAfter(12);
                pdf.add(p);
            }
            Paragraph signature = new Paragraph(text.signatureLine(), body);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setSpacingBefore(36);
            pdf.add(signature);
            Paragraph version = new Paragraph("Template " + template.version(), new Font(song, 8));
            version.setSpacingBefore(48);
            pdf.add(version);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the authorisation", e);
        } finally {
            pdf.close();
        }
        return out.toByteArray();
    }
}
