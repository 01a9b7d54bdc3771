package com.lendflow.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole suite in one JVM: a real PostgreSQL (one database per service, data kept under
 * {@code LENDFLOW_HOME}), a real Kafka broker in KRaft mode, the partner simulator, every
 * service on its own port, and the gateway. Each service is its own Spring context started
 * exactly as its own {@code main} starts it.
 */
public final class LocalStack implements AutoCloseable {

    private static final String GATEWAY_EXCLUDES = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");
    /*
     * Servlet contexts exclude the gateway's classpath check (it throws when it sees Spring MVC) and
     * the reactive HTTP client set-up: its ReactorResourceFactory owns Reactor Netty's global event
     * loops and disposes them when its context closes, which would take the gateway's server down
     * with a service that is only being restarted. No servlet service uses a reactive client.
     */
    private static final String SERVLET_EXCLUDES =
            "org.springframework.cloud.gateway.config.GatewayClassPathWarningAutoConfiguration,"
                    + "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration";

    private final StackSettings settings;
    private final List<ConfigurableApplicationContext> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConfigurableApplicationContext> byName = new java.util.concurrent.ConcurrentHashMap<>();
    private EmbeddedPostgres postgres;
    private LocalKafka kafka;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("lendflow-stop").unstarted(() -> {
            say("stopping Lendflow ...");
            stack.close();
            say("stopped; data kept in " + settings.home());
            stopped.countDown();
        }));
        try {
            stack.start();
        } catch (Exception e) {
            say("Lendflow failed to start: " + e);
            say("the full log is in " + settings.home().resolve("logs/lendflow.log"));
            System.exit(1);
        }
        stopped.await();
    }

    /** Starts the stack with {@code settings}; close it to stop everything. */
    static LocalStack start(StackSettings settings) throws Exception {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void start() throws Exception {
        long begin = System.nanoTime();
        // One logging setup for the whole JVM (logback.xml); contexts must not re-initialise it one after another.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Files.createDirectories(settings.home());
        say("Lendflow local stack, data in " + settings.home());

        postgres = startPostgres();
        createDatabases();
        ready("postgresql", "jdbc:postgresql://localhost:" + settings.postgresPort() + " (user postgres)", begin);

        long kafkaBegin = System.nanoTime();
        kafka = LocalKafka.start(settings.home().resolve("kafka"), settings.kafkaPort(), settings.kafkaPort() + 1);
        ready("kafka", kafka.bootstrapServers(), kafkaBegin);
        realignKafkaAfterRestore();

        startOne(Suite.PARTNER_SIMULATOR, servletArgs(Suite.PARTNER_SIMULATOR));
        startOne(Suite.AUTH_SERVER, servletArgs(Suite.AUTH_SERVER));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.startThreads()),
                Thread.ofPlatform().name("stack-start-", 0).factory());
        try {
            List<Future<?>> starting = new ArrayList<>();
            for (StackService service : Suite.SERVICES) {
                starting.add(pool.submit(() -> {
                    startOne(service, servletArgs(service));
                    return null;
                }));
            }
            for (Future<?> future : starting) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        startOne(Suite.OPS_CONSOLE, servletArgs(Suite.OPS_CONSOLE));
        startOne(Suite.GATEWAY, gatewayArgs());

        say("");
        say("Lendflow is up in %.1f s. Gateway: %s".formatted(seconds(begin), settings.urlOf(Suite.GATEWAY)));
        say("Ops console: %s/console/ (users agent, supervisor, analyst, finance, admin; passwords <user>-password)"
                .formatted(settings.urlOf(Suite.GATEWAY)));
        say("OpenAPI pages:");
        for (StackService service : Suite.SERVICES) {
            say("  %-24s %s/swagger-ui.html".formatted(service.name(), settings.urlOf(service)));
        }
        say("  %-24s %s/swagger-ui.html".formatted(Suite.PARTNER_SIMULATOR.name(), settings.urlOf(Suite.PARTNER_SIMULATOR)));
        say("Tokens: %s/oauth2/token (see the README for the curl commands)".formatted(settings.urlOf(Suite.AUTH_SERVER)));
        say("Local only: personal data is encrypted with development keys and tokens are signed with a key");
        say("generated at start (they do not survive a restart). Production sets LENDFLOW_CRYPTO_* and LENDFLOW_AUTH_SIGNING_KEY.");
        say("Logs: " + settings.home().resolve("logs/lendflow.log") + ". Ctrl-C stops everything.");
    }

    private void startOne(StackService service, List<String> stackArgs) {
        long begin = System.nanoTime();
        List<String> args = new ArrayList<>(stackArgs);
        // One shutdown for the whole stack, in order: gateway, services, Kafka, PostgreSQL.
        args.add("--spring.main.register-shutdown-hook=false");
        ConfigurableApplicationContext context = service.starter().apply(args.toArray(String[]::new));
        started.add(context);
        byName.put(service.name(), context);
        ready(service.name(), settings.urlOf(service), begin);
    }

    /** Every context trusts the stack's auth server, and the auth server names itself by its stack address. */
    private List<String> authArgs() {
        String issuer = settings.urlOf(Suite.AUTH_SERVER);
        return List.of("--lendflow.auth.issuer=" + issuer,
                "--LENDFLOW_AUTH_ISSUER=" + issuer, "--LENDFLOW_AUTH_JWKS_URI=" + issuer + "/oauth2/jwks",
                // Keys are local-only, derived for development; production sets LENDFLOW_CRYPTO_* instead.
                "--lendflow.crypto.allow-dev-keys=true");
    }

    private List<String> servletArgs(StackService service) {
        List<String> args = new ArrayList<>(authArgs());
        args.addAll(List.of(
                "--server.port=" + settings.portOf(service),
                "--spring.cloud.gateway.server.webflux.enabled=false",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                // Outside parties are all played by the partner simulator in the local stack.
                "--lendflow.esign.provider.base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.credit-decision.bureau.base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.loan-order.sms.base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.payment.channel.base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.collection.partners.sms-base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.collection.partners.voice-base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.reconciliation.partners.channel-base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR),
                "--lendflow.reconciliation.partners.funding-base-url=" + settings.urlOf(Suite.PARTNER_SIMULATOR)));
        // Each service finds the others where the stack runs them (the same variables compose sets).
        for (StackService other : Suite.SERVICES) {
            args.add("--" + other.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL=" + settings.urlOf(other));
        }
        if (service.hasDatabase()) {
            args.add("--spring.autoconfigure.exclude=" + SERVLET_EXCLUDES);
            args.add("--spring.datasource.url=jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + service.database());
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=postgres");
        } else {
            args.add("--spring.autoconfigure.exclude=" + SERVLET_EXCLUDES
                    + ",org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        }
        return args;
    }

    private List<String> gatewayArgs() {
        List<String> args = new ArrayList<>(authArgs());
        args.addAll(List.of(
                "--server.port=" + settings.portOf(Suite.GATEWAY),
                "--spring.main.web-application-type=reactive",
                "--spring.autoconfigure.exclude=" + GATEWAY_EXCLUDES));
        for (StackService service : Suite.SERVICES) {
            args.add("--" + service.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL=" + settings.urlOf(service));
        }
        args.add("--OPS_CONSOLE_URL=" + settings.urlOf(Suite.OPS_CONSOLE));
        return args;
    }

    private void createDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (StackService service : Suite.SERVICES) {
                try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, service.database());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + service.database());
                }
            }
        }
    }

    String gatewayUrl() {
        return settings.urlOf(Suite.GATEWAY);
    }

    String urlOf(StackService service) {
        return settings.urlOf(service);
    }

    /** A running service's Spring context, for tests that need to look inside. */
    ConfigurableApplicationContext contextOf(StackService service) {
        ConfigurableApplicationContext context = byName.get(service.name());
        if (context == null) {
            throw new IllegalStateException(service.name() + " is not running");
        }
        return context;
    }

    /** Stops one service, as a crash or a redeploy would; the rest of the stack keeps running. */
    void stop(StackService service) {
        ConfigurableApplicationContext context = contextOf(service);
        byName.remove(service.name());
        started.remove(context);
        context.close();
        say("stopped " + service.name());
    }

    /**
     * Starts a stopped service (the gateway included) again with the arguments it had; it resumes
     * from its database and Kafka offsets.
     */
    void startAgain(StackService service) {
        if (byName.containsKey(service.name())) {
            throw new IllegalStateException(service.name() + " is already running");
        }
        startOne(service, service == Suite.GATEWAY ? gatewayArgs() : servletArgs(service));
    }

    /**
     * Stops the Kafka broker and starts it again on the same ports and log directory, as a broker
     * restart or a short outage would: topics, messages and committed offsets survive; producers and
     * consumers of the running services reconnect on their own.
     */
    synchronized void restartKafka() throws Exception {
        kafka.close();
        say("stopped kafka");
        long begin = System.nanoTime();
        kafka = LocalKafka.start(settings.home().resolve("kafka"), settings.kafkaPort(), settings.kafkaPort() + 1);
        ready("kafka", kafka.bootstrapServers(), begin);
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(settings.home().resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60))
                // The stack stops PostgreSQL itself, after the services that use it.
                .setRegisterShutdownHook(false)
                .start();
    }

    /** After {@code ./lendflow restore}: Kafka is realigned with the restored databases before any service consumes. */
    private int realignKafkaAfterRestore() throws Exception {
        if (!Files.exists(settings.home().resolve(Backups.REWIND_MARKER))) {
            return 0;
        }
        int replayed = Backups.realignKafkaIfRestored(settings.home(), kafka.bootstrapServers());
        say("  restored from a backup: %d message(s) owed to consumers published again, later ones skipped"
                .formatted(replayed));
        return replayed;
    }

    /** An online backup of every service's database and the Kafka offsets into {@code target}; the stack keeps running. */
    Backups.Taken backup(Path target) throws Exception {
        return Backups.backup(settings.postgresPort(), settings.home().resolve("postgres"), kafka.bootstrapServers(), target);
    }

    /**
     * Restores a backup as {@code ./lendflow restore} and a start do, without stopping the gateway,
     * the auth server, the simulator or Kafka: stops every service with a database and PostgreSQL,
     * puts the backup in place, starts PostgreSQL (it replays the backup's WAL), realigns Kafka with
     * the restored databases and starts the services again.
     */
    synchronized int restore(Path backup) throws Exception {
        List<StackService> services = new ArrayList<>(Suite.SERVICES);
        Collections.reverse(services);
        for (StackService service : services) {
            if (byName.containsKey(service.name())) {
                stop(service);
            }
        }
        postgres.close();
        // pg_ctl gives up waiting after 5 s; on a busy machine the shutdown checkpoint can take longer.
        Path pid = settings.home().resolve("postgres").resolve("postmaster.pid");
        for (int i = 0; i < 600 && Files.exists(pid); i++) {
            Thread.sleep(100);
        }
        say("stopped postgresql");
        long begin = System.nanoTime();
        Path replaced = Backups.restoreFiles(backup, settings.home().resolve("postgres"), settings.home());
        if (replaced != null) {
            Backups.deleteTree(replaced);
        }
        postgres = startPostgres();
        ready("postgresql", "restored from " + backup, begin);
        int replayed = realignKafkaAfterRestore();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.startThreads()),
                Thread.ofPlatform().name("stack-restart-", 0).factory());
        try {
            List<Future<?>> starting = new ArrayList<>();
            for (StackService service : Suite.SERVICES) {
                starting.add(pool.submit(() -> {
                    startOnPort(service);
                    return null;
                }));
            }
            for (Future<?> future : starting) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return replayed;
    }

    /**
     * Starts a service again, waiting for its port: the stack's ports lie in the kernel's ephemeral
     * range, so while a service was down an outgoing connection may have been given its port.
     */
    private void startOnPort(StackService service) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                startOne(service, servletArgs(service));
                return;
            } catch (RuntimeException e) {
                boolean portTaken = false;
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    portTaken |= cause.getClass().getSimpleName().equals("PortInUseException");
                }
                if (!portTaken || attempt == 10) {
                    throw e;
                }
                say("port " + settings.portOf(service) + " of " + service.name() + " is taken for now; trying again");
                Thread.sleep(2000);
            }
        }
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    int postgresPort() {
        return settings.postgresPort();
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(started);
        Collections.reverse(contexts);
        for (ConfigurableApplicationContext context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                say("failed to stop a service cleanly: " + e);
            }
        }
        started.clear();
        byName.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                say("failed to stop PostgreSQL cleanly: " + e);
            }
            postgres = null;
        }
    }

    private static void ready(String name, String where, long begin) {
        say("  ready  %-24s %-44s %5.1f s".formatted(name, where, seconds(begin)));
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
