package com.lendflow.esign.contract;

import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.privacy.Mask;
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
import java.util.stream.Collectors;

/**
 * A versioned wording of the loan contract (借款合同), read from
 * {@code templates/loan-contract-<version>.properties}: its paragraphs, and the Chinese name of
 * each repayment method it can print (a method it has no name for cannot be contracted).
 */
record LoanContractTemplate(String version, String title, boolean maskIdNumber, String parties, String preamble,
                            String clauses, String closing, String signatureLine, Map<String, String> methods) {

    static final String CURRENT = "v1";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String METHOD = "method.";

    static LoanContractTemplate load(String file) {
        String path = "templates/loan-contract-" + file + ".properties";
        try (InputStream in = LoanContractTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no loan contract template " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> methods = properties.stringPropertyNames().stream().filter(key -> key.startsWith(METHOD))
                    .collect(Collectors.toUnmodifiableMap(key -> key.substring(METHOD.length()), properties::getProperty));
            if (methods.isEmpty()) {
                throw new IllegalStateException("loan contract template " + path + " names no repayment method");
            }
            return new LoanContractTemplate(required(properties, "version", path), required(properties, "title", path),
                    Boolean.parseBoolean(required(properties, "maskIdNumber", path)), required(properties, "parties", path),
                    required(properties, "preamble", path), required(properties, "terms", path),
                    required(properties, "closing", path), required(properties, "signatureLine", path), methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's text for one drawdown, placeholders filled; each entry of {@code paragraphs} is one paragraph. */
    Filled fill(LoanContractTerms terms) {
        Map<String, String> values = Map.ofEntries(
                Map.entry("{name}", terms.fullName()),
                Map.entry("{idNumber}", maskIdNumber ? Mask.idNumber(terms.idNumber()) : terms.idNumber()),
                Map.entry("{lender}", terms.fundingPartnerName()),
                Map.entry("{amount}", Amounts.text(terms.amount())),
                Map.entry("{termMonths}", Integer.toString(terms.termMonths())),
                Map.entry("{method}", methods.get(terms.method())),
                Map.entry("{annualRate}", percent(terms)),
                Map.entry("{totalInterest}", Amounts.text(terms.totalInterest())),
                Map.entry("{firstInstallment}", Amounts.text(terms.firstInstallment())),
                Map.entry("{firstDueDate}", date(terms.firstDueDate())),
                Map.entry("{lastDueDate}", date(terms.lastDueDate())),
                Map.entry("{date}", date(terms.signedOn())));
        List<String> parts = List.of(parties, preamble, clauses, closing);
        return new Filled(title, parts.stream().flatMap(part -> part.lines()).map(line -> fillIn(line.strip(), values))
                .filter(line -> !line.isEmpty()).toList(), fillIn(signatureLine, values));
    }

    /** 0.09125 → 9.125%: the rate as a borrower reads it, every digit kept. */
    private static String percent(LoanContractTerms terms) {
        return terms.annualRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String date(LocalDate date) {
        return CHINESE_DATE.format(date);
    }

    private static String fillIn(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static String required(Properties properties, String key, String path) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("loan contract template " + path + " lacks " + key);
        }
        return value.strip();
    }

    record Filled(String title, List<String> paragraphs, String signatureLine) {
    }
}
