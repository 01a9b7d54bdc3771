package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to core-ledger: apply a post-loan adjustment approved under maker-checker in
 * collection-service. Once per {@code requestId} however often it arrives; answered by
 * {@link LoanAdjusted} or {@link LoanAdjustmentRefused}, keyed by loan id.
 * <ul>
 * <li>EXTENSION (展期): {@code extraPeriods} more periods; what is outstanding is rescheduled as a new
 * schedule version over the remaining plus extra periods.</li>
 * <li>WAIVER (息费减免): {@code penalty} and {@code interest} (two-decimal strings, either may be "0.00")
 * of what is owed are waived by a waiver entry.</li>
 * <li>RESTRUCTURE: everything owed (overdue included) becomes a new schedule version of
 * {@code extraPeriods} periods at {@code annualRate} (null keeps the rate).</li>
 * <li>WRITE_OFF (核销): the outstanding principal and interest are written off; the loan stays
 * collectable and later money is recovery income.</li>
 * </ul>
 * {@code makerId} requested it and {@code checkerId} approved it; {@code reason} is theirs.
 */
public record AdjustLoan(String requestId, UUID loanId, String kind, Integer extraPeriods, String penalty, String interest,
                         String annualRate, String reason, String makerId, String checkerId) {

    public static final MessageType<AdjustLoan> TYPE = MessageType.of("AdjustLoan", 1, AdjustLoan.class);
}
