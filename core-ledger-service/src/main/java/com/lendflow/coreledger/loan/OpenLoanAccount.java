package com.lendflow.coreledger.loan;

import static com.lendflow.coreledger.books.ChartOfAccounts.FUNDING_PARTNER_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.coreledger.books.Posting;
import com.lendflow.coreledger.product.LoanProduct;
import com.lendflow.coreledger.product.LoanProducts;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the loan account of a paid-out disbursement: checks the loan against its product, computes
 * the schedule, stores the account with schedule version 1, and books the disbursement, all in one
 * transaction, so there is never a loan without its posting or a posting without its loan.
 *
 * <p>Idempotent on the disbursement id: opening the same disbursement again returns the loan it
 * opened and books nothing more; the same disbursement id with other terms is a conflict.
 */
@Component
public class OpenLoanAccount {

    static final String DISBURSED = "LoanDisbursed";
    static final String FIRST_SCHEDULE = "opened";

    private final LoanProducts products;
    private final LoanAccounts loans;
    private final Books books;
    private final ScheduleVersions schedules;
    private final BusinessDay businessDay;
    private final Clock clock;
    private final ScheduleEngine engine = new ScheduleEngine();

    OpenLoanAccount(LoanProducts products, LoanAccounts loans, Books books, ScheduleVersions schedules,
                    BusinessDay businessDay, Clock clock) {
        this.products = products;
        this.loans = loans;
        this.books = books;
        this.schedules = schedules;
        this.businessDay = businessDay;
        this.clock = clock;
    }

    /** The loan, and whether this call opened it (false: the disbursement had already opened it). */
    public record Opened(LoanAccount loan, boolean newlyOpened) {
    }

    @Transactional
    public Opened handle(OpenLoan command) {
        var already = loans.findByDisbursementId(command.disbursementId());
        if (already.isPresent()) {
            return reopened(already.get(), command);
        }
        LoanProduct product = products.find(command.productCode())
                .orElseThrow(() -> new InvalidRequest(List.of(new FieldViolation("productCode", "unknown-product",
                        "no loan product " + command.productCode()))));
        List<FieldViolation> violations = new ArrayList<>(product.violationsOf(command.principal(),
                command.annualRate(), command.termMonths(), command.method()));
        LocalDate today = businessDay.hold();
        if (command.startDate().isAfter(today)) {
            // End of day would have to accrue a loan that has not started; a disbursement is never dated ahead.
            violations.add(new FieldViolation("startDate", "after-business-date",
                    "must not be after the business date " + today));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        Schedule schedule = engine.withInterestFreeDays(engine.schedule(new ScheduleRequest(command.principal(),
                        command.annualRate(), command.termMonths(), command.method(), command.startDate())),
                command.principal(), command.annualRate(), command.interestFreeDays());
        Instant now = clock.instant();
        LoanAccount loan = LoanAccount.open(UUID.randomUUID(), command, now);
        if (!loans.add(loan)) {
            // A concurrent opening of the same disbursement committed first; ours wrote nothing.
            return reopened(loans.findByDisbursementId(command.disbursementId()).orElseThrow(), command);
        }
        schedules.addFirst(loan.id(), FIRST_SCHEDULE, now, loan.startDate(), schedule);
        bookDisbursement(loan);
        return new Opened(loan, true);
    }

    private static Opened reopened(LoanAccount loan, OpenLoan command) {
        if (!loan.isOpenedBy(command)) {
            throw ApiProblem.conflict("disbursement-already-opened", "disbursement " + command.disbursementId()
                    + " already opened loan " + loan.id() + " on other terms");
        }
        return new Opened(loan, false);
    }

    /** The borrower owes us the principal; we owe it to the funding partner who paid it out. */
    private void bookDisbursement(LoanAccount loan) {
        String eventId = "disbursement:" + loan.disbursementId();
        JournalEntry entry = books.post(new PostEntry(loan.startDate(), DISBURSED, eventId, loan.id(),
                "loan disbursed to customer " + loan.customerId(), List.of(
                        Posting.debit(LOAN_RECEIVABLE_PRINCIPAL, loan.principal()).forFundingPartner(loan.fundingPartner()),
                        Posting.credit(FUNDING_PARTNER_CLEARING, loan.principal()).forFundingPartner(loan.fundingPartner()))));
        if (!loan.id().equals(entry.loanId())) {
            // The books already hold this disbursement for another loan: opening a second loan for it would lend twice.
            throw new IllegalStateException("disbursement " + loan.disbursementId() + " is already booked for loan "
                    + entry.loanId());
        }
    }
}
