package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The short fault campaign (#10) on the shared stack: a dozen borrowers' credit applications,
 * drawdowns and repayments in flight while a service (or the gateway, or loan-order itself) is
 * restarted, the Kafka broker restarted, messages delivered again, the payment channel misbehaves,
 * a database's connections are killed and end of day is killed mid-run and rerun. Then every order
 * is final and no money was lost or moved twice. The seed is printed; rerun one with
 * {@code -Dlendflow.fault-campaign.seed=<seed>}. The long version is {@code ./lendflow chaos}.
 *
 * <p>Runs just before {@link RepaymentJourneyTest}: its end of day moves the business date one day.
 * It leaves every service, the broker and the gateway running.
 */
@Order(Integer.MAX_VALUE - 3)
class FaultCampaignTest {

    @Test
    void journeysUnderRestartsRedeliveriesAndChannelDatabaseAndEndOfDayFaultsLoseNoMoneyAndMoveNoneTwice() throws Exception {
        LocalStack stack = SharedStack.get();
        long seed = Long.getLong("lendflow.fault-campaign.seed", new Random().nextLong());
        // Load and faults for at most 100 s (then the load drains): on a busy machine, -Dlendflow.fault-campaign.seconds=...
        Duration load = Duration.ofSeconds(Long.getLong("lendflow.fault-campaign.seconds", 100));
        Campaign campaign = new Campaign(stack, new Campaign.Settings(12, 12, 7, seed, Duration.ofSeconds(3), 1, load));

        Duration took = campaign.run();
        Campaign.Verdict verdict = campaign.verify(Duration.ofSeconds(60));
        String summary = campaign.summary(verdict, took);
        Campaign.say(summary);

        assertThat(campaign.kindsInjected()).as(summary).containsExactlyInAnyOrder(Campaign.Fault.values());
        assertThat(campaign.journeysRun()).as(summary).isGreaterThanOrEqualTo(40);
        assertThat(campaign.problems()).as(summary).isEmpty();
        assertThat(verdict.violations()).as(summary).isEmpty();
        for (StackService service : Campaign.RESTARTABLE) {
            assertThat(stack.contextOf(service).isActive()).as(service.name() + " left running").isTrue();
        }
    }
}
