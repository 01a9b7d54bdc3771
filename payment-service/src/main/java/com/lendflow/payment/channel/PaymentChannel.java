package com.lendflow.payment.channel;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

/**
 * A payment channel (支付通道): binds cards with a withholding agreement, pays money out to them
 * and collects repayments from them under the agreement. The one adapter talks HTTP to the channel; what it answers is one of the records below, and
 * what it cannot tell comes out as {@link ChannelUnavailable}.
 */
public interface PaymentChannel {

    String name();

    /**
     * Asks the channel to text a binding code to the mobile the card's bank has on file. Idempotent
     * on {@code requestNo}: the same request gets the same binding and no second code.
     */
    String startBinding(String requestNo, String cardNumber, String holderName, String reservedMobile);

    /** Confirms a binding with the code the customer received: signs the withholding agreement. */
    Confirmation confirmBinding(String bindingId, String code);

    /** Submits a transfer once. Never retried here: an unknown outcome is for the caller to query. */
    Submission submit(TransferOrder order);

    /**
     * Submits a collection (代扣: a debit of the bound card under its withholding agreement) once,
     * with the same rules as {@link #submit}; its outcome is called back to {@link #collectionCallbackUrl()}.
     */
    Submission collect(TransferOrder order);

    /** What the channel knows of a transfer (either way) now. Read-only, so retried. */
    TransferStatus query(String requestNo);

    /** This service's callback address for transfers through this channel. */
    URI callbackUrl();

    /** This service's callback address for collections through this channel (outcomes and returned funds). */
    URI collectionCallbackUrl();

    /**
     * {@code reference}: our business id (the drawdown id of a payout, the repayment order id of a
     * collection); {@code fundingAccount}: the funding partner whose account pays or receives the
     * money, for the partner's statement (null only for orders recorded before it was kept).
     */
    record TransferOrder(String requestNo, String agreementNo, BigDecimal amount, String reference,
                         String fundingAccount) {
    }

    sealed interface Confirmation {
        record Signed(String agreementNo) implements Confirmation {
        }

        record WrongCode() implements Confirmation {
        }

        record CodeExpired() implements Confirmation {
        }
    }

    sealed interface Submission {
        /** The channel took the transfer; its outcome comes by callback or query. */
        record Accepted() implements Submission {
        }

        /** The channel said no outright (4xx): no money moved. */
        record Refused(int status, String reason) implements Submission {
        }

        /** No answer, or a 5xx: the money may or may not have moved. */
        record Unknown(String reason) implements Submission {
        }

        /** The circuit breaker is open: the channel was not called at all. */
        record NotSent(String reason) implements Submission {
        }
    }

    /**
     * A transfer's state at the channel: PROCESSING, SUCCESS or FAILED, or NOT_FOUND if it never
     * arrived; a collection that succeeded and whose money the channel later gave back is RETURNED,
     * with the channel's reason in {@code failureReason}.
     */
    record TransferStatus(String requestNo, Outcome outcome, BigDecimal amount, String channelTransactionId,
                          String failureCode, String failureReason, Instant completedAt) {

        public enum Outcome { PROCESSING, SUCCESS, FAILED, NOT_FOUND, RETURNED }
    }
}
