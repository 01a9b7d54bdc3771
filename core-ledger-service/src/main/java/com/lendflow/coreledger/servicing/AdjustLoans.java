package com.lendflow.coreledger.servicing;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.AdjustLoan;
import com.lendflow.contracts.ledger.LoanAdjusted;
import com.lendflow.contracts.ledger.LoanAdjustmentRefused;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an AdjustLoan approved under maker-checker in collection-service — EXTENSION and
 * RESTRUCTURE ({@link RescheduleLoan}), WAIVER ({@link WaiveCharges}), WRITE_OFF ({@link WriteOffLoan})
 * — once per request id: the outcome, applied or refused, is stored with the maker, the checker and
 * their reason, and answered (LoanAdjusted or LoanAdjustmentRefused on the loan topic) in the same
 * transaction. The same request sent again changes nothing and gets the stored answer again.
 * Every check runs before anything is written, so a refusal leaves the loan as it was.
 */
@Component
class AdjustLoans {

    static final Set<String> KINDS = Set.of("EXTENSION", "WAIVER", "RESTRUCTURE", "WRITE_OFF");
    static final int MAX_PERIODS = 60;
    private static final Logger log = LoggerFactory.getLogger(AdjustLoans.class);

    private final LoanAdjustments adjustments;
    private final ServicedLoans loans;
    private final BusinessDay businessDay;
    private final WaiveCharges waivers;
    private final RescheduleLoan reschedule;
    private final WriteOffLoan writeOff;
    private final Outbox outbox;
    private final Clock clock;

