package com.lendflow.simulator.channel;

import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfers (代付) at the simulated payment channel. A transfer is accepted under the payer's
 * request number, stays PROCESSING for a moment, then settles and the channel calls back. The same
 * request number never moves money twice: a repeated submission is counted (so tests can see it)
 * and answered with the transfer as it stands.
 *
 * <p>Misbehaves on request, through {@code PUT /sim/v1/channel/fault} for the next N transfers (or
 * until cleared), or for one submission through the {@code X-Sim-Fault} header; see
 * {@link ChannelFault.Mode}.
 */
@RestController
@RequestMapping("/sim/v1/channel")
@EnableConfigurationProperties(ChannelSettings.class)
class Transfers {

    static final String FAULT_HEADER = "X-Sim-Fault";

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);
    private static final int KEPT = 10_000;

    private final Map<String, Transfer> transfers = new LinkedHashMap<>();
    private final ChannelSettings settings;
    private final CallbackSender callbacks;
    private ChannelFault fault = ChannelFault.NONE;
    private int faultTransfersLeft;

    Transfers(ChannelSettings settings, CallbackSender callbacks) {
        this.settings = settings;
        this.callbacks = callbacks;
    }

    @PostMapping("/transfers")
    ResponseEntity<TransferView> submit(@Valid @RequestBody SubmitTransfer request,
                                        @RequestHeader(name = FAULT_HEADER, required = false) ChannelFault.Mode oneOff) {
        BigDecimal amount = new BigDecimal(request.amount());
        Transfer transfer;
        synchronized (this) {
            Transfer existing = transfers.get(request.requestNo());
            if (existing != null) {
                existing.submissions++;
                if (existing.amount.compareTo(amount) != 0) {
                    throw ApiProblem.conflict("channel-request-reused",
                            "request number " + request.requestNo() + " was already used for another amount");
                }
                log.info("transfer {} submitted again ({} submissions); nothing moves twice", request.requestNo(),
                        existing.submissions);
                return ResponseEntity.accepted().body(existing.view(Instant.now()));
            }
            ChannelFault current = oneOff == null ? nextFault() : new ChannelFault(oneOff, null, 1);
            transfer = accept(request, amount, current);
        }
        if (transfer.fault.mode() == ChannelFault.Mode.UNKNOWN) {
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "channel-internal-error", "Channel error",
                    "the simulated channel failed while answering (the transfer may have been made)");
        }
        return ResponseEntity.accepted().body(transfer.view(Instant.now()));
    }

    /** The transfer as the channel sees it now; 404 if the channel never received it. */
    @GetMapping("/transfers/{requestNo}")
    synchronized TransferView transfer(@PathVariable String requestNo) {
        Transfer transfer = transfers.get(requestNo);
        if (transfer == null) {
            throw ApiProblem.notFound("Transfer", requestNo);
        }
        transfer.queries++;
        return transfer.view(Instant.now());
    }

    /** Every transfer made for one payer reference (a drawdown), oldest first: what "one disbursement" is checked against. */
    @GetMapping("/transfers")
    synchronized List<TransferView> transfersFor(@RequestParam @NotBlank String reference) {
        Instant now = Instant.now();
        return transfers.values().stream().filter(t -> reference.equals(t.reference)).map(t -> t.view(now)).toList();
    }

    @PutMapping("/fault")
    synchronized ChannelFault setFault(@RequestBody ChannelFault requested) {
        fault = requested;
        faultTransfersLeft = requested.times();
        return requested;
    }

    @DeleteMapping("/fault")
    synchronized ResponseEntity<Void> clearFault() {
        fault = ChannelFault.NONE;
        faultTransfersLeft = 0;
        return ResponseEntity.noContent().build();
    }

    private ChannelFault nextFault() {
        ChannelFault current = fault;
        if (current.times() > 0 && --faultTransfersLeft <= 0) {
            fault = ChannelFault.NONE;
        }
        return current;
    }

    private Transfer accept(SubmitTransfer request, BigDecimal amount, ChannelFault current) {
        Instant now = Instant.now();
        Duration settle = current.mode() == ChannelFault.Mode.TIMEOUT ? current.delay() : settings.settleAfter();
        boolean fails = current.mode() == ChannelFault.Mode.FAIL;
        Transfer transfer = new Transfer(request.requestNo(), request.reference(), request.agreementNo(), amount,
                now, now.plus(settle), fails, current,
                "CH" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        transfers.put(transfer.requestNo, transfer);
        while (transfers.size() > KEPT) {
            transfers.remove(transfers.keySet().iterator().next());
        }
        log.info("transfer {} of {} accepted for reference {} (fault {})", transfer.requestNo, amount.toPlainString(),
                transfer.reference, current.mode());
        URI callbackUrl = request.callbackUrl() != null ? URI.create(request.callbackUrl()) : settings.callbackUrl();
        if (callbackUrl == null) {
            return transfer;
        }
        switch (current.mode()) {
            case TIMEOUT, UNKNOWN -> { }
            case LATE_CALLBACK -> callBack(transfer, callbackUrl, settle.plus(current.delay()));
            case DUPLICATE_CALLBACK -> {
                callBack(transfer, callbackUrl, settle);
                callBack(transfer, callbackUrl, settle.plusMillis(100));
            }
            case NONE, FAIL -> callBack(transfer, callbackUrl, settle);
        }
        return transfer;
    }

    private void callBack(Transfer transfer, URI url, Duration after) {
        callbacks.sendLater(url, transfer.callback(), after, status -> {
            synchronized (Transfers.this) {
                transfer.callbacksSent++;
            }
        });
    }

    /** A transfer order; the agreement number identifies the bound card, so no card number travels. */
    record SubmitTransfer(
            @NotBlank @Size(max = 64) String requestNo,
            @NotBlank @Size(max = 64) String agreementNo,
            @NotBlank @Pattern(regexp = "^(0|[1-9][0-9]{0,14})\\.[0-9]{2}$", message = "must be a positive amount with two decimals")
            String amount,
            @Size(max = 64) String reference,
            @Size(max = 500) String callbackUrl) {
    }

    record TransferView(String requestNo, String reference, String amount, String status, String channelTransactionId,
                        String failureCode, String failureReason, Instant acceptedAt, Instant completedAt,
                        int submissions, int queries, int callbacksSent) {
    }

    private static final class Transfer {
        final String requestNo;
        final String reference;
        final String agreementNo;
        final BigDecimal amount;
        final Instant acceptedAt;
        final Instant settlesAt;
        final boolean fails;
        final ChannelFault fault;
        final String channelTransactionId;
        int submissions = 1;
        int queries;
        int callbacksSent;

        Transfer(String requestNo, String reference, String agreementNo, BigDecimal amount, Instant acceptedAt,
                 Instant settlesAt, boolean fails, ChannelFault fault, String channelTransactionId) {
            this.requestNo = requestNo;
            this.reference = reference;
            this.agreementNo = agreementNo;
            this.amount = amount;
            this.acceptedAt = acceptedAt;
            this.settlesAt = settlesAt;
            this.fails = fails;
            this.fault = fault;
            this.channelTransactionId = channelTransactionId;
        }

        String status(Instant now) {
            if (now.isBefore(settlesAt)) {
                return "PROCESSING";
            }
            return fails ? "FAILED" : "SUCCESS";
        }

        TransferCallback callback() {
            return new TransferCallback(requestNo, fails ? "FAILED" : "SUCCESS", amount.toPlainString(),
                    channelTransactionId, fails ? "CARD_ABNORMAL" : null,
                    fails ? "the receiving card is frozen at its bank (simulated)" : null, settlesAt);
        }

        TransferView view(Instant now) {
            String status = status(now);
            boolean settled = !"PROCESSING".equals(status);
            return new TransferView(requestNo, reference, amount.toPlainString(), status, channelTransactionId,
                    settled && fails ? "CARD_ABNORMAL" : null,
                    settled && fails ? "the receiving card is frozen at its bank (simulated)" : null,
                    acceptedAt, settled ? settlesAt : null, submissions, queries, callbacksSent);
        }
    }
}
