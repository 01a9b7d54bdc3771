package com.lendflow.payment.card;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether the name on a card request is the customer's real name: the same after Unicode
 * normalisation (full-width letters), with whitespace removed and the middle dot of
 * transliterated names (买买提·艾力) written any of its usual ways.
 */
final class HolderNames {

    private HolderNames() {
    }

    static boolean same(String realName, String holderName) {
        return normalise(realName).equals(normalise(holderName));
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .replaceAll("[•・．.‧]", "·")
                .toUpperCase(Locale.ROOT);
    }
}
