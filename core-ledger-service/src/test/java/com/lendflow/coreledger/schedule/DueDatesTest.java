package com.lendflow.coreledger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    @Test
    void aLoanStartedOnTheThirtyFirstFallsBackToEachShortMonthsLastDay() {
        assertThat(DueDates.monthly(LocalDate.parse("2026-01-31"), 4)).containsExactly(
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-30"),
                LocalDate.parse("2026-05-31"));
    }

    @Test
    void aLeapYearFebruaryEndsOnTheTwentyNinth() {
        assertThat(DueDates.monthly(LocalDate.parse("2027-12-30"), 3)).containsExactly(
                LocalDate.parse("2028-01-30"), LocalDate.parse("2028-02-29"), LocalDate.parse("2028-03-30"));
    }

    @Test
    void dueDatesCrossTheYearOnTheStartDay() {
        assertThat(DueDates.monthly(LocalDate.parse("2026-11-15"), 3)).containsExactly(
                LocalDate.parse("2026-12-15"), LocalDate.parse("2027-01-15"), LocalDate.parse("2027-02-15"));
    }

    @Test
    void aNamedFirstDueDateAnchorsTheRest() {
        assertThat(DueDates.startingOn(LocalDate.parse("2026-03-01"), 3)).containsExactly(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-05-01"));
    }
}
