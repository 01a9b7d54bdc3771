package com.lendflow.antifraud.identity;

import com.lendflow.platform.web.privacy.Mask;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of identifier antifraud-service matches on. Each knows how to normalise a value (so
 * {@code aa-bb-cc-dd-ee-ff} and {@code AA:BB:CC:DD:EE:FF} are one access point) and how to show
 * it masked. Values are stored only as blind indexes of the normalised form.
 */
public enum IdentifierKind {
    ID_NUMBER,
    MOBILE,
    DEVICE,
    WIFI_MAC,
    BANK_CARD;

    private static final Pattern MOBILE_PATTERN = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern MAC_PATTERN = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){5}");
    private static final Pattern CARD_PATTERN = Pattern.compile("[0-9]{12,19}");
    /** What phones report when they hide the access point: shared by everyone, so it identifies no one. */
    private static final Set<String> PLACEHOLDER_MACS = Set.of("02:00:00:00:00:00", "00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF");

    /** The normalised value, or empty if it is not a usable value of this kind. */
    public Optional<String> normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.strip();
        return switch (this) {
            case ID_NUMBER -> value.length() == 18 ? Optional.of(value.toUpperCase(Locale.ROOT)) : Optional.empty();
            case MOBILE -> {
                String digits = value.replaceAll("[\\s-]", "");
                digits = digits.startsWith("+86") ? digits.substring(3) : digits;
                yield MOBILE_PATTERN.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
            }
            case DEVICE -> value.length() <= 128 ? Optional.of(value) : Optional.empty();
            case WIFI_MAC -> {
                String mac = value.toUpperCase(Locale.ROOT).replace('-', ':');
                yield MAC_PATTERN.matcher(mac).matches() && !PLACEHOLDER_MACS.contains(mac) ? Optional.of(mac) : Optional.empty();
            }
            case BANK_CARD -> {
                String digits = value.replaceAll("[\\s-]", "");
                yield CARD_PATTERN.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
            }
        };
    }

    /** What people may see of a normalised value: enough to recognise it, never enough to use it. */
    public String mask(String normalised) {
        return switch (this) {
            case ID_NUMBER -> Mask.idNumber(normalised);
            case MOBILE -> Mask.mobile(normalised);
            case DEVICE -> normalised.length() <= 8 ? "****" : normalised.substring(0, 4) + "****"
                    + normalised.substring(normalised.length() - 4);
            // The first half of a MAC names the maker, not the access point.
            case WIFI_MAC -> normalised.substring(0, 8) + ":**:**:**";
            case BANK_CARD -> Mask.cardNumber(normalised);
        };
    }

    /** What a valid value looks like, for a 400 that tells staff how to fix their input. */
    public String expectedFormat() {
        return switch (this) {
            case ID_NUMBER -> "an 18-character resident ID number";
            case MOBILE -> "an 11-digit mainland mobile starting 13-19";
            case DEVICE -> "a device id of at most 128 characters";
            case WIFI_MAC -> "a MAC address such as AA:BB:CC:DD:EE:FF (not a placeholder such as 02:00:00:00:00:00)";
            case BANK_CARD -> "a card number of 12 to 19 digits";
        };
    }
}
