package com.lendflow.payment.card;

import com.lendflow.payment.channel.ChannelRefused;
import com.lendflow.payment.channel.ChannelUnavailable;
import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.customer.CustomerDirectoryUnavailable;
import com.lendflow.payment.customer.CustomerNames;
import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts binding a card: checks the number (Luhn) and that the holder is the customer, records
 * the card, then has the channel text a code to the reserved mobile. The remote calls run outside
 * any transaction; the card is recorded once per Idempotency-Key, and a retry with the same key
 * asks the channel again for the same binding, which sends no second code.
 */
@Component
class StartCardBinding {

    private static final Logger log = LoggerFactory.getLogger(StartCardBinding.class);
    private static final String MOBILE = "^1[3-9][0-9]{9}$";

    private final BankCards cards;
    private final CustomerNames customerNames;
    private final PaymentChannel channel;
    private final BlindIndex blindIndex;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StartCardBinding(BankCards cards, CustomerNames customerNames, PaymentChannel channel, BlindIndex blindIndex,
                     IdempotentRequests idempotency, TransactionTemplate transactions, Clock clock) {
        this.cards = cards;
        this.customerNames = customerNames;
        this.channel = channel;
        this.blindIndex = blindIndex;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.clock = clock;
    }

    ResponseEntity<BankCardView> handle(UUID customerId, String idempotencyKey, BindCardRequest request) {
        validate(request);
        CardNumber number = CardNumber.of(request.cardNumber());
        String holderName = request.holderName().strip();
        String mobile = request.reservedMobile().strip();
        requireHolderIsCustomer(customerId, holderName);
        String index = blindIndex.of(number.digits());
        // The fingerprint of the request is kept with the key: blind indexes, never the data itself.
        Fingerprint fingerprint = new Fingerprint(customerId, index, blindIndex.of(holderName), blindIndex.of(mobile));
        ResponseEntity<?> recorded = idempotency.execute(idempotencyKey, fingerprint, () -> {
            Optional<BankCard> alreadyBound = cards.findFirstByCardNumberIndexAndState(index, CardState.BOUND);
            if (alreadyBound.isPresent()) {
                throw alreadyBound.get().customerId().equals(customerId)
                        ? ApiProblem.conflict("card-already-bound", "this card is already bound as " + alreadyBound.get().id())
                        : ApiProblem.conflict("card-bound-elsewhere", "this card is bound to another customer");
            }
            BankCard card = cards.save(BankCard.record(customerId, number, index, holderName, mobile, channel.name(),
                    now()));
            log.info("customer {} records card {} for binding", customerId, card);
            return ResponseEntity.created(URI.create("/api/v1/bank-cards/" + card.id())).body(BankCardView.of(card));
        });
        UUID cardId = UUID.fromString(pathEnd(recorded.getHeaders().getLocation()));
        BankCard card = sendCode(cardId);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/bank-cards/" + cardId))
                .body(BankCardView.of(card));
    }

    private BankCard sendCode(UUID cardId) {
        BankCard card = cards.findById(cardId).orElseThrow(() -> new IllegalStateException("card " + cardId + " vanished"));
        if (card.state() != CardState.PENDING) {
            return card;
        }
        String bindingId;
        try {
            bindingId = channel.startBinding(card.id().toString(), card.cardNumber(), card.holderName(),
                    card.reservedMobile());
        } catch (ChannelRefused refused) {
            log.warn("the channel refused to bind card {}: {}", card, refused.getMessage());
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "card-refused-by-channel", "Card refused",
                    "the payment channel does not accept this card; try another card");
        } catch (ChannelUnavailable unavailable) {
            log.warn("the channel could not start binding card {}: {}", card, unavailable.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel-unavailable", "Payment channel unavailable",
                    "the payment channel could not send the code now; repeat the request with the same Idempotency-Key");
        }
        return transactions.execute(status -> {
            BankCard locked = cards.lockById(cardId).orElseThrow();
            if (locked.state() == CardState.PENDING) {
                locked.codeSent(bindingId, now());
                log.info("channel {} texted a binding code for card {} (binding {})", channel.name(), locked, bindingId);
            }
            return locked;
        });
    }

    private void requireHolderIsCustomer(UUID customerId, String holderName) {
        Optional<String> realName;
        try {
            realName = customerNames.realNameOf(customerId);
        } catch (CustomerDirectoryUnavailable unavailable) {
            log.warn("cannot check the holder name for customer {}: {}", customerId, unavailable.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "customer-directory-unavailable",
                    "Customer check unavailable", "the customer's name cannot be checked now; try again shortly");
        }
        if (realName.isEmpty()) {
            throw ApiProblem.notFound("Customer", customerId);
        }
        if (!HolderNames.same(realName.get(), holderName)) {
            log.info("customer {} tried to bind a card in another name", customerId);
            throw new InvalidRequest(List.of(new FieldViolation("holderName", "customer-name",
                    "must be the customer's real name: a card is bound only in its owner's name")));
        }
    }

    private static void validate(BindCardRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request == null) {
            throw new InvalidRequest(List.of(new FieldViolation("body", "required", "a request body is required")));
        }
        CardNumber.violation("cardNumber", request.cardNumber()).ifPresent(violations::add);
        if (request.holderName() == null || request.holderName().isBlank()) {
            violations.add(new FieldViolation("holderName", "NotBlank", "must not be blank"));
        } else if (request.holderName().strip().length() > 50) {
            violations.add(new FieldViolation("holderName", "Size", "must be at most 50 characters"));
        }
        if (request.reservedMobile() == null || !request.reservedMobile().strip().matches(MOBILE)) {
            violations.add(new FieldViolation("reservedMobile", "Pattern",
                    "must be the 11-digit mainland mobile number the card's bank has on file"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    private static String pathEnd(URI location) {
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    record Fingerprint(UUID customerId, String cardNumberIndex, String holderNameIndex, String mobileIndex) {
    }
}
