package com.lendflow.payment.card;

import com.lendflow.payment.channel.ChannelRefused;
import com.lendflow.payment.channel.ChannelUnavailable;
import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.Confirmation;
import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms a binding with the code the customer received: the channel signs the withholding
 * agreement (代扣协议) and the card becomes BOUND. A wrong code is counted; too many lock the
 * card. Confirming a card that is already bound answers with the card as it is.
 */
@Component
class ConfirmCardBinding {

    private static final Logger log = LoggerFactory.getLogger(ConfirmCardBinding.class);

    private final BankCards cards;
    private final PaymentChannel channel;
    private final CardProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConfirmCardBinding(BankCards cards, PaymentChannel channel, CardProperties properties,
                       TransactionTemplate transactions, Clock clock) {
        this.cards = cards;
        this.channel = channel;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    BankCardView handle(UUID cardId, ConfirmCardRequest request) {
        BankCard card = cards.findById(cardId).orElseThrow(() -> ApiProblem.notFound("Bank card", cardId));
        ActingCustomer.mayAccess(card.customerId(), "Bank card", cardId);
        if (request == null || request.code() == null || !request.code().strip().matches("^[0-9]{6}$")) {
            throw new InvalidRequest(List.of(new FieldViolation("code", "Pattern", "must be the 6-digit code sent by SMS")));
        }
        card.requireConfirmable();
        if (card.isBound()) {
            return BankCardView.of(card);
        }
        Confirmation confirmation;
        try {
            confirmation = channel.confirmBinding(card.bindingId(), request.code().strip());
        } catch (ChannelUnavailable | ChannelRefused failure) {
            log.warn("the channel could not confirm binding {} of card {}: {}", card.bindingId(), card, failure.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel-unavailable", "Payment channel unavailable",
                    "the payment channel could not check the code now; try again shortly");
        }
        return switch (confirmation) {
            case Confirmation.Signed signed -> bind(cardId, signed.agreementNo());
            case Confirmation.WrongCode wrong -> throw wrongCode(cardId);
            case Confirmation.CodeExpired expired -> throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "binding-code-expired", "Code expired", "the code has expired; start binding the card again");
        };
    }

    private BankCardView bind(UUID cardId, String agreementNo) {
        try {
            return transactions.execute(status -> {
                BankCard card = cards.lockById(cardId).orElseThrow();
                card.bound(agreementNo, clock.instant().truncatedTo(ChronoUnit.MICROS));
                cards.save(card);
                log.info("card {} bound through {} under withholding agreement {}", card, channel.name(), agreementNo);
                return BankCardView.of(card);
            });
        } catch (DataIntegrityViolationException boundTwice) {
            throw ApiProblem.conflict("card-bound-elsewhere", "this card was bound meanwhile by another request");
        }
    }

    private ApiProblem wrongCode(UUID cardId) {
        int left = transactions.execute(status -> {
            BankCard card = cards.lockById(cardId).orElseThrow();
            int remaining = card.wrongCode(properties.maxWrongCodes(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            log.info("wrong binding code for card {}; {} attempt(s) left", card, remaining);
            return remaining;
        });
        if (left == 0) {
            return BankCard.locked();
        }
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "wrong-binding-code", "Wrong code",
                "the code does not match the one sent to the reserved mobile; " + left + " attempt(s) left");
    }
}
