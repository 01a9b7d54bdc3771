package com.lendflow.payment.disbursement;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.Submission;
import com.lendflow.payment.channel.PaymentChannel.TransferOrder;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import com.lendflow.payment.transfer.TransferKind;
import com.lendflow.payment.transfer.TransferOutcomes;
import com.lendflow.payment.transfer.TransferQueryBack;
import com.lendflow.payment.transfer.TransferSender;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disbursements as channel transfers: paid out to the card, settled by SUCCESS or FAILED, each
 * outcome answered to loan-order on the disbursement topic. Sending, query-back and outcomes are
 * the transfer core's.
 */
@Component
class DisbursementTransfers implements TransferKind<Disbursement>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DisbursementTransfers.class);

    private final Disbursements disbursements;
    private final DisbursementEvents events;
    private final DisbursementProperties properties;
    private final Outbox outbox;
    private final TransferOutcomes<Disbursement> outcomes;
    private final TransferSender<Disbursement> sender;
    private final TransferQueryBack<Disbursement> queryBack;

    DisbursementTransfers(Disbursements disbursements, DisbursementEvents events, DisbursementProperties properties,
                          Outbox outbox, PaymentChannel channel, TransactionTemplate transactions, Clock clock) {
        this.disbursements = disbursements;
        this.events = events;
        this.properties = properties;
        this.outbox = outbox;
        this.outcomes = new TransferOutcomes<>(this);
        this.sender = new TransferSender<>(outcomes, channel, transactions, clock);
        this.queryBack = new TransferQueryBack<>(outcomes, sender, channel, transactions, clock);
    }

    /** Sends in the background, after the command that recorded it has committed. */
    void sendSoon(UUID drawdownId) {
        sender.sendSoon(drawdownId);
    }

    TransferOutcomes<Disbursement> outcomes() {
        return outcomes;
    }

    @Scheduled(fixedDelayString = "${lendflow.payment.disbursement.poll-interval:2s}",
            initialDelayString = "${lendflow.payment.disbursement.poll-interval:2s}")
    void followUp() {
        queryBack.run();
    }

    @Override
    public String what() {
        return "transfer";
    }

    @Override
    public String label(Disbursement d) {
        return "disbursement " + d.requestNo() + " of drawdown " + d.drawdownId();
    }

    @Override
    public Disbursements transfers() {
        return disbursements;
    }

    @Override
    public Timing timing() {
        return new Timing(properties.callbackWait(), properties.queryInterval(), properties.maxQueryInterval(),
                properties.stuckAfter(), properties.notFoundAfter());
    }

    @Override
    public void record(UUID drawdownId, String kind, String outcome, String detail, Instant now) {
        events.save(DisbursementEvent.of(drawdownId, kind, outcome, detail, now));
    }

    @Override
    public Submission submit(PaymentChannel channel, TransferOrder order) {
        return channel.submit(order);
    }

    @Override
    public Set<TransferStatus.Outcome> finalOutcomes() {
        return Set.of(TransferStatus.Outcome.SUCCESS, TransferStatus.Outcome.FAILED);
    }

    @Override
    public String failureCode(String channelCode) {
        return TransferOutcomes.CHANNEL_NO_RECORD.equals(channelCode)
                ? TransferOutcomes.CHANNEL_NO_RECORD : Disbursement.CHANNEL_FAILED;
    }

    @Override
    public boolean noRecordIsChannelFailure() {
        return true;
    }

    @Override
    public void succeeded(Disbursement d, Instant now) {
        outbox.publish(Topics.PAYMENT_DISBURSEMENT, d.drawdownId().toString(), DisbursementSucceeded.TYPE,
                d.succeededReply());
        log.info("disbursement {} of {} for drawdown {} succeeded", d.requestNo(), Amounts.text(d.amount()),
                d.drawdownId());
    }

    @Override
    public void failed(Disbursement d, String code, String reason, Instant now) {
        outbox.publish(Topics.PAYMENT_DISBURSEMENT, d.drawdownId().toString(), DisbursementFailed.TYPE,
                d.failedReply());
        log.info("disbursement {} for drawdown {} failed at the channel: {}", d.requestNo(), d.drawdownId(), reason);
    }

    @Override
    public void destroy() {
        sender.close();
    }
}
