package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.ReserveLimit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** A drawdown's ReserveLimit, checked: a customer and a positive amount in whole fen. */
record ReservationRequest(UUID drawdownId, UUID customerId, BigDecimal amount) {

    /** numeric(19, 2): 17 digits before the point. */
    private static final BigDecimal AMOUNT_CEILING = new BigDecimal("1e17");

    /**
     * Checks {@code command}; a command that names no drawdown is not handled here (nobody to answer).
     *
     * @throws ReservationRefused naming what is at fault
     */
    static ReservationRequest of(ReserveLimit command) {
        if (command.customerId() == null) {
            throw new ReservationRefused(ReservationRefusal.NO_LINE, "the command names no customer whose line to reserve on");
        }
        String text = command.amount();
        if (text == null || text.isBlank()) {
            throw new ReservationRefused(ReservationRefusal.INVALID_AMOUNT, "amount is missing");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ReservationRefused(ReservationRefusal.INVALID_AMOUNT, "amount is not a decimal number, was '" + shown(text) + "'");
        }
        if (amount.signum() <= 0) {
            throw new ReservationRefused(ReservationRefusal.INVALID_AMOUNT, "amount must be positive, was " + shown(text));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new ReservationRefused(ReservationRefusal.INVALID_AMOUNT, "amount must be whole fen (two decimals), was " + shown(text));
        }
        if (amount.compareTo(AMOUNT_CEILING) >= 0) {
            throw new ReservationRefused(ReservationRefusal.INVALID_AMOUNT, "amount is too large to hold, was " + shown(text));
        }
        return new ReservationRequest(command.drawdownId(), command.customerId(), amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** The offending value as a reason may quote it: a command is not trusted to be short. */
    private static String shown(String text) {
        String value = text.strip();
        return value.length() <= 32 ? value : value.substring(0, 32) + "...";
    }
}
