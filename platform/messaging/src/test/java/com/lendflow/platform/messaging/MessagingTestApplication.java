package com.lendflow.platform.messaging;

import com.lendflow.contracts.MessageType;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** A minimal service that publishes and consumes "things", to exercise the messaging kit for real. */
@SpringBootApplication
public class MessagingTestApplication {

    static final String TOPIC = "lendflow.test.thing";
    static final String LISTENED_TOPIC = "lendflow.test.listened";

    public static void main(String[] args) {
        SpringApplication.run(MessagingTestApplication.class, args);
    }

    @Bean
    KafkaAdmin.NewTopics testTopics() {
        return TopicDeclarations.of(3, TOPIC, LISTENED_TOPIC);
    }

    record ThingHappened(String thingId, int sequence) {
        static final MessageType<ThingHappened> TYPE = MessageType.of("ThingHappened", 1, ThingHappened.class);
    }

    /** Records each handled thing in a table; refuses things named "poison" every time. */
    @Component
    static class ThingListener {
        static final String CONSUMER = "messaging-test.things";
        final AtomicInteger attempts = new AtomicInteger();
        private final Inbox inbox;
        private final JdbcClient jdbc;

        ThingListener(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(id = CONSUMER, topics = LISTENED_TOPIC)
        void on(ConsumerRecord<String, String> record) {
            inbox.receive(record, CONSUMER, ThingHappened.TYPE, (envelope, thing) -> {
                attempts.incrementAndGet();
                if (thing.thingId().equals("poison")) {
                    throw new IllegalStateException("thing 'poison' can never be handled");
                }
                jdbc.sql("insert into handled_thing (message_id, thing_id) values (?, ?)")
                        .param(envelope.id()).param(thing.thingId()).update();
            });
        }
    }
}
