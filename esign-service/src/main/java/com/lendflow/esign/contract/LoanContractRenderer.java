package com.lendflow.esign.contract;

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
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Renders the loan contract as a PDF with OpenPDF, in STSong-Light like the authorisation: the
 * font's metrics ship with OpenPDF, nothing is embedded, and the text extracts as Unicode.
 */
@Component
class LoanContractRenderer {

    private final LoanContractTemplate template = LoanContractTemplate.load(LoanContractTemplate.CURRENT);
    private final BaseFont song;

    LoanContractRenderer() {
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the CJK font STSong-Light is not available", e);
        }
    }

    String templateVersion() {
        return template.version();
    }

    /** The repayment methods this template can print (their codes, as the saga sends them). */
    Set<String> methods() {
        return template.methods().keySet();
    }

    byte[] render(LoanContractTerms terms) {
        LoanContractTemplate.Filled text = template.fill(terms);
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
            for (String paragraph : text.paragraphs()) {
                Paragraph p = new Paragraph(paragraph, body);
                p.setLeading(22);
                p.setSpacingAfter(8);
                pdf.add(p);
            }
            Paragraph signature = new Paragraph(text.signatureLine(), body);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setSpacingBefore(36);
            pdf.add(signature);
            Paragraph version = new Paragraph("Template " + template.version() + ", drawdown " + terms.drawdownId(),
                    new Font(song, 8));
            version.setSpacingBefore(48);
            pdf.add(version);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the loan contract", e);
        } finally {
            pdf.close();
        }
        return out.toByteArray();
    }
}
