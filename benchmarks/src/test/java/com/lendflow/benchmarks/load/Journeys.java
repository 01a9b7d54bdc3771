package com.lendflow.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journeys as the app backend drives them through the gateway, as Gatling chains. A journey's wall
 * time (first request to the final state seen by a poll) goes to {@link JourneyLog}; polls are named
 * requests in Gatling's report, and a poll that sees a failure state, or a journey still unfinished at
 * its deadline, is a failed request there too.
 */
final class Journeys {

    static final String ACTIVATION = "activation";
    static final String DRAWDOWN = "drawdown";

    /** How soon after submitting the first poll goes, then how often; each poll is one more request to the stack. */
    static final Duration FIRST_POLL = Duration.ofMillis(LoadTarget.intProperty("first-poll-ms", 300));
    static final Duration POLL = Duration.ofMillis(LoadTarget.intProperty("poll-ms", 200));
    /**
     * A journey still unfinished this long after its first request (the goal, 2 s, by default) is polled less
     * often, as an app backend would: every quarter of the time it has taken so far, at most every
     * {@code poll-max-ms}. Without it an overloaded stack was handed five polls a second per journey in flight,
     * which at 9 drawdowns a second was more requests than the drawdowns themselves (docs/benchmarks.md).
     */
    static final Duration POLL_BACKOFF_AFTER = Duration.ofMillis(LoadTarget.intProperty("poll-backoff-after-ms", 2000));
    static final Duration POLL_MAX = Duration.ofMillis(LoadTarget.intProperty("poll-max-ms", 2000));
    static final Duration DEADLINE = Duration.ofSeconds(LoadTarget.intProperty("journey-deadline-s", 60));

    private static final AtomicLong CARDS = new AtomicLong();

    private Journeys() {
    }

