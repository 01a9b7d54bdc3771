package com.lendflow.coreledger.servicing;

import static com.lendflow.coreledger.books.ChartOfAccounts.CUSTOMER_REPAYMENT_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.PAYMENT_CHANNEL_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.RECOVERY_INCOME;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.loan.LoanStatus;
import com.lendflow.coreledger.product.LoanProducts;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a repayment to a loan on the business date: allocates it (penalty → overdue interest →
 * overdue principal → current interest → current principal), updates the installments, books one
 * balanced entry, refreshes days past due and settles a loan that is paid off — all in one
 * transaction, once per repayment id.
 *
 * <p>More than the borrower can pay now is an overpayment; the product says whether it is refused
 * or held as a credit on the loan (applied by end of day when the next installment falls due).
 * Over HTTP a refusal is a 422 problem that changes nothing; money that arrives by message has
 * already been collected, so its refusal is recorded (status REFUSED, with the reason) for finance
 * to refund, and nothing is booked.
 *
 * <p>Money for a written-off loan is a recovery: the debt stays collectable, so it is booked as
 * recovery income (the receivables were written off) and counted against what was written off,
 * penalty first, then interest, then principal. More than is still owed is refused like an overpayment.
 *
 * <p>Every application publishes RepaymentApplied (kind REPAYMENT, CREDIT or RECOVERY) with the
 * principal it repaid, in the same transaction, so limit-service restores the line once per repayment.
 */
@Component
public class ApplyRepayment {

    static final String REPAID = "LoanRepaid";
    static final String CREDIT_APPLIED = "LoanCreditApplied";
    static final String RECOVERED = "LoanRecovered";
    private static final Logger log = LoggerFactory.getLogger(ApplyRepayment.class);

    private final ServicedLoans loans;
    private final LoanProducts products;
    private final Books books;
    private final BusinessDay businessDay;
    private final LoanEvents events;
    private final Clock clock;

    ApplyRepayment(ServicedLoans loans, LoanProducts products, Books books, BusinessDay businessDay, LoanEvents events,
                   Clock clock) {
        this.loans = loans;
        this.products = products;
        this.books = books;
        this.businessDay = businessDay;
        this.events = events;
        this.clock = clock;
    }

    /** How a refusal is reported: as a problem to an HTTP caller, or as a REFUSED record for money already collected. */
    public enum OnRefusal {
        PROBLEM, RECORD
    }

    @Transactional
    public Repayment handle(ReceiveRepayment command, OnRefusal onRefusal) {
        var already = loans.repayment(command.repaymentId());
        if (already.isPresent()) {
            return already.get().receivedAgain(command.loanId(), command.amount());
        }
        ServicedLoan loan = loans.lock(command.loanId()).orElseThrow(() -> ApiProblem.notFound("Loan", command.loanId()));
        already = loans.repayment(command.repaymentId());
        if (already.isPresent()) {
            // The same repayment raced us to the loan's lock and won.
            return already.get().receivedAgain(command.loanId(), command.amount());
        }
        LocalDate today = businessDay.hold();
        Instant receivedAt = command.receivedAt() == null ? clock.instant() : command.receivedAt();
        if (LoanStatus.valueOf(loan.status()).takesMoney() && loan.writtenOff()) {
            return recover(command, loan, today, receivedAt, onRefusal);
        }
        if (!loan.active()) {
            return refuse(command, loan, today, receivedAt, onRefusal, HttpStatus.CONFLICT, "loan-not-active",
                    "loan " + loan.id() + " is " + loan.status() + " and takes no repayment");
        }
        List<InstallmentPosition> installments = loans.installments(loan.id(), loan.scheduleVersion());
        RepaymentAllocator.Plan plan = RepaymentAllocator.allocate(installments, command.amount());
        BigDecimal creditHeld = BigDecimal.ZERO;
        if (plan.leftOver().signum() > 0) {
            if (products.require(loan.productCode()).holdsOverpaymentAsCredit()) {
                creditHeld = plan.leftOver();
            } else {
                return refuse(command, loan, today, receivedAt, onRefusal, HttpStatus.UNPROCESSABLE_CONTENT,
                        "overpayment", "amount " + Amounts.text(command.amount()) + " is more than the "
                                + Amounts.text(RepaymentAllocator.payable(installments))
                                + " payable now; a full payoff goes through a prepayment");
            }
        }
        JournalEntry entry = books.post(new PostEntry(today, REPAID, "repayment:" + command.repaymentId(), loan.id(),
                "repayment " + command.repaymentId() + " via " + command.channel(),
                RepaymentPostings.forPartner(loan.fundingPartner())
                        .received(PAYMENT_CHANNEL_RECEIVABLE, command.amount())
                        .paid(plan, creditHeld)
                        .lines()));
        List<Allocation> allocations = withCredit(plan, creditHeld);
        apply(loan, plan, creditHeld, today);
        Repayment repayment = new Repayment(command.repaymentId(), loan.id(), Repayment.Kind.REPAYMENT,
                command.amount(), today, receivedAt, command.channel(), Repayment.Status.APPLIED, null, creditHeld,
                entry.id(), null, null, null, null);
        loans.add(repayment, allocations, loan.scheduleVersion());
        boolean settled = afterPayment(loan, today);
        events.repaymentApplied(loan, repayment, plan.total(Part.PRINCIPAL), settled);
        return repayment;
    }

