package com.lendflow.payment.card;

import com.lendflow.platform.security.crypto.EncryptedStringConverter;
import com.lendflow.platform.web.ApiProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A customer's bank card and its binding at the channel. The number, holder name and reserved
 * mobile are stored only encrypted; the BIN, the last four digits and an opaque token are what
 * the rest of Lendflow sees.
 */
@Entity
@Table(name = "bank_card")
class BankCard {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CardState state;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "card_number_encrypted", nullable = false, updatable = false)
    private String cardNumber;

    @Column(name = "card_number_index", nullable = false, updatable = false)
    private String cardNumberIndex;

    @Column(name = "card_token", nullable = false, updatable = false)
    private String token;

    @Column(nullable = false, updatable = false)
    private String bin;

    @Column(nullable = false, updatable = false)
    private String last4;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "holder_name_encrypted", nullable = false, updatable = false)
    private String holderName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reserved_mobile_encrypted", nullable = false, updatable = false)
    private String reservedMobile;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "binding_id")
    private String bindingId;

    @Column(name = "agreement_no")
    private String agreementNo;

    @Column(name = "wrong_codes", nullable = false)
    private int wrongCodes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "code_sent_at")
    private Instant codeSentAt;

    @Column(name = "bound_at")
    private Instant boundAt;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Version
    private Long version;

    protected BankCard() {
    }

    static BankCard record(UUID customerId, CardNumber number, String cardNumberIndex, String holderName,
                           String reservedMobile, String channel, Instant now) {
        BankCard card = new BankCard();
        card.id = UUID.randomUUID();
        card.customerId = customerId;
        card.state = CardState.PENDING;
        card.cardNumber = number.digits();
        card.cardNumberIndex = cardNumberIndex;
        byte[] token = new byte[18];
        RANDOM.nextBytes(token);
        card.token = "ctk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        card.bin = number.bin();
        card.last4 = number.last4();
        card.holderName = holderName;
        card.reservedMobile = reservedMobile;
        card.channel = channel;
        card.createdAt = now;
        return card;
    }

    /** The channel texted a code for binding {@code bindingId}. */
    void codeSent(String bindingId, Instant now) {
        if (state != CardState.PENDING) {
            throw new IllegalStateException("card " + id + " is " + state + ", not waiting for a code to be sent");
        }
        this.bindingId = bindingId;
        this.codeSentAt = now;
        this.state = CardState.CODE_SENT;
    }

    /** Refuses a confirmation this card cannot take; a BOUND card is answered as it is. */
    void requireConfirmable() {
        switch (state) {
            case CODE_SENT, BOUND -> { }
            case PENDING -> throw ApiProblem.conflict("card-code-not-sent",
                    "no code has been sent for this card yet; repeat the binding request with the same Idempotency-Key");
            case LOCKED -> throw locked();
        }
    }

    void bound(String agreementNo, Instant now) {
        if (state == CardState.BOUND) {
            return;
        }
        requireConfirmable();
        this.agreementNo = agreementNo;
        this.boundAt = now;
        this.state = CardState.BOUND;
    }

    /**
     * Counts a wrong code; the {@code maxWrongCodes}th locks the card.
     *
     * @return how many attempts are left (0 once locked)
     */
    int wrongCode(int maxWrongCodes, Instant now) {
        requireConfirmable();
        wrongCodes++;
        if (wrongCodes >= maxWrongCodes) {
            state = CardState.LOCKED;
            lockedAt = now;
            return 0;
        }
        return maxWrongCodes - wrongCodes;
    }

    static ApiProblem locked() {
        return new ApiProblem(HttpStatus.LOCKED, "card-binding-locked", "Card binding locked",
                "too many wrong codes were entered for this card; bind it again later or contact support");
    }

    boolean isBound() {
        return state == CardState.BOUND;
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    CardState state() {
        return state;
    }

    String cardNumber() {
        return cardNumber;
    }

    String cardNumberIndex() {
        return cardNumberIndex;
    }

    String token() {
        return token;
    }

    String bin() {
        return bin;
    }

    String last4() {
        return last4;
    }

    String holderName() {
        return holderName;
    }

    String reservedMobile() {
        return reservedMobile;
    }

    String channel() {
        return channel;
    }

    String bindingId() {
        return bindingId;
    }

    String agreementNo() {
        return agreementNo;
    }

    int wrongCodes() {
        return wrongCodes;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant boundAt() {
        return boundAt;
    }

    /** {@code 6222 **** **** 1234}, the way Mask shows a card. */
    String masked() {
        return bin.substring(0, 4) + " **** **** " + last4;
    }

    @Override
    public String toString() {
        return "BankCard[id=" + id + ", customerId=" + customerId + ", state=" + state + ", card=" + masked() + "]";
    }
}