    /**
     * One keep-alive pool shared by every virtual user, as an app backend would hold one, of at most
     * {@code -Dlendflow.load.connections} (default 512) per host: without a cap an overloaded stack was sent
     * a new connection for every request waiting, and the run measured connect timeouts.
     */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(LoadTarget.GATEWAY)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .maxConnectionsPerHost(LoadTarget.intProperty("connections", 512))
                .warmUp(LoadTarget.GATEWAY + "/actuator/health");
    }

    static String customerJson(Identities.Person person) {
        return "{\"name\":\"%s\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(person.name(), person.mobile(),
                person.idNumber());
    }

    static String applicationJson(Identities.Person person) {
        return """
                {"fullName":"%s","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                           "ip":"%s","emulator":false,"rooted":false}}"""
                .formatted(person.name(), person.mobile(), person.idNumber(), person.deviceId(), person.ip());
    }

    static String cardJson(Identities.Person person, String cardNumber) {
        return "{\"cardNumber\":\"%s\",\"holderName\":\"%s\",\"reservedMobile\":\"%s\"}".formatted(cardNumber,
                person.name(), person.mobile());
    }

    static String drawdownJson(String cardId) {
        return "{\"amount\":\"100.00\",\"termMonths\":3,\"method\":\"EQUAL_INSTALLMENT\",\"cardId\":\"" + cardId + "\"}";
    }

    /** A quote of a whole-yuan amount from 100 to 5,000 over 3, 6 or 12 months. */
    static String quoteJson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "{\"amount\":\"%d.00\",\"termMonths\":%d,\"method\":\"EQUAL_INSTALLMENT\"}".formatted(
                100 * (1 + random.nextInt(50)), new int[] {3, 6, 12}[random.nextInt(3)]);
    }

    /** A new person and the app backend's current token in the session. */
    static ChainBuilder newPerson() {
        return exec(session -> {
            Identities.Person person = Identities.next();
            return session.set("customerJson", customerJson(person)).set("applicationJson", applicationJson(person))
                    .set("cardJson", cardJson(person, Identities.cardNumber())).set("mobile", person.mobile())
                    .set("auth", Tokens.app());
        });
    }

    /** Customer registered → credit application → APPROVED, timed as one journey from the first request. */
    static ChainBuilder activation() {
        return newPerson()
                .exec(session -> session.set("journeyStart", System.currentTimeMillis()))
                .exec(http("register customer").post("/api/v1/customers")
                        .header("Authorization", "#{auth}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("#{customerJson}"))
                        .check(status().is(201), jsonPath("$.id").saveAs("customerId")))
                .exec(http("submit credit application").post("/api/v1/credit-applications")
                        .header("Authorization", "#{auth}")
                        .header("X-Customer-Id", "#{customerId}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("#{applicationJson}"))
                        .check(status().is(202), jsonPath("$.id").saveAs("applicationId")))
                .exec(await(ACTIVATION, "poll credit application", "/api/v1/credit-applications/#{applicationId}",
                        "APPROVED", Set.of("REJECTED", "FAILED")));
    }

    /** A card bound with the code the channel texted (read from the simulator's SMS outbox). */
    static ChainBuilder bindCard() {
        return exec(http("bind card").post("/api/v1/bank-cards")
                        .header("Authorization", "#{auth}")
                        .header("X-Customer-Id", "#{customerId}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("#{cardJson}"))
                        .check(status().is(201), jsonPath("$.id").saveAs("cardId")))
                .exec(session -> session.remove("smsCode"))
                .asLongAs(session -> !session.contains("smsCode") && session.getInt("smsReads") < 50, "smsReads").on(
                        pause(Duration.ofMillis(100))
                                .exec(http("read SMS code (simulator)").get(LoadTarget.SIMULATOR + "/sim/v1/sms?mobile=#{mobile}")
                                        .check(status().is(200),
                                                regex("\"text\":\"[^\"]*?(?<!\\d)(\\d{6})(?!\\d)").optional().saveAs("smsCode"))))
                .exec(http("confirm card").post("/api/v1/bank-cards/#{cardId}/confirm")
                        .header("Authorization", "#{auth}")
                        .header("X-Customer-Id", "#{customerId}")
                        .body(StringBody("{\"code\":\"#{smsCode}\"}"))
                        .check(status().is(200), substring("BOUND")));
    }

    /** POST a drawdown of 100.00 over 3 months to the session's card, then poll until DISBURSED. */
    static ChainBuilder drawdown() {
        return exec(session -> session.set("journeyStart", System.currentTimeMillis()).set("auth", Tokens.app()))
                .exec(http("submit drawdown").post("/api/v1/drawdowns")
                        .header("Authorization", "#{auth}")
                        .header("X-Customer-Id", "#{customerId}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(session -> drawdownJson(session.getString("cardId"))))
                        .check(status().is(202), jsonPath("$.id").saveAs("drawdownId")))
                .exec(await(DRAWDOWN, "poll drawdown", "/api/v1/drawdowns/#{drawdownId}", "DISBURSED", Set.of("FAILED")));
    }

    static ChainBuilder quote(String name) {
        return exec(http(name).post("/api/v1/loan-quotes")
                .header("Authorization", "#{auth}")
                .header("X-Customer-Id", "#{customerId}")
                .body(StringBody(session -> quoteJson()))
                .check(status().is(200), substring("\"installments\""), responseTimeInMillis().saveAs("responseTime")));
    }

    /**
     * Polls {@code path} until its state is {@code wanted} or one of {@code failures}, or the deadline;
     * records the journey's wall time and outcome. A failure state fails that poll in Gatling's report; a
     * journey still unfinished at the deadline fails one last "(still unfinished)" poll.
     */
    static ChainBuilder await(String journey, String name, String path, String wanted, Set<String> failures) {
        List<String> finals = new java.util.ArrayList<>(failures);
        finals.add(wanted);
        return exec(session -> session.set("state", "").set("deadline", System.currentTimeMillis() + DEADLINE.toMillis()))
                .pause(FIRST_POLL)
                .asLongAs(session -> session.isFailed() ? false
                        : !finals.contains(session.getString("state")) && System.currentTimeMillis() < session.getLong("deadline")).on(
                        exec(http(name).get(path)
                                .header("Authorization", "#{auth}")
                                .header("X-Customer-Id", "#{customerId}")
                                .check(pollChecks(failures)))
                                .doIf(session -> !finals.contains(session.getString("state"))).then(pause(Journeys::nextPoll)))
                .doIf(session -> !session.isFailed() && !finals.contains(session.getString("state"))).then(
                        exec(http(name + " (still unfinished)").get(path)
                                .header("Authorization", "#{auth}")
                                .header("X-Customer-Id", "#{customerId}")
                                .check(jsonPath("$.state").is(wanted))))
                .exec(session -> record(journey, session, wanted, failures));
    }

    /** Every {@code poll-ms} for the first {@code poll-backoff-after-ms} of the journey, then backing off. */
    static Duration nextPoll(Session session) {
        long elapsed = System.currentTimeMillis() - session.getLong("journeyStart");
        if (elapsed < POLL_BACKOFF_AFTER.toMillis()) {
            return POLL;
        }
        return Duration.ofMillis(Math.clamp(elapsed / 4, POLL.toMillis(), POLL_MAX.toMillis()));
    }

    /** 200, the state saved, and none of the failure states (which fails the poll in Gatling's report). */
    private static List<CheckBuilder> pollChecks(Set<String> failures) {
        List<CheckBuilder> checks = new java.util.ArrayList<>();
        checks.add(status().is(200));
        checks.add(jsonPath("$.state").saveAs("state"));
        failures.forEach(failure -> checks.add(jsonPath("$.state").not(failure)));
        return checks;
    }

    private static Session record(String journey, Session session, String wanted, Set<String> failures) {
        String state = session.contains("state") ? session.getString("state") : "";
        // Stuck: accepted and still on its way at the deadline. Failed: refused, a failure state, or never accepted.
        JourneyLog.Outcome outcome = wanted.equals(state) ? JourneyLog.Outcome.COMPLETED
                : failures.contains(state) || state.isEmpty() ? JourneyLog.Outcome.FAILED : JourneyLog.Outcome.STUCK;
        JourneyLog.record(journey, session.getLong("journeyStart"), outcome);
        return session;
    }
}
