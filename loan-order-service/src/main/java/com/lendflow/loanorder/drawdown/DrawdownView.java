package com.lendflow.loanorder.drawdown;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.lendflow.loanorder.creditapplication.Rates;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A drawdown as its customer sees it: where it stands and, once paid out, the loan and its
 * schedule summary. A failure carries a message that says nothing about how it was decided.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawdownView(UUID id, String state, String step, String amount, int termMonths, String method,
                           Instant submittedAt, Instant updatedAt, UUID loanId, Schedule schedule, Failure failure) {

    static DrawdownView of(Drawdown d) {
        return new DrawdownView(d.id(), d.state().name(), d.step() == null ? null : d.step().name(), Amounts.text(d.amount()),
                d.termMonths(), d.method(), d.submittedAt(), d.updatedAt(), d.loanId(),
                d.state() == DrawdownState.DISBURSED ? Schedule.of(d) : null,
                d.state() == DrawdownState.FAILED ? Failure.of(d) : null);
    }

    /** The loan's cost as booked: amounts two-decimal strings, the rate a decimal ({@code 0.09125}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String annualRate, String totalInterest, String firstInstallment, LocalDate firstDueDate,
                           LocalDate lastDueDate, List<String> installments, Integer interestFreeDays) {

        static Schedule of(Drawdown d) {
            return new Schedule(Rates.text(d.annualRate()), text(d.totalInterest()), text(d.firstInstallment()),
                    d.firstDueDate(), d.lastDueDate(), d.installments().isEmpty() ? null : d.installments(),
                    d.interestFreeDays() == 0 ? null : d.interestFreeDays());
        }
    }

    public record Failure(String reasonCode, String message) {

        static Failure of(Drawdown d) {
            CustomerReason reason = CustomerReason.of(d);
            return new Failure(reason.name(), reason.message);
        }
    }

    /** What a customer is told, whatever the internal reason. */
    enum CustomerReason {
        INSUFFICIENT_LIMIT("Your available credit is not enough for this amount."),
        CREDIT_LINE_FROZEN("Your credit line is frozen, so you can't borrow at the moment. Please contact customer service."),
        COUPON_NOT_USABLE("The coupon can't be used for this loan. Try again without it."),
        CARD_NOT_USABLE("We couldn't pay to this card. Please check it or choose another."),
        NOT_APPROVED("We can't offer you this loan at the moment."),
        NOT_COMPLETED("We couldn't complete your loan just now. Please try again later.");

        private final String message;

        CustomerReason(String message) {
            this.message = message;
        }

        static CustomerReason of(Drawdown d) {
            String code = String.valueOf(d.reasonCode());
            return switch (d.step()) {
                case RESERVE_LIMIT -> switch (code) {
                    case "INSUFFICIENT_LIMIT" -> INSUFFICIENT_LIMIT;
                    case "LINE_FROZEN" -> CREDIT_LINE_FROZEN;
                    default -> NOT_COMPLETED;
                };
                case LOCK_COUPON -> "STEP_TIMEOUT".equals(code) ? NOT_COMPLETED : COUPON_NOT_USABLE;
                case ASSESS_RISK, DECIDE -> "STEP_TIMEOUT".equals(code) || "INVALID_REPLY".equals(code)
                        ? NOT_COMPLETED : NOT_APPROVED;
                case DISBURSE -> code.startsWith("CARD") ? CARD_NOT_USABLE : NOT_COMPLETED;
                case null, default -> NOT_COMPLETED;
            };
        }
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : Amounts.text(amount);
    }
}
