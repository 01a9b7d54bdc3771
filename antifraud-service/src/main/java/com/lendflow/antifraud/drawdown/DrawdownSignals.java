package com.lendflow.antifraud.drawdown;

import com.lendflow.antifraud.blacklist.Blacklist;
import com.lendflow.antifraud.blacklist.BlacklistKind;
import com.lendflow.antifraud.graph.IdentityLinks;
import com.lendflow.antifraud.identity.IdentifierKind;
import com.lendflow.antifraud.rules.DrawdownFacts;
import com.lendflow.antifraud.rules.RuleBook;
import com.lendflow.antifraud.rules.RuleCode;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gathers what the drawdown rules need, before the drawdown itself is on record: whether the
 * customer used the device before (the identity graph knows every device of their applications
 * and passed drawdowns), whether it is blacklisted, the card of their last passed drawdown and
 * when this card was first used, and how many drawdowns they asked for lately. Only rules that are
 * on cost a query. Runs in the assessment's transaction, under the customer's history lock.
 */
@Component
class DrawdownSignals {

    private final IdentityLinks links;
    private final Blacklist blacklist;
    private final DrawdownAssessments history;

    DrawdownSignals(IdentityLinks links, Blacklist blacklist, DrawdownAssessments history) {
        this.links = links;
        this.blacklist = blacklist;
        this.history = history;
    }

    DrawdownFacts gather(AssessDrawdownRisk command, Optional<String> deviceIndex, Instant requestedAt, RuleBook book) {
        UUID customer = command.customerId();
        boolean seenBefore = book.enabled(RuleCode.NEW_DEVICE).isPresent() && deviceIndex.isPresent()
                && links.linked(customer, IdentifierKind.DEVICE, deviceIndex.get());
        boolean blacklisted = book.enabled(RuleCode.BLACKLISTED_DEVICE).isPresent() && deviceIndex.isPresent()
                && blacklist.hits(Map.of(BlacklistKind.DEVICE, deviceIndex.get())).contains(BlacklistKind.DEVICE);

        boolean cardReported = command.cardId() != null;
        boolean lastCardDiffers = false;
        Optional<Instant> cardFirstUsed = Optional.empty();
        if (book.enabled(RuleCode.CARD_CHANGED_RECENTLY).isPresent() && cardReported) {
            Optional<UUID> lastCard = history.lastPassedCard(customer, requestedAt);
            lastCardDiffers = lastCard.isPresent() && !lastCard.get().equals(command.cardId());
            // Never used before: first used now, with this drawdown.
            cardFirstUsed = Optional.of(history.cardFirstUsed(customer, command.cardId())
                    .filter(first -> first.isBefore(requestedAt)).orElse(requestedAt));
        }

        // This drawdown is not on record yet: it counts as one more.
        int inWindow = book.enabled(RuleCode.DRAWDOWN_VELOCITY)
                .map(rule -> history.requestedWithin(customer, requestedAt, Duration.ofMinutes(rule.param("windowMinutes"))) + 1)
                .orElse(1);

        return new DrawdownFacts(deviceIndex.isPresent(), seenBefore, blacklisted, cardReported, lastCardDiffers,
                cardFirstUsed, requestedAt, inWindow);
    }
}
