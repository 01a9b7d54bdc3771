package com.lendflow.marketing.coupon;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.marketing.LockCoupon;
import com.lendflow.contracts.marketing.RedeemCoupon;
import com.lendflow.contracts.marketing.ReleaseCoupon;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The drawdown saga's coupon commands, through the inbox: each command's effect and its reply
 * commit together with the message id. One listener takes all three, so one drawdown's lock,
 * redeem and release (same key, same partition) are handled in the order the saga sent them.
 */
@Component
class CouponCommands {

    static final String CONSUMER = "marketing-service.coupon-commands";

    private static final Logger log = LoggerFactory.getLogger(CouponCommands.class);

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final Map<String, Consumer<ConsumerRecord<String, String>>> routes;

    CouponCommands(Inbox inbox, EnvelopeCodec codec, LockCouponHandler lock, RedeemCouponHandler redeem,
                   ReleaseCouponHandler release) {
        this.inbox = inbox;
        this.codec = codec;
        this.routes = Map.ofEntries(
                route(LockCoupon.TYPE, LockCoupon::drawdownId, lock::handle),
                route(RedeemCoupon.TYPE, RedeemCoupon::drawdownId, redeem::handle),
                route(ReleaseCoupon.TYPE, ReleaseCoupon::drawdownId, release::handle));
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MARKETING_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            log.debug("skipping an empty record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        Envelope envelope = codec.decode(record.value());
        Consumer<ConsumerRecord<String, String>> route = routes.get(envelope.type());
        if (route == null) {
            log.warn("{} {} is not a command marketing-service knows; skipping it", envelope.type(), envelope.id());
            return;
        }
        route.accept(record);
    }

    private <T extends Record> Map.Entry<String, Consumer<ConsumerRecord<String, String>>> route(
            MessageType<T> type, Function<T, UUID> drawdownId, Consumer<T> handler) {
        return Map.entry(type.name(), record -> inbox.receive(record, CONSUMER, type, (envelope, command) -> {
            if (drawdownId.apply(command) == null) {
                // No drawdown, nobody to answer: retrying cannot help, straight to the dead-letter topic.
                throw new MalformedMessageException(type.name() + " " + envelope.id() + " names no drawdown");
            }
            handler.accept(command);
        }));
    }
}
