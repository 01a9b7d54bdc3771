package com.lendflow.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void listsTwentyOffendersThenSaysHowManyMore() {
        List<String> stuck = IntStream.range(0, 25).mapToObj(i -> "order-" + i + " stuck at step DISBURSE").toList();
        Report report = new Report(List.of(
                new Result(Invariants.SAGAS_CONCLUDE, false, stuck, "drawdowns: 10 final, 0 in progress, 25 stuck"),
                new Result(Invariants.BOOKS_BALANCE, true, List.of(), "3 journal entries")));

        String text = report.render();

        assertThat(report.allHeld()).isFalse();
        assertThat(report.violations()).isEqualTo(25);
        assertThat(text).contains("  BROKEN  orders-final-or-in-progress", "order-19 stuck", "... and 5 more (25 in all)",
                "  held    ledger-entries-and-trial-balance-balanced", "2 invariants checked, 1 broken, 25 violations");
        assertThat(text).doesNotContain("order-20 ");
    }

    @Test
    void aBrokenInvariantNamingNoOneStillCountsAsAViolation() {
        Report report = new Report(List.of(new Result(Invariants.LEDGER_MATCHES_PAYMENT, false, List.of(),
                "could not be checked: connection refused")));

        assertThat(report.violations()).isEqualTo(1);
    }

    @Test
    void anOffenderIsFoundByTheIdItsEntryStartsWith() {
        Result result = new Result(Invariants.LINES_MATCH_LOANS, false,
                List.of("c0ffee00-0000-0000-0000-000000000001 line occupied 101.00 but ..."), "");

        assertThat(result.names("c0ffee00-0000-0000-0000-000000000001")).isTrue();
        assertThat(result.names("c0ffee00-0000-0000-0000-000000000002")).isFalse();
    }
}