    /** Money for a written-off loan: recovery income, counted against what was written off. */
    private Repayment recover(ReceiveRepayment command, ServicedLoan loan, LocalDate today, Instant receivedAt,
                              OnRefusal onRefusal) {
        ServicedLoans.Recovered recovered = loans.recovered(loan.id());
        BigDecimal stillOwed = loan.writtenOffTotal().subtract(recovered.total());
        if (command.amount().compareTo(stillOwed) > 0) {
            return refuse(command, loan, today, receivedAt, onRefusal, HttpStatus.UNPROCESSABLE_CONTENT, "overpayment",
                    "amount " + Amounts.text(command.amount()) + " is more than the " + Amounts.text(stillOwed)
                            + " still owed on written-off loan " + loan.id());
        }
        List<Allocation> allocations = new java.util.ArrayList<>();
        BigDecimal left = command.amount();
        left = recoverPart(allocations, left, Part.PENALTY, loan.penaltyWrittenOff().subtract(recovered.penalty()));
        left = recoverPart(allocations, left, Part.INTEREST, loan.interestWrittenOff().subtract(recovered.interest()));
        recoverPart(allocations, left, Part.PRINCIPAL, loan.principalWrittenOff().subtract(recovered.principal()));
        JournalEntry entry = books.post(new PostEntry(today, RECOVERED, "repayment:" + command.repaymentId(), loan.id(),
                "recovery " + command.repaymentId() + " after write-off via " + command.channel(),
                RepaymentPostings.forPartner(loan.fundingPartner())
                        .received(PAYMENT_CHANNEL_RECEIVABLE, command.amount())
                        .credit(RECOVERY_INCOME, command.amount())
                        .lines()));
        Repayment repayment = new Repayment(command.repaymentId(), loan.id(), Repayment.Kind.RECOVERY,
                command.amount(), today, receivedAt, command.channel(), Repayment.Status.APPLIED, null,
                BigDecimal.ZERO, entry.id(), null, null, null, null);
        loans.add(repayment, allocations, loan.scheduleVersion());
        BigDecimal principal = allocations.stream().filter(a -> a.component() == Part.PRINCIPAL)
                .map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        events.repaymentApplied(loan, repayment, principal, command.amount().compareTo(stillOwed) == 0);
        log.info("recovered {} on written-off loan {}; {} still owed", Amounts.text(command.amount()), loan.id(),
                Amounts.text(stillOwed.subtract(command.amount())));
        return repayment;
    }

    private static BigDecimal recoverPart(List<Allocation> allocations, BigDecimal left, Part part, BigDecimal owed) {
        BigDecimal paid = left.min(owed);
        if (paid.signum() > 0) {
            allocations.add(Allocation.of(null, part, true, paid));
        }
        return left.subtract(paid.max(BigDecimal.ZERO));
    }

