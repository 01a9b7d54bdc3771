package com.lendflow.esign.settlement;

import com.lendflow.platform.web.Amounts;
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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Renders the settlement certificate from {@code templates/settlement-certificate-<version>.properties}
 * in STSong-Light, like the contract and the authorisation: the borrower by name (as on the
 * contract they signed) and customer number, the loan, what was paid, and that nothing is owed.
 */
@Component
class SettlementCertificateRenderer {

    static final String CURRENT = "v1";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Properties template = load(CURRENT);
    private final BaseFont song;

    SettlementCertificateRenderer() {
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the CJK font STSong-Light is not available", e);
        }
    }

    String templateVersion() {
        return template.getProperty("version");
    }

    byte[] render(SettledLoan loan, String borrowerName, LocalDate issuedOn) {
        Map<String, String> values = Map.of(
                "{name}", borrowerName,
                "{customerId}", loan.customerId().toString(),
                "{loanId}", loan.loanId().toString(),
                "{principal}", Amounts.text(loan.principal()),
                "{interest}", Amounts.text(loan.interestPaid()),
                "{penalty}", Amounts.text(loan.penaltyPaid()),
                "{fees}", Amounts.text(loan.feesPaid()),
                "{total}", Amounts.text(loan.totalPaid()),
                "{settledOn}", CHINESE_DATE.format(loan.settledOn()),
                "{date}", CHINESE_DATE.format(issuedOn));
        List<String> paragraphs = template.getProperty("body").lines().map(line -> fillIn(line.strip(), values))
                .filter(line -> !line.isEmpty()).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(template.getProperty("title"));
            pdf.addCreator("Lendflow esign-service, template " + templateVersion());
            pdf.open();
            Paragraph title = new Paragraph(template.getProperty("title"), new Font(song, 20, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(24);
            pdf.add(title);
            Font body = new Font(song, 12);
            for (String paragraph : paragraphs) {
                Paragraph p = new Paragraph(paragraph, body);
                p.setLeading(22);
                p.setSpacingAfter(8);
                pdf.add(p);
            }
            Paragraph signature = new Paragraph(fillIn(template.getProperty("signatureLine"), values), body);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setSpacingBefore(36);
            pdf.add(signature);
            Paragraph version = new Paragraph("Template " + templateVersion() + ", loan " + loan.loanId(), new Font(song, 8));
            version.setSpacingBefore(48);
            pdf.add(version);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the settlement certificate", e);
        } finally {
            pdf.close();
        }
        return out.toByteArray();
    }

    private static String fillIn(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static Properties load(String version) {
        String path = "templates/settlement-certificate-" + version + ".properties";
        try (InputStream in = SettlementCertificateRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no settlement certificate template " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String key : List.of("version", "title", "body", "signatureLine")) {
                if (properties.getProperty(key, "").isBlank()) {
                    throw new IllegalStateException("settlement certificate template " + path + " lacks " + key);
                }
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
