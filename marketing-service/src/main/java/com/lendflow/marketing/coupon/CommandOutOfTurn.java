package com.lendflow.marketing.coupon;

import com.lendflow.platform.messaging.MalformedMessageException;

/**
 * A saga command that contradicts what this drawdown already did with its coupon (redeeming a
 * coupon it never locked, releasing one it already redeemed). Retrying cannot help and guessing
 * could give a used coupon back: it goes straight to the dead-letter topic for a person to look at.
 */
class CommandOutOfTurn extends MalformedMessageException {

    CommandOutOfTurn(String message) {
        super(message);
    }
}
