package com.lendflow.reconciliation.matching;

import com.lendflow.reconciliation.statement.BadStatement;
import com.lendflow.reconciliation.statement.Source;
import java.util.List;

/**
 * The three reconciliations of a business date, which files each compares and how a file's records
 * become staged rows: a side (ours or theirs), a leg (which pair of files the key is compared across),
 * the key, whether money went out (PAYOUT) or came in (COLLECTION), and a status on one scale
 * (SUCCESS, FAILED, PENDING, RETURNED).
 *
 * <ul>
 *   <li>INTERNAL: loan-order's drawdowns and core-ledger's movements (ours) against payment-service's
 *       transactions (theirs), by business id. A payout is compared twice: with the drawdown (leg DRAWDOWN)
 *       and with the ledger's disbursement (leg LEDGER); collections with the ledger's repayments.</li>
 *   <li>CHANNEL: payment-service's transactions (ours) against the channel's statement, by request number.</li>
 *   <li>FUNDING_PARTNER: core-ledger's movements of the partner (ours) against its statement, by business id.</li>
 * </ul>
 */
public enum Reconciliation {

    INTERNAL(List.of(Source.LOAN_ORDER, Source.LEDGER, Source.PAYMENT)),
    CHANNEL(List.of(Source.PAYMENT, Source.CHANNEL)),
    FUNDING_PARTNER(List.of(Source.LEDGER, Source.FUNDING));

    /** INTERNAL's one party. */
    public static final String INTERNAL_PARTY = "internal";

    private final List<Source> sources;

    Reconciliation(List<Source> sources) {
        this.sources = sources;
    }

    /** The files of this reconciliation, ours first. */
    public List<Source> sources() {
        return sources;
    }

    /** Which side a source is on in this reconciliation: payment is theirs to the loan system, ours to the channel. */
    public char side(Source source) {
        return switch (this) {
            case INTERNAL -> source == Source.PAYMENT ? 'T' : 'O';
            case CHANNEL -> source == Source.PAYMENT ? 'O' : 'T';
            case FUNDING_PARTNER -> source == Source.LEDGER ? 'O' : 'T';
        };
    }

    /** One row to stage. {@code at} and {@code loanId} may be null. */
    public record Row(char side, String leg, String key, String kind, String status, String amount, String at,
                      String loanId) {
    }

    public interface RowSink {
        void accept(Row row);
    }

    /** Maps one record of {@code source} (already checked for its columns and amount) to the rows it stages. */
    public void map(Source source, String party, String[] c, RowSink sink) {
        char side = side(source);
        switch (source) {
            case PAYMENT -> {
                String kind = direction(c[1]);
                String status = switch (c[5]) {
                    case "SUCCEEDED" -> "SUCCESS";
                    case "PROCESSING" -> "PENDING";
                    case "FAILED", "RETURNED" -> c[5];
                    default -> throw new BadStatement("record " + c[0] + ": unknown status '" + c[5] + "'");
                };
                if (this == CHANNEL) {
                    sink.accept(new Row(side, "CHANNEL", c[0], kind, status, c[4], c[7], empty(c[3])));
                } else {
                    if (kind.equals("PAYOUT")) {
                        sink.accept(new Row(side, "DRAWDOWN", c[2], kind, status, c[4], c[7], empty(c[3])));
                    }
                    sink.accept(new Row(side, "LEDGER", c[2], kind, status, c[4], c[7], empty(c[3])));
                }
            }
            case LEDGER -> {
                String kind = switch (c[1]) {
                    case "DISBURSEMENT" -> "PAYOUT";
                    case "REPAYMENT", "PREPAYMENT", "RECOVERY" -> "COLLECTION";
                    // A reversal gives back a collection matched on the day it was collected; payment lists the
                    // collection once (RETURNED) on that day, so the reversal has nothing of its own to match.
                    case "REVERSAL" -> null;
                    default -> throw new BadStatement("record " + c[0] + ": unknown kind '" + c[1] + "'");
                };
                if (kind == null || (this == FUNDING_PARTNER && !party.equals(c[6]))) {
                    return;
                }
                sink.accept(new Row(side, this == FUNDING_PARTNER ? "FUNDING" : "LEDGER", c[0], kind, "SUCCESS", c[3],
                        empty(c[8]), empty(c[2])));
            }
            case LOAN_ORDER -> {
                String status = switch (c[1]) {
                    case "DISBURSED" -> "SUCCESS";
                    case "FAILED" -> "FAILED";
                    default -> throw new BadStatement("record " + c[0] + ": unknown state '" + c[1] + "'");
                };
                sink.accept(new Row(side, "DRAWDOWN", c[0], "PAYOUT", status, c[2], empty(c[5]), empty(c[3])));
            }
            case CHANNEL -> {
                if (!List.of("SUCCESS", "FAILED", "RETURNED").contains(c[4])) {
                    throw new BadStatement("record " + c[1] + ": unknown status '" + c[4] + "'");
                }
                sink.accept(new Row(side, "CHANNEL", c[1], direction(c[2]), c[4], c[3], empty(c[5]), null));
            }
            case FUNDING -> {
                String kind = switch (c[2]) {
                    case "DISBURSEMENT" -> "PAYOUT";
                    case "REPAYMENT" -> "COLLECTION";
                    default -> throw new BadStatement("record " + c[1] + ": unknown type '" + c[2] + "'");
                };
                // A value date has no time of day: their record cannot be told to lie near midnight.
                sink.accept(new Row(side, "FUNDING", c[1], kind, "SUCCESS", c[3], null, null));
            }
            default -> throw new IllegalStateException("unknown source " + source);
        }
    }

    private static String direction(String direction) {
        return switch (direction) {
            case "PAYOUT", "COLLECTION" -> direction;
            default -> throw new BadStatement("unknown direction '" + direction + "'");
        };
    }

    private static String empty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
