package com.lendflow.collection.strategy;

import com.lendflow.collection.casework.CollectionDay;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * core-ledger's end of day moved the business date: that is the collection business date, and its
 * daily run is requested (once per date, whatever number of messages say so).
 */
@Component
class BusinessDayListener {

    static final String CONSUMER = "collection-service.business-day";

    private final Inbox inbox;
    private final CollectionDay day;
    private final CollectionRuns runs;

    BusinessDayListener(Inbox inbox, CollectionDay day, CollectionRuns runs) {
        this.inbox = inbox;
        this.day = day;
        this.runs = runs;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_BUSINESS_DAY)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, BusinessDateChanged.TYPE, (envelope, changed) -> {
            day.moveTo(changed.businessDate());
            if (runs.find(changed.businessDate()).isEmpty()) {
                runs.request(changed.businessDate(), "core-ledger end of day");
            }
        });
    }
}
