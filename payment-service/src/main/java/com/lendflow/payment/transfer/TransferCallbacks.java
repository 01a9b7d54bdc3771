package com.lendflow.payment.transfer;

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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transfer outcomes the channel calls back with, for any kind of transfer. No Lendflow token (the
 * channel has none): the paths are public in this service's security, and each callback must carry
 * the channel's HMAC-SHA256 signature of its raw body, or it is refused and changes nothing. A
 * duplicate or late callback is recorded and has no second effect.
 */
@Component
public class TransferCallbacks {

    private static final Logger log = LoggerFactory.getLogger(TransferCallbacks.class);

    private final CallbackSignature signature;
    private final ChannelProperties channel;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    TransferCallbacks(CallbackSignature signature, ChannelProperties channel, TransactionTemplate transactions,
                      JsonMapper json, Clock clock) {
        this.signature = signature;
        this.channel = channel;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Verifies, reads and applies one callback.
     *
     * @param resource what an unknown request number is not found as ("Transfer", "Collection")
     */
    public <T extends ChannelTransfer> Map<String, Object> receive(String channelName, String signed, byte[] body,
                                                                   TransferOutcomes<T> outcomes, String resource) {
        TransferKind<T> kind = outcomes.kind();
        if (!channel.name().equals(channelName)) {
            throw ApiProblem.notFound("Channel", channelName);
        }
        if (!signature.verifies(body, signed)) {
            log.warn("refused a {} callback on channel {} whose signature does not verify", kind.what(), channelName);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "bad-channel-signature", "Signature invalid",
                    CallbackSignature.HEADER + " must be sha256=<HMAC-SHA256 of the body under the channel's secret>");
        }
        Callback callback = parse(body, kind);
        TransferStatus status = callback.toStatus();
        boolean applied = transactions.execute(tx -> {
            T transfer = kind.transfers().lockByRequestNo(callback.requestNo())
                    .orElseThrow(() -> ApiProblem.notFound(resource, callback.requestNo()));
            return outcomes.apply(transfer, status, TransferEvent.Step.CALLBACK,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        });
        return Map.of("requestNo", callback.requestNo(), "received", true, "applied", applied);
    }

    private Callback parse(byte[] body, TransferKind<?> kind) {
        Callback callback;
        try {
            callback = json.readValue(body, Callback.class);
        } catch (JacksonException e) {
            throw new InvalidRequest(List.of(new FieldViolation("body", "json", "is not a " + kind.what() + " callback")));
        }
        if (callback.requestNo() == null || callback.requestNo().isBlank()) {
            throw new InvalidRequest(List.of(new FieldViolation("requestNo", "NotBlank", "must not be blank")));
        }
        List<String> finals = kind.finalOutcomes().stream().map(Enum::name).sorted(TransferCallbacks::inOrder).toList();
        if (!finals.contains(String.valueOf(callback.status()))) {
            throw new InvalidRequest(List.of(new FieldViolation("status", "final-status", "must be " + either(finals))));
        }
        if (callback.amount() != null && !callback.amount().matches("^[0-9]{1,15}(\\.[0-9]{1,2})?$")) {
            throw new InvalidRequest(List.of(new FieldViolation("amount", "Pattern", "must be an amount in yuan")));
        }
        return callback;
    }

    private static final List<String> FINAL_ORDER = List.of("SUCCESS", "FAILED", "RETURNED");

    /** SUCCESS, FAILED, RETURNED: the order the channel documents them in. */
    private static int inOrder(String a, String b) {
        return Integer.compare(FINAL_ORDER.indexOf(a), FINAL_ORDER.indexOf(b));
    }

    /** "SUCCESS or FAILED", "SUCCESS, FAILED or RETURNED". */
    private static String either(List<String> words) {
        if (words.size() == 1) {
            return words.getFirst();
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + words.getLast();
    }

    /** A final word on a transfer; the return fields only on a collection whose money came back. */
    record Callback(String requestNo, String status, String amount, String channelTransactionId, String failureCode,
                    String failureReason, Instant completedAt, String returnReason, Instant returnedAt) {

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
