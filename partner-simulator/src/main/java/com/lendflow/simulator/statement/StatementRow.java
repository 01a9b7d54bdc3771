package com.lendflow.simulator.statement;

import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One record line of a statement. Dates are calendar dates in Asia/Shanghai, where the partners
 * keep their books.
 */
sealed interface StatementRow permits StatementRow.ChannelRow, StatementRow.FundingRow {

    ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZONE);
    /** Where a record moved to another day lands: just across midnight, as a cut-off slip puts it. */
    LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);
    LocalTime FIRST_SECOND = LocalTime.of(0, 0, 1);

    /** What breaks are aimed at: the request number on the channel's statement, the reference on a partner's. */
    String key();

    /** The statement this record belongs to. */
    LocalDate date();

    /** Orders a statement: the channel and the partners list their day as it happened. */
    Instant at();

    BigDecimal amount();

    /** The record as a CSV line, without its line end. */
    String line();

    StatementRow withAmount(BigDecimal amount);

    /** The same record one day later ({@code +1}) or earlier ({@code -1}). */
    StatementRow movedBy(int days);

    static Instant on(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toInstant();
    }

    /** {@code channel_txn_id,request_no,direction,amount,status,completed_at} */
    record ChannelRow(String channelTxnId, String requestNo, String direction, BigDecimal amount, String status,
                      Instant completedAt) implements StatementRow {

        static final String HEADER = "channel_txn_id,request_no,direction,amount,status,completed_at";

        @Override
        public String key() {
            return requestNo;
        }

        @Override
        public LocalDate date() {
            return LocalDate.ofInstant(completedAt, ZONE);
        }

        @Override
        public Instant at() {
            return completedAt;
        }

        @Override
        public String line() {
            return channelTxnId + "," + requestNo + "," + direction + "," + Amounts.text(amount) + "," + status + ","
                    + INSTANT.format(completedAt);
        }

        @Override
        public ChannelRow withAmount(BigDecimal changed) {
            return new ChannelRow(channelTxnId, requestNo, direction, changed, status, completedAt);
        }

        ChannelRow withStatus(String changed) {
            return new ChannelRow(channelTxnId, requestNo, direction, amount, changed, completedAt);
        }

        @Override
        public ChannelRow movedBy(int days) {
            LocalDate to = date().plusDays(days);
            return new ChannelRow(channelTxnId, requestNo, direction, amount, status,
                    on(to, days > 0 ? FIRST_SECOND : LAST_SECOND));
        }
    }

    /** {@code partner_txn_id,reference,type,amount,value_date}; {@code partnerId} says whose statement it is on. */
    record FundingRow(String partnerTxnId, String reference, String type, BigDecimal amount, LocalDate valueDate,
                      Instant at, String partnerId) implements StatementRow {

        static final String HEADER = "partner_txn_id,reference,type,amount,value_date";

        @Override
        public String key() {
            return reference;
        }

        @Override
        public LocalDate date() {
            return valueDate;
        }

        @Override
        public String line() {
            return partnerTxnId + "," + (reference == null ? "" : reference) + "," + type + "," + Amounts.text(amount)
                    + "," + valueDate;
        }

        @Override
        public FundingRow withAmount(BigDecimal changed) {
            return new FundingRow(partnerTxnId, reference, type, changed, valueDate, at, partnerId);
        }

        @Override
        public FundingRow movedBy(int days) {
            LocalDate to = valueDate.plusDays(days);
            return new FundingRow(partnerTxnId, reference, type, amount, to, on(to, days > 0 ? FIRST_SECOND : LAST_SECOND),
                    partnerId);
        }
    }
}
