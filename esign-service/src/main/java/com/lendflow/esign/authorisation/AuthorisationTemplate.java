package com.lendflow.esign.authorisation;

import com.lendflow.platform.web.privacy.Mask;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * A versioned wording of the credit-bureau authorisation (征信授权书), read from
 * {@code templates/credit-authorisation-<version>.properties}. The template decides whether the
 * ID number is printed masked.
 */
record AuthorisationTemplate(String version, String title, boolean maskIdNumber, String body, String consent,
                             String signatureLine) {

    static final String CURRENT = "v1";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    static AuthorisationTemplate load(String file) {
        String path = "templates/credit-authorisation-" + file + ".properties";
        try (InputStream in = AuthorisationTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no authorisation template " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new AuthorisationTemplate(required(properties, "version", path), required(properties, "title", path),
                    Boolean.parseBoolean(required(properties, "maskIdNumber", path)), required(properties, "body", path),
                    required(properties, "consent", path), required(properties, "signatureLine", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template's text for one signer, placeholders filled. */
    Filled fill(String name, String idNumber, LocalDate date) {
        String shownId = maskIdNumber ? Mask.idNumber(idNumber) : idNumber;
        String shownDate = CHINESE_DATE.format(date);
        return new Filled(title, fillIn(body, name, shownId, shownDate), fillIn(consent, name, shownId, shownDate),
                fillIn(signatureLine, name, shownId, shownDate));
    }

    private String fillIn(String text, String name, String idNumber, String date) {
        return text.replace("{name}", name).replace("{idNumber}", idNumber).replace("{date}", date)
                .replace("{consent}", consent);
    }

    private static String required(Properties properties, String key, String path) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("authorisation template " + path + " lacks " + key);
        }
        return value.strip();
    }

    record Filled(String title, String body, String consent, String signatureLine) {
    }
}
