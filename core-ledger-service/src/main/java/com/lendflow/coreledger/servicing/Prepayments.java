package com.lendflow.coreledger.servicing;

import static com.lendflow.coreledger.books.ChartOfAccounts.CUSTOMER_REPAYMENT_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.FEE_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;
import static com.lendflow.coreledger.books.ChartOfAccounts.PAYMENT_CHANNEL_RECEIVABLE;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.loan.ScheduleVersions;
import com.lendflow.coreledger.product.LoanProduct;
import com.lendflow.coreledger.product.LoanProducts;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.schedule.Reshape;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepayment (提前还款): the quote, and paying it. A full payoff settles the loan; a partial
 * prepayment of principal reschedules what is left — a shorter term at the same installment, or
 * the same due dates at a lower installment, as the borrower chooses — as a new schedule version.
 *
 * <p>Interest for the running period is charged on actual days up to the prepayment date, not
 * the period's scheduled interest; what end of day had accrued for it is cleared, and the
 * difference is recognised (or given back) as interest income in the same entry.
 *
 * <p>Over HTTP the amount must be the quote's total (409 otherwise: ask for a new quote). Money
 * that arrives by PrepaymentCollected has already been taken from the borrower, and the quote it
 * was collected for may be stale (the business date moved, so interest to date grew, or a
 * repayment came in between). It is still applied when it covers today's quote: the prepayment is
 * made at today's price and what is left over is held as credit for the borrower (on a settled
 * loan, for finance to refund; on an active one, spent as installments fall due). Money short of
 * today's quote, or a prepayment the loan no longer allows, is recorded REFUSED with the new price
 * in the reason — nothing is booked, and finance refunds it (or payment collects the difference
 * and sends it again under a new id).
 *
 * <p>An applied prepayment publishes RepaymentApplied (PREPAYMENT or PAYOFF) with all the
 * principal it repaid, due principal included.
 */
@Component
public class Prepayments {

    static final String PREPAID = "LoanPrepaid";
    private static final Logger log = LoggerFactory.getLogger(Prepayments.class);
    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    private final ServicedLoans loans;
    private final LoanProducts products;
    private final Books books;
    private final BusinessDay businessDay;
    private final ScheduleVersions schedules;
    private final LoanEvents events;
    private final Clock clock;
    private final ScheduleEngine engine = new ScheduleEngine();

    Prepayments(ServicedLoans loans, LoanProducts products, Books books, BusinessDay businessDay,
                ScheduleVersions schedules, LoanEvents events, Clock clock) {
        this.loans = loans;
        this.products = products;
        this.books = books;
        this.businessDay = businessDay;
        this.schedules = schedules;
        this.events = events;
        this.clock = clock;
    }

    /** Prepay {@code principal} (null: pay everything off), reshaping the rest as {@code reshape}. */
    public record Prepay(String prepaymentId, UUID loanId, BigDecimal principal, Reshape reshape, BigDecimal amount,
                         String channel) {
    }

