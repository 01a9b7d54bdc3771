package com.lendflow.marketing.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.marketing.CouponRedeemed;
import com.lendflow.contracts.marketing.CouponReleased;
import com.lendflow.contracts.marketing.LockCoupon;
import com.lendflow.contracts.marketing.RedeemCoupon;
import com.lendflow.contracts.marketing.ReleaseCoupon;
import com.lendflow.marketing.CampaignRequests;
import com.lendflow.marketing.MarketingIntegrationTest;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The drawdown saga's coupon steps: lock on drawdown, redeem on disbursement, release on failure. */
class CouponSagaCommandsTest extends MarketingIntegrationTest {

    @Autowired EnvelopeCodec codec;
    @Autowired LockCouponHandler lockHandler;

    MarketingProbe marketing;
    static UUID rateCut;

    @BeforeEach
    void setUp() {
        marketing = new MarketingProbe(codec);
        if (rateCut == null) {
            rateCut = createCampaign(CampaignRequests.rateDiscount());
        }
    }

    @Test
    void borrowsHundredYuanOverThreeMonthsAtTheCouponsRateAndTheCouponIsUsedOnDisbursement() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon drawdown = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);

        CouponLocked locked = marketing.lock(drawdown);

        assertThat(locked.couponId()).isEqualTo(coupon);
        assertThat(locked.kind()).isEqualTo("RATE_DISCOUNT");
        assertThat(locked.discountedRate()).isEqualTo("0.091250");
        assertThat(locked.interestFreeDays()).isZero();
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("LOCKED");
        assertThat(ownCoupon(customer, coupon).get("lockedByDrawdown").asString()).isEqualTo(drawdown.drawdownId().toString());

        marketing.send(RedeemCoupon.TYPE, drawdown.drawdownId(), new RedeemCoupon(drawdown.drawdownId(), coupon));

        CouponRedeemed redeemed = marketing.await(drawdown.drawdownId(), CouponRedeemed.TYPE, 1).getFirst();
        assertThat(redeemed.couponId()).isEqualTo(coupon);
        assertThat(redeemed.redeemedAt()).isNotNull();
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("REDEEMED");
        assertThat(ownCoupon(customer, coupon).get("state").asString()).isEqualTo("REDEEMED");

        // Used once: another drawdown of the same customer cannot have it.
        CouponLockRefused again = marketing.refuse(Drawdowns.hundredYuanOverThreeMonths(customer, coupon));
        assertThat(again.code()).isEqualTo("ALREADY_USED");
    }

    @Test
    void anInterestFreeCouponLocksWithItsDaysAndNoRate() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(createCampaign(CampaignRequests.interestFreeWeek("[]")), customer);

        CouponLocked locked = marketing.lock(Drawdowns.lock(customer, coupon, "800.00", 6, "0.146"));

        assertThat(locked.kind()).isEqualTo("INTEREST_FREE_DAYS");
        assertThat(locked.interestFreeDays()).isEqualTo(7);
        assertThat(locked.discountedRate()).isNull();
    }

    @Test
    void aFailedDrawdownReleasesTheCouponAndTheNextDrawdownCanLockIt() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon failed = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
        marketing.lock(failed);

        marketing.send(ReleaseCoupon.TYPE, failed.drawdownId(),
                new ReleaseCoupon(failed.drawdownId(), coupon, "disbursement failed: card frozen"));

        CouponReleased released = marketing.await(failed.drawdownId(), CouponReleased.TYPE, 1).getFirst();
        assertThat(released.couponId()).isEqualTo(coupon);
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");

        LockCoupon next = Drawdowns.lock(customer, coupon, "2000.00", 12, "0.146");
        CouponLocked relocked = marketing.lock(next);
        assertThat(relocked.discountedRate()).isEqualTo("0.091250");
        assertThat(ownCoupon(customer, coupon).get("lockedByDrawdown").asString()).isEqualTo(next.drawdownId().toString());
    }

    @Test
    void aCouponHeldByOneDrawdownIsRefusedToAnotherUntilReleased() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon first = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
        marketing.lock(first);

        CouponLockRefused refused = marketing.refuse(Drawdowns.hundredYuanOverThreeMonths(customer, coupon));

        assertThat(refused.code()).isEqualTo("LOCKED_ELSEWHERE");
        assertThat(refused.couponId()).isEqualTo(coupon);
    }

    @Test
    void anExpiredCouponIsRefusedAndReadsExpired() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        // Thirty days pass.
        jdbc.sql("update coupon set valid_from = ?, valid_until = ? where id = ?")
                .param(today().minusDays(30)).param(today().minusDays(1)).param(coupon).update();

        CouponLockRefused refused = marketing.refuse(Drawdowns.hundredYuanOverThreeMonths(customer, coupon));

        assertThat(refused.code()).isEqualTo("EXPIRED");
        assertThat(refused.reason()).contains(today().minusDays(1).toString());
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("EXPIRED");
        assertThat(ownCoupon(customer, coupon).get("state").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aCouponOnItsLastValidDayIsStillUsable() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        jdbc.sql("update coupon set valid_from = ?, valid_until = ? where id = ?")
                .param(today().minusDays(29)).param(today()).param(coupon).update();

        assertThat(marketing.lock(Drawdowns.hundredYuanOverThreeMonths(customer, coupon)).couponId()).isEqualTo(coupon);
    }

    @Test
    void someoneElsesCouponIsRefusedAndStaysTheirs() {
        UUID owner = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, owner);

        CouponLockRefused refused = marketing.refuse(Drawdowns.hundredYuanOverThreeMonths(UUID.randomUUID(), coupon));

        assertThat(refused.code()).isEqualTo("NOT_OWNER");
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");
        assertThat(marketing.lock(Drawdowns.hundredYuanOverThreeMonths(owner, coupon)).couponId()).isEqualTo(coupon);
    }

    @Test
    void aCouponThatDoesNotExistIsRefused() {
        UUID missing = UUID.randomUUID();
        CouponLockRefused refused = marketing.refuse(Drawdowns.hundredYuanOverThreeMonths(UUID.randomUUID(), missing));
        assertThat(refused.code()).isEqualTo("NOT_FOUND");
        assertThat(refused.couponId()).isEqualTo(missing);
    }

    @Test
    void aDrawdownBelowTheMinimumOrOverATermTheCouponDoesNotCoverIsRefused() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);

        CouponLockRefused tooSmall = marketing.refuse(Drawdowns.lock(customer, coupon, "99.99", 3, "0.146"));
        assertThat(tooSmall.code()).isEqualTo("BELOW_MINIMUM_AMOUNT");
        assertThat(tooSmall.reason()).contains("100.00").contains("99.99");

        CouponLockRefused nineMonths = marketing.refuse(Drawdowns.lock(customer, coupon, "100.00", 9, "0.146"));
        assertThat(nineMonths.code()).isEqualTo("TERM_NOT_ALLOWED");

        // The coupon is untouched by both and still the customer's.
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");
        assertThat(marketing.lock(Drawdowns.lock(customer, coupon, "100.00", 6, "0.146")).couponId()).isEqualTo(coupon);
    }

    @Test
    void aRateDiscountNoLowerThanTheLinesRateIsRefusedSoTheCouponIsNotWasted() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);

        CouponLockRefused refused = marketing.refuse(Drawdowns.lock(customer, coupon, "100.00", 3, "0.09125"));

        assertThat(refused.code()).isEqualTo("RATE_NOT_LOWER");
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");
    }

    @Test
    void aMalformedCommandIsRefusedAndTouchesNothing() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);

        assertThat(marketing.refuse(Drawdowns.lock(customer, coupon, "100.005", 3, "0.146")).code())
                .isEqualTo("INVALID_COMMAND");
        assertThat(marketing.refuse(Drawdowns.lock(customer, coupon, "lots", 3, "0.146")).code())
                .isEqualTo("INVALID_COMMAND");
        assertThat(marketing.refuse(Drawdowns.lock(customer, coupon, "100.00", 3, null)).code())
                .isEqualTo("INVALID_COMMAND");
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");
    }

    @Test
    void commandsDeliveredTwiceOrResentUnderNewMessageIdsAreAnsweredTheSameAndActOnce() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon drawdown = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
        UUID id = drawdown.drawdownId();
        Envelope lock = marketing.command(LockCoupon.TYPE, id, drawdown);

        marketing.send(lock);
        marketing.send(lock);
        marketing.send(LockCoupon.TYPE, id, drawdown);
        List<CouponLocked> locks = marketing.await(id, CouponLocked.TYPE, 2);
        assertThat(locks).hasSize(2).allSatisfy(reply -> assertThat(reply).isEqualTo(locks.getFirst()));

        RedeemCoupon redeem = new RedeemCoupon(id, coupon);
        marketing.send(RedeemCoupon.TYPE, id, redeem);
        marketing.send(RedeemCoupon.TYPE, id, redeem);
        List<CouponRedeemed> redeems = marketing.await(id, CouponRedeemed.TYPE, 2);
        assertThat(redeems.get(1)).isEqualTo(redeems.get(0));

        // A lock re-sent late still gets the answer the saga acted on, and nothing changes.
        marketing.send(LockCoupon.TYPE, id, drawdown);
        assertThat(marketing.await(id, CouponLocked.TYPE, 3).get(2)).isEqualTo(locks.getFirst());
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("REDEEMED");
        assertThat(jdbc.sql("select count(*) from coupon_use where coupon_id = ?").param(coupon).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRefusalIsRememberedForItsDrawdownEvenAfterTheCouponFreesUp() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon holder = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
        marketing.lock(holder);
        LockCoupon loser = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
        assertThat(marketing.refuse(loser).code()).isEqualTo("LOCKED_ELSEWHERE");

        marketing.send(ReleaseCoupon.TYPE, holder.drawdownId(), new ReleaseCoupon(holder.drawdownId(), coupon, "timed out"));
        marketing.await(holder.drawdownId(), CouponReleased.TYPE, 1);
        marketing.send(LockCoupon.TYPE, loser.drawdownId(), loser);

        List<CouponLockRefused> answers = marketing.await(loser.drawdownId(), CouponLockRefused.TYPE, 2);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");
    }

    @Test
    void releasingADrawdownThatNeverLockedIsAnsweredAndALateLockCannotTakeTheCoupon() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon drawdown = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);

        marketing.send(ReleaseCoupon.TYPE, drawdown.drawdownId(),
                new ReleaseCoupon(drawdown.drawdownId(), coupon, "limit reservation refused"));
        assertThat(marketing.await(drawdown.drawdownId(), CouponReleased.TYPE, 1).getFirst().couponId()).isEqualTo(coupon);

        assertThat(marketing.refuse(drawdown).code()).isEqualTo("DRAWDOWN_RELEASED");
        assertThat(stateSeenByQuoteApi(coupon)).isEqualTo("ISSUED");
    }

    @Test
    void twoDrawdownsRacingThroughKafkaForOneCouponGetItOnce() {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        LockCoupon a = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
        LockCoupon b = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);

        marketing.send(LockCoupon.TYPE, a.drawdownId(), a);
        marketing.send(LockCoupon.TYPE, b.drawdownId(), b);

        int lockedCount = 0;
        for (LockCoupon drawdown : List.of(a, b)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !marketing.replies(drawdown.drawdownId()).isEmpty());
            lockedCount += marketing.replies(drawdown.drawdownId(), CouponLocked.TYPE).size();
        }
        assertThat(lockedCount).isEqualTo(1);
    }

    @Test
    void manyDrawdownsLockingOneCouponAtTheSameInstantLeaveExactlyOneHolder() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID coupon = issueCoupon(rateCut, customer);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        List<UUID> drawdowns = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                LockCoupon command = Drawdowns.hundredYuanOverThreeMonths(customer, coupon);
                drawdowns.add(command.drawdownId());
                done.add(pool.submit(() -> {
                    start.await();
                    lockHandler.handle(command);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }

        List<String> states = jdbc.sql("select state from coupon_use where coupon_id = ? order by state")
                .param(coupon).query(String.class).list();
        assertThat(states).hasSize(racers);
        assertThat(states.stream().filter("LOCKED"::equals)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from coupon_use where coupon_id = ? and refusal_code = 'LOCKED_ELSEWHERE'")
                .param(coupon).query(Long.class).single()).isEqualTo(racers - 1L);
        UUID holder = jdbc.sql("select drawdown_id from coupon_use where coupon_id = ? and state = 'LOCKED'")
                .param(coupon).query(UUID.class).single();
        assertThat(drawdowns).contains(holder);
        assertThat(ownCoupon(customer, coupon).get("lockedByDrawdown").asString()).isEqualTo(holder.toString());
    }

    private String stateSeenByQuoteApi(UUID coupon) {
        var response = service.get("/internal/v1/coupons/" + coupon);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).get("state").asString();
    }

    private JsonNode ownCoupon(UUID customer, UUID coupon) {
        var response = customer(customer).get("/api/v1/customers/" + customer + "/coupons");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode node : body(response)) {
            if (node.get("id").asString().equals(coupon.toString())) {
                return node;
            }
        }
        throw new AssertionError("coupon " + coupon + " is not among the customer's: " + response.body());
    }
}
