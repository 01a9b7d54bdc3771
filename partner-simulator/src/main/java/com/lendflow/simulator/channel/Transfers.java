package com.lendflow.simulator.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Transfers at the simulated payment channel, both ways: payouts (代付, {@code direction} PAYOUT, the
 * default) credit a bound card, collections (代扣, COLLECTION) debit it under its withholding
 * agreement. A transfer is accepted under the payer's request number, stays PROCESSING for a moment,
 * then settles and the channel calls back. The same request number never moves money twice: a
 * repeated submission is counted (so tests can see it) and answered with the transfer as it stands.
 *
 * <p>Misbehaves on request, through {@code PUT /sim/v1/channel/fault} for the next N transfers (or
 * until cleared), or for one submission through the {@code X-Sim-Fault} header; see
 * {@link ChannelFault.Mode}. The card behind one agreement can be given a balance or frozen
 * ({@code PUT /sim/v1/channel/agreements/{agreementNo}/account}): collections from it then fail with
 * INSUFFICIENT_FUNDS or CARD_FROZEN until changed. A collected transfer can be returned
 * ({@code POST /sim/v1/channel/transfers/{requestNo}/return}): the money goes back to the card and a
 * signed RETURNED callback goes to the transfer's callback URL.
 *
 * <p>What the channel's statements are drawn from ({@link TransferHistory}); a transfer that names a
 * {@code fundingAccount} also appears on that funding partner's statement.
 */
@RestController
@RequestMapping("/sim/v1/channel")
@EnableConfigurationProperties(ChannelSettings.class)
class Transfers implements TransferHistory {

