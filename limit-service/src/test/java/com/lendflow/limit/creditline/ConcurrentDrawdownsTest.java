package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.LimitOccupied;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceIntegrationTest(database = "lendflow_limit")
class ConcurrentDrawdownsTest {

    private static final int DRAWDOWNS = 200;
    private static final int THROUGH_KAFKA = 40;

    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired ReserveLimitHandler handler;

    @Test
    void twoHundredDrawdownsRacingForOneLineNeverReserveMoreThanItsLimit() throws Exception {
        LimitProbe limit = new LimitProbe(codec);
        UUID customer = UUID.randomUUID();
        limit.grant(Grants.approved(customer, "10000.00", "0.146", "B"));
        // 1,000.00 already drawn leaves 9,000.00: room for exactly 69 drawdowns of 130.00 (8,970.00), not a 70th.
        ReserveLimit earlier = Drawdowns.borrowing(customer, "1000.00");
        limit.ask(ReserveLimit.TYPE, earlier.drawdownId(), earlier, LimitReserved.TYPE);
        limit.ask(ConfirmLimit.TYPE, earlier.drawdownId(), Drawdowns.disbursed(earlier), LimitOccupied.TYPE);
        List<ReserveLimit> drawdowns = IntStream.range(0, DRAWDOWNS)
                .mapToObj(i -> Drawdowns.borrowing(customer, "130.00")).toList();
        List<Envelope> viaKafka = drawdowns.subList(0, THROUGH_KAFKA).stream()
                .map(drawdown -> limit.command(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown)).toList();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> racing = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            racing.add(pool.submit(() -> {
                start.await();
                viaKafka.forEach(limit::send);
                return null;
            }));
            for (ReserveLimit drawdown : drawdowns.subList(THROUGH_KAFKA, DRAWDOWNS)) {
                racing.add(pool.submit(() -> {
                    start.await();
                    handler.handle(drawdown);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : racing) {
                each.get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "select count(*) from limit_reservation where customer_id = ? and drawdown_id <> ?")
                .param(customer).param(earlier.drawdownId()).query(Long.class).single() == DRAWDOWNS);

        Map<String, Long> byState = jdbc.sql("""
                select state, count(*) from limit_reservation where customer_id = ? and drawdown_id <> ? group by state""")
                .param(customer).param(earlier.drawdownId())
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byState).containsExactlyInAnyOrderEntriesOf(Map.of("RESERVED", 69L, "REFUSED", 131L));
        assertThat(jdbc.sql("select distinct refusal_code from limit_reservation where customer_id = ? and state = 'REFUSED'")
                .param(customer).query(String.class).list()).containsExactly("INSUFFICIENT_LIMIT");
        var line = jdbc.sql("select credit_limit, occupied, reserved from credit_line where customer_id = ?")
                .param(customer).query().singleRow();
        BigDecimal occupied = (BigDecimal) line.get("occupied");
        BigDecimal reserved = (BigDecimal) line.get("reserved");
        assertThat(occupied).isEqualByComparingTo("1000.00");
        assertThat(reserved).isEqualByComparingTo("8970.00");
        assertThat(occupied.add(reserved)).isLessThanOrEqualTo((BigDecimal) line.get("credit_limit"));
        assertThat(jdbc.sql("select sum(amount) from limit_reservation where customer_id = ? and state = 'RESERVED'")
                .param(customer).query(BigDecimal.class).single()).as("the line's reserved is its reservations' sum")
                .isEqualByComparingTo(reserved);

        // Every drawdown got exactly one answer, whichever way it came.
        Set<UUID> ids = drawdowns.stream().map(ReserveLimit::drawdownId).collect(Collectors.toSet());
        List<Envelope> replies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            replies.clear();
            replies.addAll(limit.repliesTo(ids));
            return replies.size() >= DRAWDOWNS;
        });
        assertThat(replies).hasSize(DRAWDOWNS);
        assertThat(replies.stream().map(Envelope::aggregateId).distinct()).hasSize(DRAWDOWNS);
        Map<String, Long> byType = replies.stream().collect(Collectors.groupingBy(Envelope::type, Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(LimitReserved.TYPE.name(), 69L,
                LimitReservationRefused.TYPE.name(), 131L));
        assertThat(replies.stream().filter(reply -> reply.type().equals(LimitReserved.TYPE.name()))
                .map(reply -> codec.payloadOf(reply, LimitReserved.TYPE).availableAfter()).map(BigDecimal::new)
                .map(available -> available.setScale(2)).collect(Collectors.toSet()))
                .as("each reservation saw those before it: 9000 − 130·k for k = 1..69, each once")
                .hasSize(69).allSatisfy(available -> assertThat(available.signum()).isNotNegative())
                .contains(new BigDecimal("30.00"), new BigDecimal("8870.00"));
    }
}