    /** Today's full-payoff total of an active loan, or null when its product does not allow prepayment yet. */
    BigDecimal payoffTotal(ServicedLoan loan, LocalDate today) {
        try {
            return quote(loan, today, null, null).total();
        } catch (ApiProblem notAllowed) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public PrepaymentQuote quote(UUID loanId, BigDecimal principal, Reshape reshape) {
        ServicedLoan loan = loans.find(loanId).orElseThrow(() -> ApiProblem.notFound("Loan", loanId));
        return quote(loan, businessDay.today(), principal, reshape);
    }

    /** A prepayment asked for over HTTP: the amount must be today's quote. */
    @Transactional
    public Repayment prepay(Prepay command) {
        return prepay(command, false);
    }

    /** A prepayment payment-service has already collected: applied if it covers today's quote, else recorded REFUSED. */
    @Transactional
    public Repayment prepayCollected(Prepay command) {
        return prepay(command, true);
    }

    private Repayment prepay(Prepay command, boolean collected) {
        var already = loans.repayment(command.prepaymentId());
        if (already.isPresent()) {
            return already.get().receivedAgain(command.loanId(), command.amount());
        }
        ServicedLoan loan = loans.lock(command.loanId()).orElseThrow(() -> ApiProblem.notFound("Loan", command.loanId()));
        already = loans.repayment(command.prepaymentId());
        if (already.isPresent()) {
            return already.get().receivedAgain(command.loanId(), command.amount());
        }
        LocalDate today = businessDay.hold();
        PrepaymentQuote quote;
        try {
            quote = quote(loan, today, command.principal(), command.reshape());
        } catch (ApiProblem | InvalidRequest refused) {
            if (!collected) {
                throw refused;
            }
            return refuseCollected(command, loan, today, "prepayment refused on " + today + ": " + reasonOf(refused)
                    + "; refund " + Amounts.text(command.amount()));
        }
        BigDecimal surplus = command.amount().subtract(quote.total());
        if (!collected && surplus.signum() != 0) {
            throw ApiProblem.conflict("quote-changed", "the prepayment costs " + Amounts.text(quote.total())
                    + " on " + today + ", not " + Amounts.text(command.amount()) + "; ask for a new quote");
        }
        if (surplus.signum() < 0) {
            return refuseCollected(command, loan, today, "quote changed: the " + quote.kind().name().toLowerCase()
                    + " costs " + Amounts.text(quote.total()) + " on " + today + ", " + Amounts.text(command.amount())
                    + " was collected (" + Amounts.text(surplus.negate()) + " short); refund "
                    + Amounts.text(command.amount()) + " or collect the difference and send it again");
        }
        BigDecimal receivable = quote.runningInterestReceivable();
        BigDecimal charged = quote.interestToDate();
        JournalEntry entry = books.post(new PostEntry(today, PREPAID, "prepayment:" + command.prepaymentId(), loan.id(),
                quote.kind() + " " + command.prepaymentId(), RepaymentPostings.forPartner(loan.fundingPartner())
                .received(PAYMENT_CHANNEL_RECEIVABLE, command.amount())
                .paid(quote.dueNow(), BigDecimal.ZERO)
                .credit(INTEREST_RECEIVABLE, receivable)
                .credit(INTEREST_INCOME, charged.subtract(receivable).max(BigDecimal.ZERO))
                .debit(INTEREST_INCOME, receivable.subtract(charged).max(BigDecimal.ZERO))
                .credit(LOAN_RECEIVABLE_PRINCIPAL, quote.principalPrepaid())
                .credit(FEE_INCOME, quote.fee())
                .credit(CUSTOMER_REPAYMENT_CLEARING, surplus)
                .lines()));

        Payments.byInstallment(quote.dueNow().allocations()).forEach((period, paid) -> loans.pay(loan.id(),
                loan.scheduleVersion(), period, paid.principal(), paid.interest(), paid.recognised(), paid.penalty(),
                today));
        BigDecimal principalRepaid = quote.dueNow().total(Part.PRINCIPAL).add(quote.principalPrepaid());
        loans.repaid(loan.id(), principalRepaid, surplus);
        Instant now = clock.instant();
        BigDecimal prepaidBefore = loans.prepaidPrincipal(loan.id(), loan.scheduleVersion());
        int version = schedules.addAfterPrepayment(loan.id(), loan.scheduleVersion(),
                quote.kind() == Repayment.Kind.PAYOFF ? "paid off" : "prepaid " + Amounts.text(quote.principalPrepaid())
                        + ", " + quote.reshape().name().toLowerCase().replace('_', ' '),
                now, prepaidBefore.add(quote.principalPrepaid()), today, quote.newSchedule());

        List<Allocation> allocations = new ArrayList<>(quote.dueNow().allocations());
        if (charged.signum() > 0) {
            allocations.add(new Allocation(quote.runningPeriod(), Part.INTEREST, false, charged,
                    charged.subtract(receivable).max(BigDecimal.ZERO)));
        }
        allocations.add(Allocation.of(quote.runningPeriod(), Part.PRINCIPAL, false, quote.principalPrepaid()));
        if (quote.fee().signum() > 0) {
            allocations.add(Allocation.of(null, Part.FEE, false, quote.fee()));
        }
        if (surplus.signum() > 0) {
            allocations.add(Allocation.of(null, Part.CREDIT, false, surplus));
        }
        Repayment repayment = new Repayment(command.prepaymentId(), loan.id(), quote.kind(), command.amount(), today,
                now, command.channel(), Repayment.Status.APPLIED, null, surplus, entry.id(), version, null, null, null);
        loans.add(repayment, allocations, loan.scheduleVersion());
        boolean settled = events.settleIfPaidOff(loan, today);
        if (!settled) {
            events.delinquencyAfterPayment(loan, today);
        }
        if (surplus.signum() > 0) {
            log.warn("{} {} collected {} against today's quote of {}: {} held as credit on loan {}{}", quote.kind(),
                    command.prepaymentId(), Amounts.text(command.amount()), Amounts.text(quote.total()),
                    Amounts.text(surplus), loan.id(), settled ? ", settled: finance refunds it" : "");
        }
        events.repaymentApplied(loan, repayment, principalRepaid, settled);
        return repayment;
    }

    private Repayment refuseCollected(Prepay command, ServicedLoan loan, LocalDate today, String reason) {
        log.warn("prepayment {} for loan {} refused, to be refunded: {}", command.prepaymentId(), loan.id(), reason);
        Repayment refused = new Repayment(command.prepaymentId(), loan.id(),
                command.principal() == null ? Repayment.Kind.PAYOFF : Repayment.Kind.PREPAYMENT, command.amount(),
                today, clock.instant(), command.channel(), Repayment.Status.REFUSED, reason, BigDecimal.ZERO, null,
                null, null, null, null);
        loans.add(refused, List.of(), loan.scheduleVersion());
        return refused;
    }

    private static String reasonOf(RuntimeException refused) {
        if (refused instanceof InvalidRequest invalid) {
            return invalid.violations().stream().map(v -> v.field() + ": " + v.message())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
        return refused.getMessage();
    }

    private PrepaymentQuote quote(ServicedLoan loan, LocalDate today, BigDecimal principal, Reshape reshape) {
        if (!loan.active()) {
            throw ApiProblem.conflict("loan-not-active", "loan " + loan.id() + " is " + loan.status());
        }
        LoanProduct product = products.require(loan.productCode());
        LocalDate allowedFrom = loan.startDate().plusDays(product.prepaymentAllowedAfterDays());
        if (today.isBefore(allowedFrom)) {
            throw ApiProblem.conflict("prepayment-not-yet-allowed", "product " + product.code()
                    + " allows prepayment from " + allowedFrom);
        }
        boolean payoff = principal == null;
        List<InstallmentPosition> installments = loans.installments(loan.id(), loan.scheduleVersion());
        // Penalty an extension carried onto an installment not due yet is owed now, like any penalty.
        List<InstallmentPosition> dueOrOverdue = installments.stream()
                .filter(i -> i.overdue() || "DUE".equals(i.state()) || (!i.overdue() && i.penaltyOwed().signum() > 0))
                .map(i -> "NOT_DUE".equals(i.state()) ? i.penaltyOnly() : i)
                .toList();
        BigDecimal payableNow = dueOrOverdue.isEmpty() ? BigDecimal.ZERO : RepaymentAllocator.payable(dueOrOverdue);
        if (!payoff && payableNow.signum() > 0) {
            throw ApiProblem.conflict("due-amounts-outstanding", Amounts.text(payableNow)
                    + " is due or overdue; pay it before prepaying principal");
        }
        RepaymentAllocator.Plan dueNow = payableNow.signum() > 0 ? RepaymentAllocator.allocate(dueOrOverdue, payableNow)
                : new RepaymentAllocator.Plan(List.of(), BigDecimal.ZERO);
        List<InstallmentPosition> running = installments.stream().filter(i -> "NOT_DUE".equals(i.state()))
                .sorted(Comparator.comparing(InstallmentPosition::dueDate)).toList();
        if (running.isEmpty()) {
            if (!payoff) {
                throw new InvalidRequest(List.of(new FieldViolation("principal", "nothing-to-prepay",
                        "no principal is scheduled after today; repay what is due instead")));
            }
            return new PrepaymentQuote(today, Repayment.Kind.PAYOFF, null, dueNow, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                    0, BigDecimal.ZERO, BigDecimal.ZERO, payableNow, List.of(), null);
        }
        InstallmentPosition first = running.getFirst();
        if (!payoff && (first.interestPaid().signum() > 0 || first.principalPaid().signum() > 0)) {
            throw ApiProblem.conflict("current-installment-partly-paid", "installment " + first.period()
                    + " is partly paid; pay it in full before prepaying principal");
        }
        BigDecimal remaining = running.stream().map(InstallmentPosition::principalOwed)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal prepaid = payoff ? remaining : principal;
        if (!payoff) {
            List<FieldViolation> violations = new ArrayList<>();
            if (prepaid.signum() <= 0 || prepaid.stripTrailingZeros().scale() > 2) {
                violations.add(new FieldViolation("principal", "positive-fen", "must be a positive amount in fen"));
            } else if (prepaid.compareTo(remaining) >= 0) {
                violations.add(new FieldViolation("principal", "less-than-outstanding", "must be less than the "
                        + Amounts.text(remaining) + " outstanding; pay the loan off instead"));
            }
            if (reshape == null) {
                violations.add(new FieldViolation("reshape", "required", "SHORTEN_TERM or LOWER_INSTALLMENT"));
            } else if (reshape == Reshape.SHORTEN_TERM
                    && (loan.method() == RepaymentMethod.INTEREST_FIRST || loan.method() == RepaymentMethod.BULLET)) {
                violations.add(new FieldViolation("reshape", "not-offered-for-method", loan.method()
                        + " repays principal at maturity, so a prepayment can only lower what is left"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequest(violations);
            }
            prepaid = prepaid.setScale(2, RoundingMode.UNNECESSARY);
        }
        long days = ChronoUnit.DAYS.between(first.periodStart(), today);
        // Interest an extension carried onto this installment was accrued before it and is owed as well.
        BigDecimal interestToDate = remaining.multiply(loan.annualRate()).multiply(BigDecimal.valueOf(days))
                .divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP).add(first.carriedInterest())
                .subtract(first.interestPaid()).subtract(first.interestWaived()).max(BigDecimal.ZERO);
        BigDecimal fee = prepaid.multiply(product.prepaymentFeeRate()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal receivable = running.stream().map(InstallmentPosition::interestReceivable)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<LocalDate> dueDates = running.stream().map(InstallmentPosition::dueDate).toList();
        Schedule rest = null;
        if (!payoff) {
            BigDecimal level = running.size() < 2 ? BigDecimal.ZERO : levelOf(loan.method(), running.get(running.size() - 2));
            rest = engine.reschedule(remaining.subtract(prepaid), loan.annualRate(), loan.method(), today, dueDates,
                    reshape, level);
        }
        BigDecimal total = payableNow.add(interestToDate).add(prepaid).add(fee);
        return new PrepaymentQuote(today, payoff ? Repayment.Kind.PAYOFF : Repayment.Kind.PREPAYMENT,
                payoff ? null : reshape, dueNow, first.period(), receivable, interestToDate, days, prepaid, fee, total,
                dueDates, rest);
    }

    /** The amount a shortened schedule keeps level: the installment, or for equal principal its principal part. */
    private static BigDecimal levelOf(RepaymentMethod method, InstallmentPosition regular) {
        return method == RepaymentMethod.EQUAL_PRINCIPAL ? regular.principal()
                : regular.principal().add(regular.interest());
    }
}
