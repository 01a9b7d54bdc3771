package com.lendflow.collection.postloan.adjustment;

import com.lendflow.collection.postloan.ActingStaff;
import com.lendflow.collection.postloan.PostLoanProperties;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A maker requests an adjustment: its terms are checked, then core-ledger is asked how the loan stands (outside
 * any transaction), and a write-off is refused before the configured days past due; the request, its first step
 * and the audit record then commit together.
 */
@Component
class RequestLoanAdjustmentHandler {

    private final LedgerLoans ledger;
    private final LoanAdjustments adjustments;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final PostLoanProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RequestLoanAdjustmentHandler(LedgerLoans ledger, LoanAdjustments adjustments, AuditTrail audit, AuditActorSource actors,
                                 PostLoanProperties properties, TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.audit = audit;
        this.actors = actors;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    LoanAdjustmentView handle(RequestAdjustment command) {
        List<FieldViolation> problems = AdjustmentTerms.problems(command);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        LoanStanding loan = ledger.standing(command.loanId()).orElseThrow(() -> ApiProblem.notFound("Loan", command.loanId()));
        if (!loan.active()) {
            throw ApiProblem.conflict("loan-not-active", "loan " + loan.loanId() + " is " + loan.status()
                    + "; only an ACTIVE loan can be adjusted");
        }
        if (command.kind() == AdjustmentKind.WRITE_OFF && loan.daysPastDue() < properties.writeOffDpd()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "write-off-before-dpd", "Too early to write off",
                    "write-off rule: a loan is written off at " + properties.writeOffDpd() + " days past due or more; loan "
                            + loan.loanId() + " is " + loan.daysPastDue() + " days past due");
        }
        String maker = ActingStaff.name(actors);
        Instant now = clock.instant();
        LoanAdjustment adjustment = LoanAdjustment.request(normalised(command), loan, maker, now);
        try {
            return transactions.execute(status -> {
                adjustments.add(adjustment);
                adjustments.step(adjustment.id(), AdjustmentState.REQUESTED, maker, now, command.reason());
                LoanAdjustmentView view = adjustments.view(adjustment.id()).orElseThrow();
                audit.record(new AuditEntry("loan-adjustment.request", "loan-adjustment", adjustment.id().toString(), null,
                        LoanAdjustmentSnapshots.of(view), command.reason()));
                return view;
            });
        } catch (DuplicateKeyException pending) {
            throw ApiProblem.conflict("adjustment-pending", "loan " + loan.loanId()
                    + " already has an adjustment waiting for approval or for the ledger; conclude that one first");
        }
    }

    /** Amounts at the database's scale, so what is stored and sent is what was checked. */
    private static RequestAdjustment normalised(RequestAdjustment c) {
        BigDecimal penalty = c.kind() == AdjustmentKind.WAIVER ? fen(c.penalty()) : null;
        BigDecimal interest = c.kind() == AdjustmentKind.WAIVER ? fen(c.interest()) : null;
        BigDecimal rate = c.annualRate() == null ? null : c.annualRate().setScale(6, RoundingMode.UNNECESSARY);
        return new RequestAdjustment(c.loanId(), c.kind(), c.extraPeriods(), penalty, interest, rate, c.reason().strip());
    }

    private static BigDecimal fen(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY);
    }
}