    static final String FAULT_HEADER = "X-Sim-Fault";

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);
    private static final int KEPT = 10_000;

    private final Map<String, Transfer> transfers = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
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
            Direction direction = request.direction() == null ? Direction.PAYOUT : Direction.valueOf(request.direction());
            ChannelFault current = oneOff == null ? nextFault(direction) : new ChannelFault(oneOff, null, 1);
            transfer = accept(request, direction, amount, current);
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

    /**
     * Every transfer made for one payer reference (a drawdown), oldest first: what "one disbursement" is
     * checked against. Without a reference, every transfer the channel still keeps (the newest
     * {@value #KEPT}), oldest first: the invariants checker reads them in one call.
     */
    @GetMapping("/transfers")
    synchronized List<TransferView> transfersFor(@RequestParam(required = false) String reference) {
        Instant now = Instant.now();
        return transfers.values().stream().filter(t -> reference == null || reference.equals(t.reference))
                .map(t -> t.view(now)).toList();
    }

    /**
     * Gives back the money of a collected transfer (a chargeback, a settlement the bank undid):
     * once; a second return answers the transfer as it stands and sends nothing more.
     */
    @PostMapping("/transfers/{requestNo}/return")
    TransferView returnFunds(@PathVariable String requestNo, @Valid @RequestBody ReturnTransfer request) {
        Transfer transfer;
        URI callbackUrl;
        synchronized (this) {
            transfer = transfers.get(requestNo);
            Instant now = Instant.now();
            if (transfer == null) {
                throw ApiProblem.notFound("Transfer", requestNo);
            }
            if (transfer.returnedAt != null) {
                return transfer.view(now);
            }
            if (transfer.direction != Direction.COLLECTION || !"SUCCESS".equals(transfer.status(now))) {
                throw ApiProblem.conflict("channel-not-returnable",
                        "only a collection that succeeded can be returned; " + requestNo + " is a "
                                + transfer.direction + " that is " + transfer.status(now));
            }
            transfer.returnedAt = now;
            transfer.returnReason = request.reason();
            Account account = accounts.get(transfer.agreementNo);
            if (account != null && account.balance != null) {
                account.balance = account.balance.add(transfer.amount);
            }
            callbackUrl = transfer.callbackUrl;
        }
        log.info("collection {} of {} returned: {}", requestNo, transfer.amount.toPlainString(), request.reason());
        if (callbackUrl != null) {
            callbacks.sendLater(callbackUrl, transfer.callback(), Duration.ZERO, status -> {
                synchronized (Transfers.this) {
                    transfer.callbacksSent++;
                }
            });
        }
        return transfer.view(Instant.now());
    }

    @Override
    public synchronized List<CompletedTransfer> completedOrReturnedBetween(Instant from, Instant to) {
        Instant now = Instant.now();
        List<CompletedTransfer> found = new ArrayList<>();
        for (Transfer transfer : transfers.values()) {
            if (now.isBefore(transfer.settlesAt)) {
                continue;
            }
            boolean completedThen = !transfer.settlesAt.isBefore(from) && transfer.settlesAt.isBefore(to);
            boolean returnedThen = transfer.returnedAt != null && !transfer.returnedAt.isBefore(from)
                    && transfer.returnedAt.isBefore(to);
            if (completedThen || returnedThen) {
                found.add(new CompletedTransfer(transfer.requestNo, transfer.channelTransactionId,
                        transfer.direction.name(), transfer.reference, transfer.fundingAccount, transfer.amount,
                        transfer.failure == null, transfer.settlesAt, transfer.returnedAt));
            }
        }
        return found;
    }

    /**
     * The card behind an agreement, as collections find it: {@code balance} null means enough for
     * anything (and a payout adds to a balance that is set), {@code frozen} fails every collection.
     */
    @PutMapping("/agreements/{agreementNo}/account")
    synchronized AccountView setAccount(@PathVariable String agreementNo, @Valid @RequestBody AccountView requested) {
        Account account = accounts.computeIfAbsent(agreementNo, no -> new Account());
        account.balance = requested.balance() == null ? null : new BigDecimal(requested.balance());
        account.frozen = requested.frozen();
        return account.view();
    }

    @GetMapping("/agreements/{agreementNo}/account")
    synchronized AccountView account(@PathVariable String agreementNo) {
        Account account = accounts.get(agreementNo);
        return account == null ? new AccountView(null, false) : account.view();
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

    private ChannelFault nextFault(Direction direction) {
        ChannelFault current = fault;
        if (current.mode().collectionOnly() && direction != Direction.COLLECTION) {
            return ChannelFault.NONE;
        }
        if (current.times() > 0 && --faultTransfersLeft <= 0) {
            fault = ChannelFault.NONE;
        }
        return current;
    }

    private Transfer accept(SubmitTransfer request, Direction direction, BigDecimal amount, ChannelFault current) {
        Instant now = Instant.now();
        Duration settle = current.mode() == ChannelFault.Mode.TIMEOUT ? current.delay() : settings.settleAfter();
        Failure failure = failure(direction, request.agreementNo(), amount, current);
        URI callbackUrl = request.callbackUrl() != null ? URI.create(request.callbackUrl()) : settings.callbackUrl();
        Transfer transfer = new Transfer(request.requestNo(), direction, request.reference(), request.agreementNo(),
                request.fundingAccount(), amount, now, now.plus(settle), failure, current,
                "CH" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), callbackUrl);
        transfers.put(transfer.requestNo, transfer);
        while (transfers.size() > KEPT) {
            transfers.remove(transfers.keySet().iterator().next());
        }
        log.info("{} {} of {} accepted for reference {} (fault {}{})", direction, transfer.requestNo,
                amount.toPlainString(), transfer.reference, current.mode(),
                failure == null ? "" : ", fails " + failure.code());
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
            case NONE, FAIL, INSUFFICIENT_FUNDS, CARD_FROZEN -> callBack(transfer, callbackUrl, settle);
        }
        return transfer;
    }

    /** Why the transfer will fail, decided when it is accepted; null if it will succeed (and the card's balance moves). */
    private Failure failure(Direction direction, String agreementNo, BigDecimal amount, ChannelFault current) {
        switch (current.mode()) {
            case FAIL -> {
                return new Failure("CARD_ABNORMAL", "the " + (direction == Direction.PAYOUT ? "receiving" : "paying")
                        + " card is frozen at its bank (simulated)");
            }
            case INSUFFICIENT_FUNDS -> {
                return Failure.INSUFFICIENT_FUNDS;
            }
            case CARD_FROZEN -> {
                return Failure.CARD_FROZEN;
            }
            default -> { }
        }
        Account account = accounts.get(agreementNo);
        if (account == null) {
            return null;
        }
        if (direction == Direction.COLLECTION) {
            if (account.frozen) {
                return Failure.CARD_FROZEN;
            }
            if (account.balance != null) {
                if (account.balance.compareTo(amount) < 0) {
                    return Failure.INSUFFICIENT_FUNDS;
                }
                account.balance = account.balance.subtract(amount);
            }
        } else if (account.balance != null) {
            account.balance = account.balance.add(amount);
        }
        return null;
    }

    private void callBack(Transfer transfer, URI url, Duration after) {
        callbacks.sendLater(url, transfer.callback(), after, status -> {
            synchronized (Transfers.this) {
                transfer.callbacksSent++;
            }
        });
    }

    /**
     * A transfer order; the agreement number identifies the bound card, so no card number travels.
     * {@code fundingAccount} (optional) names the funding partner whose account pays a payout or
     * receives a collection: the transfer then appears on that partner's statement.
     */
    record SubmitTransfer(
            @NotBlank @Size(max = 64) String requestNo,
            @NotBlank @Size(max = 64) String agreementNo,
            @NotBlank @Pattern(regexp = "^(0|[1-9][0-9]{0,14})\\.[0-9]{2}$", message = "must be a positive amount with two decimals")
            String amount,
            @Size(max = 64) String reference,
            @Size(max = 500) String callbackUrl,
            @Pattern(regexp = "^(PAYOUT|COLLECTION)$", message = "must be PAYOUT or COLLECTION") String direction,
            @Size(max = 64) String fundingAccount) {
    }

    record ReturnTransfer(@NotBlank @Size(max = 200) String reason) {
    }

    /** {@code balance}: a two-decimal amount, or null for a card that always has enough. */
    record AccountView(
            @Pattern(regexp = "^(0|[1-9][0-9]{0,14})\\.[0-9]{2}$", message = "must be an amount with two decimals") String balance,
            boolean frozen) {
    }

    /** {@code fundingAccount} is left out when the request named none, so such a view reads as it always did. */
    record TransferView(String requestNo, String direction, String reference, String amount, String status,
                        String channelTransactionId, String failureCode, String failureReason, Instant acceptedAt,
                        Instant completedAt, String returnReason, Instant returnedAt, int submissions, int queries,
                        int callbacksSent, @JsonInclude(JsonInclude.Include.NON_NULL) String fundingAccount) {
    }

    enum Direction { PAYOUT, COLLECTION }

    private record Failure(String code, String reason) {
        static final Failure INSUFFICIENT_FUNDS = new Failure("INSUFFICIENT_FUNDS",
                "the card's balance is less than the amount to collect (simulated)");
        static final Failure CARD_FROZEN = new Failure("CARD_FROZEN", "the card is frozen at its bank (simulated)");
    }

    private static final class Account {
        BigDecimal balance;
        boolean frozen;

        AccountView view() {
            return new AccountView(balance == null ? null : balance.toPlainString(), frozen);
        }
    }

    private static final class Transfer {
        final String requestNo;
        final Direction direction;
        final String reference;
        final String agreementNo;
        final String fundingAccount;
        final BigDecimal amount;
        final Instant acceptedAt;
        final Instant settlesAt;
        final Failure failure;
        final ChannelFault fault;
        final String channelTransactionId;
        final URI callbackUrl;
        int submissions = 1;
        int queries;
        int callbacksSent;
        Instant returnedAt;
        String returnReason;

        Transfer(String requestNo, Direction direction, String reference, String agreementNo, String fundingAccount,
                 BigDecimal amount, Instant acceptedAt, Instant settlesAt, Failure failure, ChannelFault fault,
                 String channelTransactionId, URI callbackUrl) {
            this.requestNo = requestNo;
            this.direction = direction;
            this.reference = reference;
            this.agreementNo = agreementNo;
            this.fundingAccount = fundingAccount;
            this.amount = amount;
            this.acceptedAt = acceptedAt;
            this.settlesAt = settlesAt;
            this.failure = failure;
            this.fault = fault;
            this.channelTransactionId = channelTransactionId;
            this.callbackUrl = callbackUrl;
        }

        String status(Instant now) {
            if (returnedAt != null) {
                return "RETURNED";
            }
            if (now.isBefore(settlesAt)) {
                return "PROCESSING";
            }
            return failure != null ? "FAILED" : "SUCCESS";
        }

        TransferCallback callback() {
            String status = returnedAt != null ? "RETURNED" : failure != null ? "FAILED" : "SUCCESS";
            return new TransferCallback(requestNo, status, amount.toPlainString(), channelTransactionId,
                    failure == null ? null : failure.code(), failure == null ? null : failure.reason(), settlesAt,
                    returnReason, returnedAt);
        }

        TransferView view(Instant now) {
            String status = status(now);
            boolean settled = !"PROCESSING".equals(status);
            boolean failed = settled && failure != null;
            return new TransferView(requestNo, direction.name(), reference, amount.toPlainString(), status,
                    channelTransactionId, failed ? failure.code() : null, failed ? failure.reason() : null,
                    acceptedAt, settled ? settlesAt : null, returnReason, returnedAt, submissions, queries,
                    callbacksSent, fundingAccount);
        }
    }
}
