package com.lendflow.payment.repayment;

import com.lendflow.payment.transfer.ChannelTransfers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Repayment orders, found and locked as the transfer core does, and as ops and the withholding plan look for them. */
interface RepaymentOrders extends ChannelTransfers<RepaymentOrder> {

    Optional<RepaymentOrder> findByCustomerIdAndIdempotencyKey(UUID customerId, String idempotencyKey);

    List<RepaymentOrder> findByLoanIdOrderByCreatedAtAsc(UUID loanId);

    List<RepaymentOrder> findByWithholdingIdOrderByAttemptAsc(UUID withholdingId);

    /**
     * Collections of the loan whose money core-ledger's amounts due may not show yet: in flight, or
     * collected since {@code since} and not yet applied.
     */
    @Query("""
            select o from RepaymentOrder o where o.loanId = :loanId
              and (o.state in (com.lendflow.payment.transfer.TransferState.PENDING,
                               com.lendflow.payment.transfer.TransferState.SENDING,
                               com.lendflow.payment.transfer.TransferState.SUBMITTED,
                               com.lendflow.payment.transfer.TransferState.UNKNOWN)
                   or (o.state = com.lendflow.payment.transfer.TransferState.SUCCEEDED
                       and o.appliedAt is null and o.completedAt > :since))
            """)
    List<RepaymentOrder> unsettledFor(@Param("loanId") UUID loanId, @Param("since") Instant since);

    /** Whether core-ledger applied a collection of the loan after {@code since}: amounts asked before it are stale. */
    boolean existsByLoanIdAndAppliedAtAfter(UUID loanId, Instant since);
}
