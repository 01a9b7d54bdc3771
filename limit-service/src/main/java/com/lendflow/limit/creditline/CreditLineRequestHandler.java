package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.CreditLineLowered;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.contracts.limit.FreezeCreditLine;
import com.lendflow.contracts.limit.LowerCreditLine;
import com.lendflow.contracts.limit.UnfreezeCreditLine;
import com.lendflow.platform.messaging.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezes, unfreezes and lowerings of a line, from collection's rules, antifraud or staff; once per
 * request id: a request seen before is answered as it was, whatever the line has done since.
 *
 * <p>Freezes stack: each is kept with its code and requester and the line is frozen while any
 * holds. An unfreeze by a service lifts only the freezes that service placed (collection's
 * automatic unfreeze after repayment lifts its OVERDUE freeze, not antifraud's FRAUD_SIGNAL nor an
 * ops freeze); an unfreeze by a person (staff, through the ops API or relayed by a service) lifts
 * every freeze but OVER_OCCUPIED, which only repayment lifts.
 */
@Component
class CreditLineRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(CreditLineRequestHandler.class);

    private final CreditLines creditLines;
    private final CreditLineRequests requests;
    private final LineFreezes freezes;
    private final CreditLineSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    CreditLineRequestHandler(CreditLines creditLines, CreditLineRequests requests, LineFreezes freezes,
                             CreditLineSettings settings, Outbox outbox, Clock clock) {
        this.creditLines = creditLines;
        this.requests = requests;
        this.freezes = freezes;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @throws CreditLineRequestRefused if the command cannot be carried out as sent */
    @Transactional
    public CreditLineRequest handle(FreezeCreditLine command) {
        FreezeCode code = FreezeCode.parse(command.code()).orElseThrow(() -> new CreditLineRequestRefused("code",
                "code must be one of OVERDUE, BUREAU_DELINQUENCY, FRAUD_SIGNAL, DEBT_RELIEF, OPS, was '%s'".formatted(command.code())));
        require(command.requestId(), command.customerId(), command.reason(), command.requestedBy());
        CreditLine line = lock(command.customerId());
        Optional<CreditLineRequest> earlier = earlier(command.requestId(), CreditLineRequest.Kind.FREEZE);
        if (earlier.isPresent()) {
            outbox.publish(Topics.LIMIT_CREDIT_LINE, command.customerId().toString(),
                    com.lendflow.contracts.limit.CreditLineFrozen.TYPE, earlier.get().frozenReply());
            return earlier.get();
        }
        CreditLineRequest freeze = CreditLineRequest.freeze(command.requestId(), command.customerId(), code,
                command.reason().strip(), command.requestedBy(), now());
        freezes.hold(line, freeze);
        log.info("froze customer {}'s line ({}) at the request of {}: {}", command.customerId(), code,
                command.requestedBy(), command.reason());
        return freeze;
    }

    /** An unfreeze whose requester decides what it lifts (see the class comment). */
    @Transactional
    public CreditLineRequest handle(UnfreezeCreditLine command) {
        return unfreeze(command, isPerson(command.requestedBy()));
    }

    /** @param everything true for staff: lift every freeze but OVER_OCCUPIED; false: only the requester's own */
    @Transactional
    public CreditLineRequest unfreeze(UnfreezeCreditLine command, boolean everything) {
        require(command.requestId(), command.customerId(), command.reason(), command.requestedBy());
        CreditLine line = lock(command.customerId());
        Optional<CreditLineRequest> earlier = earlier(command.requestId(), CreditLineRequest.Kind.UNFREEZE);
        if (earlier.isPresent()) {
            answerUnfrozen(earlier.get());
            return earlier.get();
        }
        Instant now = now();
        Predicate<CreditLineRequest> liftable = freeze -> !FreezeCode.OVER_OCCUPIED.name().equals(freeze.code())
                && (everything || command.requestedBy().equals(freeze.requestedBy()));
        List<CreditLineRequest> lifted = freezes.lift(line, liftable, command.requestId(), now);
        String codes = String.join(",", lifted.stream().map(CreditLineRequest::code).distinct().sorted().toList());
        CreditLineRequest unfreeze = requests.save(CreditLineRequest.unfreeze(command.requestId(), command.customerId(),
                command.reason().strip(), command.requestedBy(), codes.isEmpty() ? null : codes, line.statusOn(today()), now));
        answerUnfrozen(unfreeze);
        log.info("unfreeze {} by {} lifted [{}] on customer {}'s line, now {}", command.requestId(), command.requestedBy(),
                codes, command.customerId(), unfreeze.statusAfter());
        return unfreeze;
    }

    @Transactional
    public CreditLineRequest handle(LowerCreditLine command) {
        require(command.requestId(), command.customerId(), command.reason(), command.requestedBy());
        BigDecimal requested = LimitAmounts.parse(command.newLimit()).orElseThrow(() -> new CreditLineRequestRefused(
                "newLimit", "newLimit must be an amount of at least 0.00 in whole fen, was '%s'".formatted(command.newLimit())));
        CreditLine line = lock(command.customerId());
        Optional<CreditLineRequest> earlier = earlier(command.requestId(), CreditLineRequest.Kind.LOWER);
        if (earlier.isPresent()) {
            answerLowered(earlier.get());
            return earlier.get();
        }
        BigDecimal from = line.creditLimit();
        BigDecimal to = line.lower(requested);
        CreditLineRequest lowering = requests.save(CreditLineRequest.lower(command.requestId(), command.customerId(),
                command.code(), command.reason().strip(), command.requestedBy(), requested, from, to, line.statusOn(today()),
                now()));
        answerLowered(lowering);
        log.info("lowered customer {}'s line from {} to {} (asked {}) at the request of {}: {}", command.customerId(),
                from, to, requested, command.requestedBy(), command.reason());
        return lowering;
    }

    /** Services sign as {@code <name>-service} (or {@code system}); anyone else is a person. */
    static boolean isPerson(String requestedBy) {
        return requestedBy != null && !requestedBy.endsWith("-service") && !"system".equals(requestedBy);
    }

    private void answerUnfrozen(CreditLineRequest unfreeze) {
        outbox.publish(Topics.LIMIT_CREDIT_LINE, unfreeze.customerId().toString(), CreditLineUnfrozen.TYPE,
                unfreeze.unfrozenReply());
    }

    private void answerLowered(CreditLineRequest lowering) {
        outbox.publish(Topics.LIMIT_CREDIT_LINE, lowering.customerId().toString(), CreditLineLowered.TYPE,
                lowering.loweredReply());
    }

    private Optional<CreditLineRequest> earlier(String requestId, CreditLineRequest.Kind kind) {
        Optional<CreditLineRequest> earlier = requests.findById(requestId);
        earlier.ifPresent(request -> {
            if (request.kind() != kind) {
                throw new CreditLineRequestRefused("requestId", "request %s was a %s, not a %s"
                        .formatted(requestId, request.kind(), kind));
            }
            log.info("{} request {} was answered before; answering again", kind, requestId);
        });
        return earlier;
    }

    private CreditLine lock(UUID customerId) {
        return creditLines.lockById(customerId).orElseThrow(() -> new CreditLineMissing(customerId));
    }

    private static void require(String requestId, UUID customerId, String reason, String requestedBy) {
        if (requestId == null || requestId.isBlank() || customerId == null) {
            throw new CreditLineRequestRefused("requestId", "the request names no request id or no customer");
        }
        if (reason == null || reason.strip().length() < 3 || reason.strip().length() > CreditLineRequest.REASON_LENGTH) {
            throw new CreditLineRequestRefused("reason", "a reason of 3 to 500 characters is required");
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new CreditLineRequestRefused("requestedBy", "the request names nobody who asked for it");
        }
    }

    private LocalDate today() {
        return settings.today(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
