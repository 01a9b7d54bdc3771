package com.lendflow.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault campaign: borrowers' journeys (credit application, card, drawdowns, repayments) run
 * concurrently through the gateway while faults are injected at random points chosen by a seeded
 * {@link Random}: a service or the gateway stopped and started again, the Kafka broker restarted,
 * messages delivered again (as they were, or late under a new message id), the payment channel
 * timing out, failing, answering with an unknown outcome, calling back twice or late, a service's
 * database connections killed, and end of day killed mid-run and rerun. Clients behave as a real
 * app backend does: they retry a refused connection or a 5xx with the same Idempotency-Key.
 * Afterwards the load drains and {@link #verify} checks what a user would: every order terminal,
 * one payout per disbursed drawdown and none for a failed one, lines occupied by exactly the
 * outstanding principal, the books balanced, and the invariants checker.
 */
final class Campaign {

    /**
     * @param borrowers   borrowers at least, each one credit application, a card, two drawdowns and a repayment;
     *                    more start while faults remain to be injected, so every fault meets load
     * @param concurrency borrowers in flight at once
     * @param faults      faults to inject (at least one of each kind first, in a seeded order)
     * @param seed        the seed of every random choice of what, where and when
     * @param faultGap    the longest pause between two faults (each pause is random up to this)
     * @param endOfDayKills how many of the faults may be an end of day killed mid-run (each moves the business date a day)
     * @param atMost      no new borrower starts after this, and no new fault: the load then drains
     */
    record Settings(int borrowers, int concurrency, int faults, long seed, Duration faultGap, int endOfDayKills,
                    Duration atMost) {
    }

    enum Fault {
        SERVICE_RESTARTED, KAFKA_RESTARTED, MESSAGE_REDELIVERED, CHANNEL_MISBEHAVED, DB_CONNECTIONS_KILLED,
        END_OF_DAY_KILLED
    }

    /** Restarted by the campaign: every service, the gateway and loan-order included. */
    static final List<StackService> RESTARTABLE = restartable();
    /** Topics whose messages are delivered again: every command and every reply of the sagas. */
    static final List<String> TOPICS = List.of("lendflow.limit.commands", "lendflow.limit.credit-line",
            "lendflow.esign.commands", "lendflow.esign.document", "lendflow.antifraud.commands",
            "lendflow.antifraud.assessment", "lendflow.credit-decision.commands", "lendflow.credit-decision.decision",
            "lendflow.funding.commands", "lendflow.funding.position", "lendflow.payment.commands",
            "lendflow.payment.disbursement", "lendflow.payment.repayment", "lendflow.core-ledger.commands",
            "lendflow.core-ledger.loan", "lendflow.marketing.commands", "lendflow.marketing.coupon",
            "lendflow.loan-order.credit-application", "lendflow.loan-order.drawdown");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Set<String> DRAWDOWN_FINAL = Set.of("DISBURSED", "FAILED");
    private static final Set<String> APPLICATION_FINAL = Set.of("APPROVED", "REJECTED", "FAILED");
    private static final Set<String> REPAYMENT_FINAL = Set.of("SUCCEEDED", "FAILED", "REVERSED");
    private static final String[] CHANNEL_MODES = {"TIMEOUT", "FAIL", "UNKNOWN", "DUPLICATE_CALLBACK", "LATE_CALLBACK"};

    private final LocalStack stack;
    private final Settings settings;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    // Tokens live 15 minutes and a long campaign runs longer: each is fetched again after 10, so no journey
    // (at most a few minutes from its first request to its last poll) holds one that expires on the way.
    private final FreshToken appToken = new FreshToken(() -> SharedStack.clientToken("app-backend"));
    private final FreshToken financeToken = new FreshToken(() -> SharedStack.staffToken("finance"));
    private final Map<String, AtomicInteger> journeys = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultDetails = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final List<String> customers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> drawdowns = Collections.synchronizedList(new ArrayList<>());
    private final List<String> applications = Collections.synchronizedList(new ArrayList<>());
    private final List<String> repayments = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean loadRunning = new AtomicBoolean(true);
    private final AtomicInteger faultsFailed = new AtomicInteger();
    private int businessDaysMoved;

    Campaign(LocalStack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    // --- the run ----------------------------------------------------------------------------------

    /** Runs the load with faults injected until every borrower's journeys are done; returns the wall time. */
    Duration run() throws Exception {
        long begin = System.nanoTime();
        say("fault campaign: seed %d, %d borrowers, %d at once, %d faults".formatted(settings.seed(),
                settings.borrowers(), settings.concurrency(), settings.faults()));
        long deadline = begin + settings.atMost().toNanos();
        Random borrowerSeeds = new Random(random.nextLong());
        Semaphore inFlight = new Semaphore(settings.concurrency());
        Thread injector = Thread.ofPlatform().name("fault-injector").start(() -> injectFaults(deadline));
        try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int started = 0; System.nanoTime() < deadline
                    && (started < settings.borrowers() || faultsInjected() + faultsFailed.get() < settings.faults()); started++) {
                inFlight.acquire();
                long borrowerSeed = borrowerSeeds.nextLong();
                load.submit(() -> {
                    try {
                        borrower(new Random(borrowerSeed));
                    } catch (Exception | AssertionError e) {
                        problems.add("journey: " + e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            loadRunning.set(false);
        } finally {
            loadRunning.set(false);
            injector.join();
        }
        clearChannelFault();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        say("load finished in %d s: %s; faults %s".formatted(took.toSeconds(), counts(journeys), counts(faults)));
        return took;
    }

    /** One borrower: registers, applies for a line, binds a card, borrows twice and repays part of the first loan. */
    private void borrower(Random r) {
        String name = "压测" + (char) ('甲' + r.nextInt(10)) + (char) ('子' + r.nextInt(10));
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        String customerId = id(post("/api/v1/customers", "{\"name\":\"%s\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}"
                .formatted(name, mobile, idNumber), Map.of("Authorization", appToken.get()), 201));
        customers.add(customerId);
        Map<String, String> asCustomer = Map.of("Authorization", appToken.get(), "X-Customer-Id", customerId);
        String applicationId = id(post("/api/v1/credit-applications", """
                {"fullName":"%s","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                           "ip":"10.%d.%d.%d","emulator":false,"rooted":false}}"""
                .formatted(name, mobile, idNumber, UUID.randomUUID(), r.nextInt(256), r.nextInt(256), 1 + r.nextInt(254)),
                asCustomer, 202));
        applications.add(applicationId);
        String application = awaitFinal("/api/v1/credit-applications/" + applicationId, asCustomer, STATE,
                APPLICATION_FINAL, Duration.ofMinutes(3));
        count("credit application " + application);
        if (!"APPROVED".equals(application)) {
            return;
        }
        String cardId = bindCard(asCustomer, mobile, name);
        List<String> loans = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int amount = 100 * (1 + r.nextInt(20));
            int term = new int[] {3, 6, 12}[r.nextInt(3)];
            HttpResponse<String> accepted = postAccepting("/api/v1/drawdowns", """
                    {"amount":"%d.00","termMonths":%d,"method":"EQUAL_INSTALLMENT","cardId":"%s"}"""
                    .formatted(amount, term, cardId), asCustomer, Set.of(202, 422));
            if (accepted.statusCode() == 422) {
                // Refused up front with nothing reserved (more than is available on a small line): an outcome too.
                count("drawdown refused 422");
                continue;
            }
            String drawdownId = id(accepted);
            drawdowns.add(drawdownId);
            String[] body = new String[1];
            String state = awaitFinal("/api/v1/drawdowns/" + drawdownId, asCustomer, STATE, DRAWDOWN_FINAL,
                    Duration.ofMinutes(3), body);
            count("drawdown " + state);
            if ("DISBURSED".equals(state)) {
                loans.add(DrawdownJourneyTest.field(body[0], "loanId"));
            }
        }
        if (loans.isEmpty()) {
            return;
        }
        String loanId = loans.get(r.nextInt(loans.size()));
        String repayment = r.nextInt(3) == 0 ? "{\"mode\":\"PAYOFF\"}"
                : r.nextBoolean() ? "{\"mode\":\"CURRENT_INSTALLMENT\"}"
                : "{\"mode\":\"AMOUNT\",\"amount\":\"%d.%02d\"}".formatted(1 + r.nextInt(60), r.nextInt(100));
        HttpResponse<String> repaid = postAccepting("/api/v1/loans/" + loanId + "/repayments", repayment, asCustomer,
                Set.of(202, 409, 422));
        if (repaid.statusCode() != 202) {
            count("repayment refused " + repaid.statusCode());
            return;
        }
        String orderId = id(repaid);
        repayments.add(orderId);
        count("repayment " + awaitFinal("/api/v1/repayment-orders/" + orderId, asCustomer, STATUS, REPAYMENT_FINAL,
                Duration.ofMinutes(3)));
    }

    private String bindCard(Map<String, String> asCustomer, String mobile, String holder) {
        String cardId = id(post("/api/v1/bank-cards", "{\"cardNumber\":\"%s\",\"holderName\":\"%s\",\"reservedMobile\":\"%s\"}"
                .formatted(Identities.cardNumber(), holder, mobile), asCustomer, 201));
        Pattern code = Pattern.compile("\"text\":\"[^\"]*?(?<!\\d)(\\d{6})(?!\\d)");
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Matcher digits = code.matcher(send(HttpRequest.newBuilder(URI.create(stack.urlOf(Suite.PARTNER_SIMULATOR)
                    + "/sim/v1/sms?mobile=" + mobile)).GET()).body());
            if (digits.find()) {
                HttpResponse<String> bound = call(() -> HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                                + "/api/v1/bank-cards/" + cardId + "/confirm"))
                        .header("Content-Type", "application/json").headers(flat(asCustomer))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + digits.group(1) + "\"}")));
                if (bound.statusCode() == 200 || bound.body().contains("BOUND")) {
                    count("card bound");
                    return cardId;
                }
                throw new IllegalStateException("card not bound: " + bound.statusCode() + " " + bound.body());
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no binding code texted to the card's mobile");
            }
            pause(300);
        }
    }

    // --- faults -----------------------------------------------------------------------------------

    private void injectFaults(long deadline) {
        List<Fault> planned = new ArrayList<>(List.of(Fault.values()));
        if (settings.endOfDayKills() == 0) {
            planned.remove(Fault.END_OF_DAY_KILLED);
        }
        Collections.shuffle(planned, random);
        List<StackService> targets = new ArrayList<>(RESTARTABLE);
        Collections.shuffle(targets, random);
        int injected = 0;
        int endOfDays = 0;
        while (loadRunning.get() && injected < settings.faults() && System.nanoTime() < deadline) {
            pause(1000 + (long) (random.nextDouble() * settings.faultGap().toMillis()));
            if (!loadRunning.get() || System.nanoTime() > deadline) {
                break;
            }
            Fault fault = injected < planned.size() ? planned.get(injected) : Fault.values()[random.nextInt(Fault.values().length)];
            if (fault == Fault.END_OF_DAY_KILLED && endOfDays >= settings.endOfDayKills()) {
                fault = Fault.CHANNEL_MISBEHAVED;
            }
            try {
                String detail = switch (fault) {
                    case SERVICE_RESTARTED -> restart(targets.get(injected % targets.size()));
                    case KAFKA_RESTARTED -> {
                        stack.restartKafka();
                        yield "broker";
                    }
                    case MESSAGE_REDELIVERED -> redeliver();
                    case CHANNEL_MISBEHAVED -> channelFault();
                    case DB_CONNECTIONS_KILLED -> killConnections();
                    case END_OF_DAY_KILLED -> {
                        endOfDays++;
                        yield killEndOfDay();
                    }
                };
                faults.computeIfAbsent(fault.name(), k -> new AtomicInteger()).incrementAndGet();
                faultDetails.computeIfAbsent(fault.name() + " " + detail, k -> new AtomicInteger()).incrementAndGet();
                say("fault %d: %s %s".formatted(injected + 1, fault, detail));
            } catch (Exception e) {
                faultsFailed.incrementAndGet();
                problems.add("fault " + fault + " could not be injected: " + e);
            }
            injected++;
        }
    }

    private String restart(StackService service) throws InterruptedException {
        stack.stop(service);
        Thread.sleep(random.nextInt(1500));
        for (int attempt = 1; ; attempt++) {
            try {
                stack.startAgain(service);
                return service.name();
            } catch (RuntimeException e) {
                // A port not yet released, say: the stack must come back whatever, so try again.
                if (attempt == 3) {
                    throw e;
                }
                problems.add("restarting " + service.name() + " failed once: " + e);
                Thread.sleep(2000);
            }
        }
    }

    /** Some recent messages of a topic produced again: as they were (a redelivery) or under a new id (late and re-sent). */
    private String redeliver() {
        String topic = TOPICS.get(random.nextInt(TOPICS.size()));
        List<ConsumerRecord<String, String>> recent = recentRecords(topic, 40);
        if (recent.isEmpty()) {
            return topic + " (empty)";
        }
        int copies = 1 + random.nextInt(Math.min(8, recent.size()));
        Properties properties = new Properties();
        properties.put("bootstrap.servers", stack.kafkaBootstrapServers());
        int renamed = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < copies; i++) {
                ConsumerRecord<String, String> record = recent.get(random.nextInt(recent.size()));
                String value = record.value();
                if (random.nextBoolean()) {
                    value = value.replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + UUID.randomUUID() + "\"");
                    renamed++;
                }
                producer.send(new ProducerRecord<>(topic, record.key(), value));
            }
            producer.flush();
        }
        return "%s x%d (%d under a new id)".formatted(topic, copies, renamed);
    }

    /** The last {@code max} records of {@code topic}, oldest first. */
    private List<ConsumerRecord<String, String>> recentRecords(String topic, int max) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", stack.kafkaBootstrapServers());
        properties.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(0, ends.get(partition) - max));
            }
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(300)).forEach(found::add);
            }
        }
        return found.size() > max ? found.subList(found.size() - max, found.size()) : found;
    }

    private String channelFault() {
        String mode = CHANNEL_MODES[random.nextInt(CHANNEL_MODES.length)];
        int times = 1 + random.nextInt(3);
        int delay = 1 + random.nextInt(6);
        HttpResponse<String> set = send(HttpRequest.newBuilder(URI.create(stack.urlOf(Suite.PARTNER_SIMULATOR)
                        + "/sim/v1/channel/fault")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"%s\",\"times\":%d,\"delay\":\"PT%dS\"}"
                        .formatted(mode, times, delay))));
        if (set.statusCode() != 200) {
            throw new IllegalStateException("the channel fault was not set: " + set.statusCode() + " " + set.body());
        }
        return "%s x%d".formatted(mode, times);
    }

    private void clearChannelFault() {
        send(HttpRequest.newBuilder(URI.create(stack.urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/channel/fault")).DELETE());
    }

    /** Every connection to one service's database terminated, whatever it is doing (committing included). */
    private String killConnections() throws SQLException {
        StackService service = Suite.SERVICES.get(random.nextInt(Suite.SERVICES.size()));
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + stack.postgresPort()
                + "/postgres", "postgres", "postgres");
             PreparedStatement kill = connection.prepareStatement("""
                     select count(*) filter (where pg_terminate_backend(pid)), count(*) filter (where state = 'active')
                     from pg_stat_activity where datname = ? and pid <> pg_backend_pid()""")) {
            kill.setString(1, service.database());
            try (ResultSet rs = kill.executeQuery()) {
                rs.next();
                return "%s (%d connections, %d active)".formatted(service.database(), rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /**
     * Starts end of day, stops core-ledger while it runs, starts it again and runs end of day again:
     * the rerun resumes the same business date (or, if the first run had finished before the stop,
     * nothing is rerun), so the date moves exactly one day.
     */
    private String killEndOfDay() throws InterruptedException {
        Map<String, String> asFinance = Map.of("Authorization", financeToken.get());
        HttpResponse<String> started = postAccepting("/ops/v1/eod/runs", "{}", asFinance, Set.of(202));
        String day = DrawdownJourneyTest.field(started.body(), "businessDate");
        Thread.sleep(random.nextInt(50));
        StackService ledger = CreditLineJourneyTest.service("core-ledger-service");
        stack.stop(ledger);
        stack.startAgain(ledger);
        String before = runStatus(day);
        if (!"FINISHED".equals(before)) {
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            // The stopped run's lock goes with its connection; until then a rerun is refused with 409.
            while (postAccepting("/ops/v1/eod/runs", "{}", asFinance, Set.of(202, 409)).statusCode() == 409
                    && !"FINISHED".equals(runStatus(day))) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("end of day " + day + " could not be rerun: still locked");
                }
                pause(500);
            }
            while (!"FINISHED".equals(runStatus(day))) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("end of day " + day + " did not finish after the rerun: " + runStatus(day));
                }
                pause(200);
            }
        }
        businessDaysMoved++;
        return "%s (%s when core-ledger stopped)".formatted(day, before);
    }

    private String runStatus(String day) {
        HttpResponse<String> run = call(() -> HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/ops/v1/eod/runs/" + day))
                .header("Authorization", financeToken.get()).GET());
        Matcher status = STATUS.matcher(run.body());
        return status.find() ? status.group(1) : "NONE";
    }

    // --- what must hold afterwards ----------------------------------------------------------------

    /** What is checked after the load drains, each with what broke it; empty when everything held. */
    record Verdict(int checked, List<String> violations, String checker) {
    }

    /** Waits (up to {@code atMost}) for every order to be final and every book to agree, then says what still does not. */
    Verdict verify(Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        Verdict verdict;
        do {
            verdict = check();
            if (verdict.violations().isEmpty()) {
                break;
            }
            pause(1000);
        } while (System.nanoTime() < until);
        return verdict;
    }

    private Verdict check() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        checked++;
        notFinal("lendflow_loan_order", "drawdown", "state", DRAWDOWN_FINAL, drawdowns, violations);
        checked++;
        // An application waiting in FRAUD_REVIEW waits for a person: in progress, provably.
        notFinal("lendflow_loan_order", "credit_application", "state",
                Set.of("APPROVED", "REJECTED", "FAILED", "FRAUD_REVIEW"), applications, violations);
        checked++;
        notFinal("lendflow_payment", "repayment_order", "state", Set.of("REFUSED", "SUCCEEDED", "FAILED", "REVERSED"),
                repayments, violations);
        checked++;
        // Exactly one successful payout at the channel for a DISBURSED drawdown, none for a FAILED one.
        for (String[] drawdown : rows("lendflow_loan_order", "select id::text, state from drawdown where id::text = any(?)",
                drawdowns)) {
            String transfers = send(HttpRequest.newBuilder(URI.create(stack.urlOf(Suite.PARTNER_SIMULATOR)
                    + "/sim/v1/channel/transfers?reference=" + drawdown[0])).GET()).body();
            int succeeded = occurrences(transfers, "\"status\":\"SUCCESS\"");
            int expected = "DISBURSED".equals(drawdown[1]) ? 1 : 0;
            if ("DISBURSED".equals(drawdown[1]) || "FAILED".equals(drawdown[1])) {
                if (succeeded != expected) {
                    violations.add("drawdown %s is %s with %d successful payouts at the channel: %s"
                            .formatted(drawdown[0], drawdown[1], succeeded, transfers));
                }
            }
        }
        checked++;
        // Each campaign customer's line is occupied by exactly the outstanding principal of their loans, nothing reserved.
        Map<String, BigDecimal> outstanding = new TreeMap<>();
        for (String[] loan : rows("lendflow_core_ledger", """
                select customer_id::text, sum(outstanding_principal)::text from loan_account
                where customer_id::text = any(?) and status = 'ACTIVE' group by customer_id""", customers)) {
            outstanding.put(loan[0], new BigDecimal(loan[1]));
        }
        for (String[] line : rows("lendflow_limit", """
                select customer_id::text, occupied::text, reserved::text from credit_line where customer_id::text = any(?)""",
                customers)) {
            BigDecimal owed = outstanding.getOrDefault(line[0], BigDecimal.ZERO);
            if (new BigDecimal(line[1]).compareTo(owed) != 0 || new BigDecimal(line[2]).signum() != 0) {
                violations.add("credit line of %s: occupied %s, reserved %s, but its loans' outstanding principal is %s"
                        .formatted(line[0], line[1], line[2], owed.toPlainString()));
            }
        }
        checked++;
        // Every journal entry balanced.
        for (String[] entry : rows("lendflow_core_ledger", """
                select entry_id::text, sum(case when side = 'DEBIT' then amount else -amount end)::text
                from journal_line group by entry_id
                having sum(case when side = 'DEBIT' then amount else -amount end) <> 0 and ? is not null""",
                List.of("all"))) {
            violations.add("journal entry %s is off by %s".formatted(entry[0], entry[1]));
        }
        StackInvariants.Outcome invariants = StackInvariants.check();
        checked += invariants.checked();
        violations.addAll(invariants.violations());
        return new Verdict(checked, violations, invariants.rendered());
    }

    private void notFinal(String database, String table, String column, Set<String> finals, List<String> ids,
                          List<String> violations) {
        for (String[] row : rows(database, "select id::text, " + column + " from " + table + " where id::text = any(?)", ids)) {
            if (!finals.contains(row[1])) {
                violations.add("%s %s is still %s".formatted(table, row[0], row[1]));
            }
        }
    }

    private List<String[]> rows(String database, String sql, List<String> ids) {
        String url = "jdbc:postgresql://localhost:" + stack.postgresPort() + "/" + database;
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement(sql)) {
            synchronized (ids) {
                query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            }
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    // --- the figures --------------------------------------------------------------------------------

    int journeysRun() {
        return customers.size() + applications.size() + drawdowns.size() + repayments.size();
    }

    int faultsInjected() {
        return faults.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Set<Fault> kindsInjected() {
        Set<Fault> kinds = java.util.EnumSet.noneOf(Fault.class);
        faults.keySet().forEach(kind -> kinds.add(Fault.valueOf(kind)));
        return kinds;
    }

    int businessDaysMoved() {
        return businessDaysMoved;
    }

    List<String> problems() {
        return problems;
    }

    String summary(Verdict verdict, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("== fault campaign, seed ").append(settings.seed()).append(" ==\n");
        out.append("load: ").append(took.toSeconds()).append(" s, ").append(customers.size()).append(" borrowers, ")
                .append(settings.concurrency()).append(" at once; client retries (refused connection, 5xx, 429): ")
                .append(retries.get()).append('\n');
        out.append("journeys run: ").append(journeysRun()).append(" (customers ").append(customers.size())
                .append(", credit applications ").append(applications.size()).append(", drawdowns ")
                .append(drawdowns.size()).append(", repayments ").append(repayments.size()).append(")\n");
        out.append("outcomes: ").append(counts(journeys)).append('\n');
        out.append("faults injected: ").append(faultsInjected()).append(' ').append(counts(faults)).append('\n');
        new TreeMap<>(faultDetails).forEach((k, v) -> out.append("  ").append(v.get()).append(" x ").append(k).append('\n'));
        out.append("business days moved by end of day: ").append(businessDaysMoved).append('\n');
        out.append("invariants checker: ").append(verdict.checker()).append('\n');
        out.append("invariants checked: ").append(verdict.checked()).append(", violations = ")
                .append(verdict.violations().size()).append('\n');
        verdict.violations().stream().limit(50).forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
        problems.stream().limit(50).forEach(p -> out.append("  PROBLEM ").append(p).append('\n'));
        return out.toString();
    }

    private static String counts(Map<String, AtomicInteger> counts) {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted.toString();
    }

    private void count(String outcome) {
        journeys.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A bearer token fetched again once it is ten minutes old. */
    static final class FreshToken {
        private static final Duration RENEW_AFTER = Duration.ofMinutes(10);
        private final Supplier<String> fetch;
        private String token;
        private long fetchedAt;

        FreshToken(Supplier<String> fetch) {
            this.fetch = fetch;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - fetchedAt > RENEW_AFTER.toNanos()) {
                token = "Bearer " + fetch.get();
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }

    // --- a client that behaves like the app backend --------------------------------------------------

    private HttpResponse<String> post(String path, String json, Map<String, String> headers, int expected) {
        return postAccepting(path, json, headers, Set.of(expected));
    }

    /** POSTs with one Idempotency-Key, retried with the same key while the stack is restarting. */
    private HttpResponse<String> postAccepting(String path, String json, Map<String, String> headers, Set<Integer> expected) {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> response = call(() -> HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", key).headers(flat(headers))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (!expected.contains(response.statusCode())) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String awaitFinal(String path, Map<String, String> headers, Pattern field, Set<String> finals, Duration atMost) {
        return awaitFinal(path, headers, field, finals, atMost, new String[1]);
    }

    private String awaitFinal(String path, Map<String, String> headers, Pattern field, Set<String> finals, Duration atMost,
                              String[] body) {
        long until = System.nanoTime() + atMost.toNanos();
        String last = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> response = call(() -> HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .headers(flat(headers)).GET());
            Matcher value = field.matcher(response.body());
            last = value.find() ? value.group(1) : response.statusCode() + " " + response.body();
            if (finals.contains(last)) {
                body[0] = response.body();
                return last;
            }
            pause(500);
        }
        count("stuck");
        throw new IllegalStateException(path + " not final after " + atMost.toSeconds() + " s: " + last);
    }

    /** Sends, retrying a refused connection, a timeout, 429 and 5xx for up to two minutes (restarts take that long). */
    private HttpResponse<String> call(java.util.function.Supplier<HttpRequest.Builder> request) {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            HttpResponse<String> response = null;
            Exception failure = null;
            try {
                response = http.send(request.get().timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (response != null && response.statusCode() != 429 && response.statusCode() < 500) {
                return response;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no answer after retrying for two minutes: "
                        + (response == null ? failure : response.statusCode() + " " + response.body()));
            }
            retries.incrementAndGet();
            pause(300 + ThreadLocalRandomHolder.next(700));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return call(() -> request);
    }

    private static String[] flat(Map<String, String> headers) {
        return headers.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private static String id(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static List<StackService> restartable() {
        List<StackService> all = new ArrayList<>(Suite.SERVICES);
        all.add(Suite.GATEWAY);
        return List.copyOf(all);
    }

    /** Retry jitter, deliberately outside the seeded Random: it does not choose any fault. */
    private static final class ThreadLocalRandomHolder {
        static long next(int bound) {
            return java.util.concurrent.ThreadLocalRandom.current().nextInt(bound);
        }
    }
}
