package com.lendflow.creditdecision.scorecard;

import com.lendflow.platform.web.ApiProblem;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scorecard as staff read it: knock-outs, bins with their points, and the grade bands. */
@RestController
class ScorecardOpsController {

    private final ScorecardSource scorecards;

    ScorecardOpsController(ScorecardSource scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/ops/v1/credit-decision/scorecard")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    ScorecardView scorecard(@RequestParam(required = false) Integer version) {
        Scorecard scorecard = version == null ? scorecards.current()
                : scorecards.version(version).orElseThrow(() -> ApiProblem.notFound("Scorecard version", version));
        return ScorecardView.of(scorecard);
    }

    record ScorecardView(int version, int basePoints, int maxScore, List<KnockoutView> knockouts, List<BinView> bins,
                         List<BandView> bands) {

        static ScorecardView of(Scorecard s) {
            return new ScorecardView(s.version(), s.basePoints(), s.maxScore(),
                    s.knockouts().stream().map(k -> new KnockoutView(k.code(), k.characteristic(),
                            k.characteristic().description(), plain(k.atLeast()), plain(k.below()), k.reasonCode())).toList(),
                    s.bins().stream().map(b -> new BinView(b.characteristic(), plain(b.lower()), plain(b.upper()),
                            b.points())).toList(),
                    s.bands().stream().map(b -> new BandView(b.grade(), b.minScore(), s.topOf(b))).toList());
        }

        private static String plain(java.math.BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros().toPlainString();
        }
    }

    record KnockoutView(String code, Characteristic characteristic, String description, String atLeast, String below,
                        String reasonCode) {
    }

    /** Points for a value from {@code lower} (inclusive) to {@code upper} (exclusive); null is open. */
    record BinView(Characteristic characteristic, String lower, String upper, int points) {
    }

    record BandView(Grade grade, int minScore, int upTo) {
    }
}
