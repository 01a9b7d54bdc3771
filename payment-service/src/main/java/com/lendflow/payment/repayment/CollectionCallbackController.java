package com.lendflow.payment.repayment;

import com.lendflow.payment.channel.CallbackSignature;
import com.lendflow.payment.channel.ChannelProperties;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collection outcomes and returned funds the channel calls back with: public (no Lendflow token),
 * each callback must carry the channel's HMAC-SHA256 signature of its raw body, or it is refused and
 * changes nothing. A duplicate or late callback is recorded and has no second effect.
 */
@RestController
class CollectionCallbackController {

    private static final Logger log = LoggerFactory.getLogger(CollectionCallbackController.class);

    private final CallbackSignature signature;
    private final ChannelProperties channel;
    private final RepaymentOrders orders;
    private final CollectionOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CollectionCallbackController(CallbackSignature signature, ChannelProperties channel, RepaymentOrders orders,
                                 CollectionOutcomes outcomes, TransactionTemplate transactions, JsonMapper json,
                                 Clock clock) {
        this.signature = signature;
        this.channel = channel;
        this.orders = orders;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/callbacks/v1/channels/{channelName}/collections", consumes = "application/json")
    Map<String, Object> collectionSettled(@PathVariable String channelName,
                                          @RequestHeader(name = CallbackSignature.HEADER, required = false) String signed,
                                          @RequestBody byte[] body) {
        if (!channel.name().equals(channelName)) {
            throw ApiProblem.notFound("Channel", channelName);
        }
        if (!signature.verifies(body, signed)) {
            log.warn("refused a collection callback on channel {} whose signature does not verify", channelName);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "bad-channel-signature", "Signature invalid",
                    CallbackSignature.HEADER + " must be sha256=<HMAC-SHA256 of the body under the channel's secret>");
        }
        CollectionCallback callback = parse(body);
        TransferStatus status = callback.toStatus();
        boolean applied = transactions.execute(tx -> {
            RepaymentOrder order = orders.lockByRequestNo(callback.requestNo())
                    .orElseThrow(() -> ApiProblem.notFound("Collection", callback.requestNo()));
            return outcomes.apply(order, status, RepaymentEvent.Kind.CALLBACK, clock.instant().truncatedTo(ChronoUnit.MICROS));
        });
        return Map.of("requestNo", callback.requestNo(), "received", true, "applied", applied);
    }

    private CollectionCallback parse(byte[] body) {
        CollectionCallback callback;
        try {
            callback = json.readValue(body, CollectionCallback.class);
        } catch (JacksonException e) {
            throw new InvalidRequest(List.of(new FieldViolation("body", "json", "is not a collection callback")));
        }
        if (callback.requestNo() == null || callback.requestNo().isBlank()) {
            throw new InvalidRequest(List.of(new FieldViolation("requestNo", "NotBlank", "must not be blank")));
        }
        if (!List.of("SUCCESS", "FAILED", "RETURNED").contains(String.valueOf(callback.status()))) {
            throw new InvalidRequest(List.of(new FieldViolation("status", "final-status",
                    "must be SUCCESS, FAILED or RETURNED")));
        }
        if (callback.amount() != null && !callback.amount().matches("^[0-9]{1,15}(\\.[0-9]{1,2})?$")) {
            throw new InvalidRequest(List.of(new FieldViolation("amount", "Pattern", "must be an amount in yuan")));
        }
        return callback;
    }

    record CollectionCallback(String requestNo, String status, String amount, String channelTransactionId,
                              String failureCode, String failureReason, Instant completedAt, String returnReason,
                              Instant returnedAt) {

        TransferStatus toStatus() {
            TransferStatus.Outcome outcome = switch (status) {
                case "SUCCESS" -> TransferStatus.Outcome.SUCCESS;
                case "RETURNED" -> TransferStatus.Outcome.RETURNED;
                default -> TransferStatus.Outcome.FAILED;
            };
            return new TransferStatus(requestNo, outcome, amount == null ? null : new BigDecimal(amount),
                    channelTransactionId, failureCode,
                    outcome == TransferStatus.Outcome.RETURNED ? returnReason : failureReason, completedAt);
        }
    }
}
