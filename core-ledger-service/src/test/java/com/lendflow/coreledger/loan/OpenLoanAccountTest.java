package com.lendflow.coreledger.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.assertj.core.groups.Tuple;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opening a loan account: its schedule stored, its disbursement booked, once per disbursement. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class OpenLoanAccountTest {

    @Autowired OpenLoanAccount open;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
    }

    @Test
    void opensTheHundredYuanLoanWithItsScheduleAndBooksTheDisbursement() {
        OpenLoan opening = Loans.hundredYuan();

        OpenLoanAccount.Opened opened = open.handle(opening);

        assertThat(opened.newlyOpened()).isTrue();
        UUID loanId = opened.loan().id();
        assertThat(jdbc.sql("select status || ' ' || outstanding_principal from loan_account where id = ?")
                .param(loanId).query(String.class).single()).isEqualTo("ACTIVE 100.00");
        assertThat(jdbc.sql("""
                        select due_date || ' ' || principal || '+' || interest || '=' || total || ' ' || state
                          from installment where loan_id = ? and schedule_version = 1 order by period
                        """).param(loanId).query(String.class).list())
                .containsExactly("2026-02-15 33.08+0.76=33.84 NOT_DUE", "2026-03-15 33.33+0.51=33.84 NOT_DUE",
                        "2026-04-15 33.59+0.26=33.85 NOT_DUE");
        assertThat(jdbc.sql("""
                        select e.event_type || ' ' || e.business_date || ' ' || l.account_code || ' ' || l.side || ' '
                               || l.amount || ' ' || l.funding_partner
                          from journal_entry e join journal_line l on l.entry_id = e.id
                         where e.loan_id = ? order by l.line_no
                        """).param(loanId).query(String.class).list())
                .containsExactly("LoanDisbursed 2026-01-15 1101 DEBIT 100.00 bank-of-ningbo",
                        "LoanDisbursed 2026-01-15 2101 CREDIT 100.00 bank-of-ningbo");
        assertThat(jdbc.sql("select event_id from journal_entry where loan_id = ?").param(loanId).query(String.class).single())
                .isEqualTo("disbursement:" + opening.disbursementId());
    }

    @Test
    void openingTheSameDisbursementAgainReturnsTheSameLoanAndBooksNothingMore() {
        OpenLoan opening = Loans.hundredYuan();
        UUID loanId = open.handle(opening).loan().id();
        String booksBefore = books();

        OpenLoanAccount.Opened again = open.handle(opening);

        assertThat(again.newlyOpened()).isFalse();
        assertThat(again.loan().id()).isEqualTo(loanId);
        assertThat(books()).isEqualTo(booksBefore);
        assertThat(jdbc.sql("select count(*) from installment where loan_id = ?").param(loanId).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void theSameDisbursementOnOtherTermsIsRefused() {
        OpenLoan opening = Loans.hundredYuan();
        open.handle(opening);

        assertThatThrownBy(() -> open.handle(Loans.withTerm(opening, 6)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value()).isEqualTo(409));
    }

    static Stream<Arguments> loansTheProductDoesNotOffer() {
        return Stream.of(
                Arguments.of("a seven-month term", Loans.withTerm(Loans.hundredYuan(), 7), "termMonths", "term-not-offered"),
                Arguments.of("25% a year", Loans.withRate(Loans.hundredYuan(), "0.25"), "annualRate", "rate-out-of-range"),
                Arguments.of("99 yuan", Loans.withPrincipal(Loans.hundredYuan(), "99.00"), "principal", "amount-out-of-range"),
                Arguments.of("100.50 yuan", Loans.withPrincipal(Loans.hundredYuan(), "100.50"), "principal", "amount-step"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loansTheProductDoesNotOffer")
    void aLoanTheProductDoesNotOfferIsRefusedAndNothingIsStoredOrBooked(String what, OpenLoan opening, String field,
                                                                        String rule) {
        String booksBefore = books();

        assertThatThrownBy(() -> open.handle(opening)).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                        .containsExactly(Tuple.tuple(field, rule)));

        assertThat(jdbc.sql("select count(*) from loan_account where disbursement_id = ?")
                .param(opening.disbursementId()).query(Long.class).single()).isZero();
        assertThat(books()).isEqualTo(booksBefore);
    }

    /** What the books hold, as counts: tests in this JVM share the database, so totals only compare within a test. */
    private String books() {
        return jdbc.sql("select (select count(*) from journal_entry) || '/' || (select count(*) from journal_line)")
                .query(String.class).single();
    }
}
