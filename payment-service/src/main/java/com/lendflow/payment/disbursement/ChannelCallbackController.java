package com.lendflow.payment.disbursement;

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
 * Transfer outcomes the channel calls back with. No Lendflow token (the channel has none): the
 * path is public in this service's security, and each callback must carry the channel's
 * HMAC-SHA256 signature of its raw body, or it is refused and changes nothing. A duplicate or
 * late callback is recorded and has no second effect.
 */
@RestController
class ChannelCallbackController {

    private static final Logger log = LoggerFactory.getLogger(ChannelCallbackController.class);

    private final CallbackSignature signature;
    private final ChannelProperties channel;
    private final Disbursements disbursements;
    private final ChannelOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    ChannelCallbackController(CallbackSignature signature, ChannelProperties channel, Disbursements disbursements,
                              ChannelOutcomes outcomes, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.signature = signature;
        this.channel = channel;
        this.disbursements = disbursements;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/callbacks/v1/channels/{channelName}/transfers", consumes = "application/json")
    Map<String, Object> transferSettled(@PathVariable String channelName,
                                        @RequestHeader(name = CallbackSignature.HEADER, required = false) String signed,
                                        @RequestBody byte[] body) {
        if (!channel.name().equals(channelName)) {
            throw ApiProblem.notFound("Channel", channelName);
        }
        if (!signature.verifies(body, signed)) {
            log.warn("refused a callback on channel {} whose signature does not verify", channelName);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "bad-channel-signature", "Signature invalid",
                    CallbackSignature.HEADER + " must be sha256=<HMAC-SHA256 of the body under the channel's secret>");
        }
        TransferCallback callback = parse(body);
        TransferStatus status = callback.toStatus();
        boolean settled = transactions.execute(tx -> {
            Disbursement disbursement = disbursements.lockByRequestNo(callback.requestNo())
                    .orElseThrow(() -> ApiProblem.notFound("Transfer", callback.requestNo()));
            return outcomes.apply(disbursement, status, DisbursementEvent.Kind.CALLBACK,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        });
        return Map.of("requestNo", callback.requestNo(), "received", true, "applied", settled);
    }

    private TransferCallback parse(byte[] body) {
        TransferCallback callback;
        try {
            callback = json.readValue(body, TransferCallback.class);
        } catch (JacksonException e) {
            throw new InvalidRequest(List.of(new FieldViolation("body", "json", "is not a transfer callback")));
        }
        if (callback.requestNo() == null || callback.requestNo().isBlank()) {
            throw new InvalidRequest(List.of(new FieldViolation("requestNo", "NotBlank", "must not be blank")));
        }
        if (!"SUCCESS".equals(callback.status()) && !"FAILED".equals(callback.status())) {
            throw new InvalidRequest(List.of(new FieldViolation("status", "final-status", "must be SUCCESS or FAILED")));
        }
        if (callback.amount() != null && !callback.amount().matches("^[0-9]{1,15}(\\.[0-9]{1,2})?$")) {
            throw new InvalidRequest(List.of(new FieldViolation("amount", "Pattern", "must be an amount in yuan")));
        }
        return callback;
    }

    record TransferCallback(String requestNo, String status, String amount, String channelTransactionId,
                            String failureCode, String failureReason, Instant completedAt) {

        TransferStatus toStatus() {
            return new TransferStatus(requestNo, "SUCCESS".equals(status) ? TransferStatus.Outcome.SUCCESS
                    : TransferStatus.Outcome.FAILED, amount == null ? null : new BigDecimal(amount), channelTransactionId,
                    failureCode, failureReason, completedAt);
        }
    }
}
