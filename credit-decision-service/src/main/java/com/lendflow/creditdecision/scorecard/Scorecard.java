package com.lendflow.creditdecision.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the scorecard. {@link #score} is pure: the same applicant and version always give
 * the same result, which is what lets a decision be explained later from its stored inputs.
 *
 * <p>The score is {@code basePoints} plus, for every characteristic that has bins, the points of
 * the bin its value falls in (none: 0 points, said in the reasons). Every knock-out is checked;
 * any that fires rejects with its reason code (the first one's, in table order). Otherwise the
 * best band whose minimum the score reaches gives the grade, and below every band is a rejection
 * with {@link Scored#LOW_SCORE}.
 */
public record Scorecard(int version, int basePoints, List<Knockout> knockouts, List<Bin> bins, List<Band> bands) {

    public Scorecard {
        knockouts = List.copyOf(knockouts);
        bins = List.copyOf(bins);
        bands = bands.stream().sorted(Comparator.comparingInt(Band::minScore).reversed()).toList();
    }

    public Scored score(Applicant applicant) {
        List<String> reasons = new ArrayList<>();
        Map<Characteristic, Integer> points = new EnumMap<>(Characteristic.class);
        int score = basePoints;
        if (basePoints != 0) {
            reasons.add("Base points: " + basePoints);
        }
        for (Characteristic characteristic : scoredCharacteristics()) {
            BigDecimal value = characteristic.of(applicant);
            Optional<Bin> bin = bins.stream().filter(b -> b.characteristic() == characteristic && b.contains(value)).findFirst();
            int earned = bin.map(Bin::points).orElse(0);
            points.put(characteristic, earned);
            score += earned;
            reasons.add(capitalised(characteristic.description()) + " " + plain(value) + " is "
                    + bin.map(b -> "in the bin " + b.range()).orElse("in no bin") + ": " + earned + " points");
        }
        List<Knockout> fired = knockouts.stream().filter(k -> k.firesOn(k.characteristic().of(applicant))).toList();
        if (!fired.isEmpty()) {
            fired.forEach(k -> reasons.add(k.explain(k.characteristic().of(applicant))));
            reasons.add("Rejected by knock-out whatever the score (" + score + ")");
            return new Scored(false, score, null, 0, 0, fired.getFirst().reasonCode(), points, reasons);
        }
        for (Band band : bands) {
            if (score >= band.minScore()) {
                int top = topOf(band);
                reasons.add("Score " + score + " is in grade " + band.grade() + "'s band, " + band.minScore() + " up to "
                        + top + " (scorecard version " + version + ")");
                return new Scored(true, score, band.grade(), band.minScore(), top, null, points, reasons);
            }
        }
        int lowest = bands.isEmpty() ? 0 : bands.getLast().minScore();
        reasons.add("Score " + score + " is below the lowest band (grade " + (bands.isEmpty() ? "-" : bands.getLast().grade())
                + " from " + lowest + "): rejected (" + Scored.LOW_SCORE + ")");
        return new Scored(false, score, null, 0, 0, Scored.LOW_SCORE, points, reasons);
    }

    /**
     * The knock-outs giving {@code reasonCode} that fire on the credit report's figures alone, each
     * explained; empty when none does. For a check made on a fresh report without a whole
     * application (a drawdown): knock-outs on the application or anti-fraud are not looked at, so
     * those fields of {@code applicant} are never read.
     */
    public List<String> bureauKnockouts(Applicant applicant, String reasonCode) {
        return knockouts.stream()
                .filter(k -> k.characteristic().fromBureau() && k.reasonCode().equals(reasonCode))
                .filter(k -> k.firesOn(k.characteristic().of(applicant)))
                .map(k -> k.explain(k.characteristic().of(applicant)))
                .toList();
    }

    /** The highest score this scorecard can give: base points plus each characteristic's best bin. */
    public int maxScore() {
        return basePoints + scoredCharacteristics().stream()
                .mapToInt(c -> bins.stream().filter(b -> b.characteristic() == c).mapToInt(Bin::points).max().orElse(0))
                .sum();
    }

    public Optional<Band> band(Grade grade) {
        return bands.stream().filter(b -> b.grade() == grade).findFirst();
    }

    /** Where a band ends: the minimum of the next better band, or the maximum score for the best band. */
    public int topOf(Band band) {
        return bands.stream().filter(b -> b.minScore() > band.minScore()).mapToInt(Band::minScore).min()
                .orElse(Math.max(maxScore(), band.minScore()));
    }

    private List<Characteristic> scoredCharacteristics() {
        return java.util.Arrays.stream(Characteristic.values())
                .filter(c -> bins.stream().anyMatch(b -> b.characteristic() == c)).toList();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
