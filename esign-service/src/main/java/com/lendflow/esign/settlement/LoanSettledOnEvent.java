package com.lendflow.esign.settlement;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.platform.messaging.Inbox;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * core-ledger's {@code LoanSettled}: the loan's certificate is requested, once per loan however
 * often the event arrives (the request's key is the loan id). {@link SettlementCertificateIssuer}
 * issues it outside this transaction. Other events on the loan topic are skipped.
 */
@Component
class LoanSettledOnEvent {

    static final String CONSUMER = "esign-service.settlement-certificate";
    private static final Logger log = LoggerFactory.getLogger(LoanSettledOnEvent.class);

    private final Inbox inbox;
    private final CertificateRequests requests;
    private final SettlementCertificateIssuer issuer;
    private final Clock clock;

    LoanSettledOnEvent(Inbox inbox, CertificateRequests requests, SettlementCertificateIssuer issuer, Clock clock) {
        this.inbox = inbox;
        this.requests = requests;
        this.issuer = issuer;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_LOAN)
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        boolean[] requested = {false};
        inbox.receive(record, CONSUMER, LoanSettled.TYPE, (envelope, settled) -> {
            requested[0] = requests.request(SettledLoan.of(settled), clock.instant());
            if (requested[0]) {
                log.info("loan {} settled on {}: settlement certificate requested", settled.loanId(), settled.settledOn());
            }
        });
        if (requested[0]) {
            issuer.wake();
        }
    }
}