    AdjustLoans(LoanAdjustments adjustments, ServicedLoans loans, BusinessDay businessDay, WaiveCharges waivers,
                RescheduleLoan reschedule, WriteOffLoan writeOff, Outbox outbox, Clock clock) {
        this.adjustments = adjustments;
        this.loans = loans;
        this.businessDay = businessDay;
        this.waivers = waivers;
        this.reschedule = reschedule;
        this.writeOff = writeOff;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Adjustment handle(AdjustLoan command) {
        if (command.requestId() == null || command.requestId().isBlank()) {
            // Nothing to remember it by: answered, not stored.
            Adjustment refused = adjustment(command, null, businessDay.today(),
                    Adjustment.Result.refused("INVALID_ADJUSTMENT", "requestId is required"), null, null, null, null);
            answer(refused);
            return refused;
        }
        Optional<Adjustment> stored = adjustments.find(command.requestId());
        if (stored.isPresent()) {
            return answeredAgain(stored.get());
        }
        ServicedLoan loan = command.loanId() == null ? null : loans.lock(command.loanId()).orElse(null);
        stored = adjustments.find(command.requestId());
        if (stored.isPresent()) {
            // The same request raced us to the loan's lock and won.
            return answeredAgain(stored.get());
        }
        LocalDate today = businessDay.hold();
        BigDecimal penalty = null;
        BigDecimal interest = null;
        BigDecimal rate = null;
        Adjustment.Result result;
        String invalid = invalid(command);
        if (invalid == null && "WAIVER".equals(command.kind())) {
            penalty = amount(command.penalty());
            interest = amount(command.interest());
            if (penalty == null || interest == null) {
                invalid = "penalty and interest must be amounts in fen, not negative, such as \"12.50\" or \"0.00\"";
            }
        }
        if (invalid == null && "RESTRUCTURE".equals(command.kind()) && command.annualRate() != null) {
            rate = rate(command.annualRate());
            if (rate == null) {
                invalid = "annualRate must be a fraction from 0 to 1 with at most six decimals, such as \"0.12\"";
            }
        }
        if (invalid != null) {
            result = Adjustment.Result.refused("INVALID_ADJUSTMENT", invalid);
        } else if (loan == null) {
            result = Adjustment.Result.refused("LOAN_NOT_FOUND", "no loan " + command.loanId());
        } else if (!loan.active()) {
            result = Adjustment.Result.refused("LOAN_NOT_ACTIVE", "loan " + loan.id() + " is " + loan.status());
        } else {
            String memo = command.kind().toLowerCase().replace('_', ' ') + " " + command.requestId() + " by "
                    + command.makerId() + ", approved by " + command.checkerId() + ": " + command.reason();
            result = switch (command.kind()) {
                case "WAIVER" -> waivers.waive(loan, command.requestId(), penalty, interest, today, memo);
                case "EXTENSION", "RESTRUCTURE" -> reschedule.reschedule(loan, command.kind(), command.extraPeriods(),
                        rate, today, command.requestId());
                case "WRITE_OFF" -> writeOff.writeOff(loan, command.requestId(), today, memo);
                default -> throw new IllegalStateException("unchecked kind " + command.kind());
            };
        }
        Adjustment adjustment = adjustment(command, loan, today, result, penalty, interest, rate, command.extraPeriods());
        adjustments.add(adjustment);
        answer(adjustment);
        if (adjustment.applied()) {
            log.info("{} {} applied to loan {}: {} (schedule version {})", adjustment.kind(), adjustment.requestId(),
                    adjustment.loanId(), Amounts.text(adjustment.amount()), adjustment.scheduleVersion());
        } else {
            log.warn("{} {} for loan {} refused ({}): {}", command.kind(), command.requestId(), command.loanId(),
                    result.code(), result.refusal());
        }
        return adjustment;
    }

    private Adjustment answeredAgain(Adjustment stored) {
        answer(stored);
        return stored;
    }

    /** What is wrong with the command itself, or null. */
    private static String invalid(AdjustLoan command) {
        if (command.loanId() == null) {
            return "loanId is required";
        }
        if (command.kind() == null || !KINDS.contains(command.kind())) {
            return "kind must be one of EXTENSION, WAIVER, RESTRUCTURE, WRITE_OFF";
        }
        if (blank(command.makerId()) || blank(command.checkerId())) {
            return "makerId and checkerId are required";
        }
        if (command.makerId().equals(command.checkerId())) {
            return "the checker must not be the maker";
        }
        if (blank(command.reason())) {
            return "reason is required";
        }
        boolean periods = "EXTENSION".equals(command.kind()) || "RESTRUCTURE".equals(command.kind());
        if (periods && (command.extraPeriods() == null || command.extraPeriods() < 1
                || command.extraPeriods() > MAX_PERIODS)) {
            return "extraPeriods must be from 1 to " + MAX_PERIODS + " for " + command.kind();
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A two-decimal amount, not negative; null (absent) is zero; null back for anything else. */
    private static BigDecimal amount(String text) {
        if (text == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            return amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 ? null : amount.setScale(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal rate(String text) {
        try {
            BigDecimal rate = new BigDecimal(text);
            return rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 6
                    ? null : rate.setScale(6);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Adjustment adjustment(AdjustLoan command, ServicedLoan loan, LocalDate today, Adjustment.Result result,
                                  BigDecimal penalty, BigDecimal interest, BigDecimal rate, Integer extraPeriods) {
        return new Adjustment(command.requestId(), command.loanId(), loan == null ? null : loan.customerId(),
                command.kind(), result.applied(), result.code(), result.refusal(), result.amount(), penalty, interest,
                extraPeriods, rate, result.applied() ? result.scheduleVersion() : null, result.journalEntryId(), today,
                command.reason(), command.makerId(), command.checkerId(), clock.instant());
    }

    private void answer(Adjustment a) {
        String key = a.loanId() != null ? a.loanId().toString() : a.requestId();
        if (a.applied()) {
            outbox.publish(Topics.CORE_LEDGER_LOAN, key, LoanAdjusted.TYPE, new LoanAdjusted(a.requestId(), a.loanId(),
                    a.customerId(), a.kind(), a.scheduleVersion(), Amounts.text(a.amount()), a.journalEntryId(),
                    a.effectiveOn()));
        } else {
            outbox.publish(Topics.CORE_LEDGER_LOAN, key, LoanAdjustmentRefused.TYPE, new LoanAdjustmentRefused(
                    a.requestId(), a.loanId(), a.kind(), a.code(), a.refusal()));
        }
    }
}
