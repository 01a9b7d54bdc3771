package com.lendflow.antifraud.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What is known about one drawdown when the drawdown rules run. Holds no identifier itself: the
 * device is known only by whether it was seen before and whether it is blacklisted.
 *
 * @param deviceReported       whether the app sent a usable device id (without one, NEW_DEVICE cannot judge)
 * @param deviceSeenBefore     whether this customer used the device before (an application or a passed drawdown)
 * @param deviceBlacklisted    whether the device is on the blacklist
 * @param cardReported         whether the command named the card the money goes to
 * @param lastDrawdownCardDiffers whether the customer's last passed drawdown went to another card (false when there was none)
 * @param cardFirstSeenAt      when a drawdown of this customer first named the card (this one, if none before)
 * @param requestedAt          when the drawdown was requested
 * @param drawdownsInWindow    the customer's drawdowns within the DRAWDOWN_VELOCITY window, this one included
 */
public record DrawdownFacts(boolean deviceReported, boolean deviceSeenBefore, boolean deviceBlacklisted, boolean cardReported,
                            boolean lastDrawdownCardDiffers, Optional<Instant> cardFirstSeenAt, Instant requestedAt,
                            int drawdownsInWindow) {

    public DrawdownFacts {
        cardFirstSeenAt = cardFirstSeenAt == null ? Optional.empty() : cardFirstSeenAt;
    }
}
