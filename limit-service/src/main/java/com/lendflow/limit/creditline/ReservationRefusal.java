package com.lendflow.limit.creditline;

/**
 * Why a drawdown got nothing reserved, as {@code LimitReservationRefused.code}. All but the last
 * depend on the line and are remembered per drawdown; INVALID_AMOUNT is a fault in the command.
 */
enum ReservationRefusal {
    /** The amount is more than the line has available (limit − occupied − reserved). */
    INSUFFICIENT_LIMIT,
    /** The line was opened but never granted a limit. */
    LINE_NOT_ACTIVE,
    /** The line is past its expiry date. */
    LINE_EXPIRED,
    /** The line is frozen (risk or collection). */
    LINE_FROZEN,
    /** The customer has no credit line at all, or the command names no customer. */
    NO_LINE,
    /** The amount is missing, not positive, not whole fen or too large. */
    INVALID_AMOUNT
}