    /**
     * Applies credit held on the loan to what is payable as of {@code asOf}. End of day calls this
     * while closing {@code bookedOn}, for the installments it has just made due as of the next day:
     * the entry is booked on the day being closed, the installments' states and the loan's
     * delinquency are those of {@code asOf}. Returns the amount applied.
     */
    @Transactional
    public BigDecimal applyCredit(UUID loanId, LocalDate bookedOn, LocalDate asOf) {
        ServicedLoan loan = loans.lock(loanId).orElseThrow();
        if (!loan.active() || loan.creditBalance().signum() <= 0) {
            return BigDecimal.ZERO;
        }
        List<InstallmentPosition> installments = loans.installments(loan.id(), loan.scheduleVersion());
        BigDecimal usable = loan.creditBalance().min(RepaymentAllocator.payable(installments));
        if (usable.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        RepaymentAllocator.Plan plan = RepaymentAllocator.allocate(installments, usable);
        String id = "credit:" + loan.id() + ":" + bookedOn;
        JournalEntry entry = books.post(new PostEntry(bookedOn, CREDIT_APPLIED, id, loan.id(),
                "credit held for the borrower applied to what fell due",
                RepaymentPostings.forPartner(loan.fundingPartner())
                        .received(CUSTOMER_REPAYMENT_CLEARING, usable)
                        .paid(plan, BigDecimal.ZERO)
                        .lines()));
        apply(loan, plan, usable.negate(), asOf);
        Repayment credit = new Repayment(id, loan.id(), Repayment.Kind.CREDIT, usable, bookedOn, clock.instant(), null,
                Repayment.Status.APPLIED, null, BigDecimal.ZERO, entry.id(), null, null, null, null);
        loans.add(credit, plan.allocations(), loan.scheduleVersion());
        boolean settled = afterPayment(loan, asOf);
        events.repaymentApplied(loan, credit, plan.total(Part.PRINCIPAL), settled);
        return usable;
    }

    private void apply(ServicedLoan loan, RepaymentAllocator.Plan plan, BigDecimal creditChange, LocalDate today) {
        Payments.byInstallment(plan.allocations()).forEach((period, paid) -> loans.pay(loan.id(),
                loan.scheduleVersion(), period, paid.principal(), paid.interest(), paid.recognised(), paid.penalty(),
                today));
        loans.repaid(loan.id(), plan.total(Part.PRINCIPAL), creditChange);
    }

    /** Settles a loan paid off, or refreshes its delinquency; true if it settled. */
    private boolean afterPayment(ServicedLoan loan, LocalDate today) {
        if (events.settleIfPaidOff(loan, today)) {
            return true;
        }
        events.delinquencyAfterPayment(loan, today);
        return false;
    }

    private static List<Allocation> withCredit(RepaymentAllocator.Plan plan, BigDecimal creditHeld) {
        if (creditHeld.signum() == 0) {
            return plan.allocations();
        }
        var all = new java.util.ArrayList<>(plan.allocations());
        all.add(Allocation.of(null, Part.CREDIT, false, creditHeld));
        return List.copyOf(all);
    }

    private Repayment refuse(ReceiveRepayment command, ServicedLoan loan, LocalDate today, Instant receivedAt,
                             OnRefusal onRefusal, HttpStatus status, String slug, String reason) {
        if (onRefusal == OnRefusal.PROBLEM) {
            throw new ApiProblem(status, slug, "Repayment refused", reason);
        }
        log.warn("repayment {} for loan {} refused, to be refunded: {}", command.repaymentId(), loan.id(), reason);
        Repayment refused = new Repayment(command.repaymentId(), loan.id(), Repayment.Kind.REPAYMENT, command.amount(),
                today, receivedAt, command.channel(), Repayment.Status.REFUSED, reason, BigDecimal.ZERO, null, null,
                null, null, null);
        loans.add(refused, List.of(), loan.scheduleVersion());
        return refused;
    }
}
