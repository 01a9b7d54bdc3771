package com.lendflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Backup and restore of the local stack: an online, consistent snapshot of the whole PostgreSQL
 * cluster (every service's database at one instant) plus the Kafka consumer groups' offsets, and the
 * restore that puts the snapshot back and realigns Kafka with it.
 *
 * <p>Why a physical snapshot and not {@code pg_dump}: the embedded PostgreSQL 17 ships no client
 * tools, and a {@code pg_dump} or {@code pg_basebackup} older than the server refuses it. The
 * snapshot is PostgreSQL's own low-level API: {@code pg_backup_start} (with a fast checkpoint),
 * copy the data directory while the services keep writing, {@code pg_backup_stop}, then the WAL
 * written from start to stop and the {@code backup_label} it returns. A temporary replication slot
 * holds that WAL until it is copied. Started on the restored directory, PostgreSQL replays the WAL
 * to the stop point, so every database is as it was at one instant, with each outbox, inbox and
 * saga row consistent with the others.
 *
 * <p>Why Kafka offsets too: Kafka is not restored (it cannot be, consistently with the database,
 * and the payment channel outside does not go back in time either). The backup records each
 * consumer group's offsets just before the snapshot and each log's end just after it; a restore
 * then publishes again what was owed to consumers at the snapshot and has every group skip what
 * was published after it, which the restored services redo themselves ({@link #realignKafka}).
 *
 * <p>Usage (the stack's settings from the environment, as {@code ./lendflow up}): {@code backup
 * [directory]} while the stack runs; {@code restore <directory>} while it is stopped, after which
 * the next start recovers PostgreSQL and realigns Kafka before any service starts.
 */
public final class Backups {

    static final String DATA = "data";
    static final String OFFSETS = "consumer-offsets.tsv";
    static final String LOG_ENDS = "log-end-offsets.tsv";
    static final String INFO = "backup.properties";
    /** Left in the stack's home by a restore; the next start realigns Kafka with them, then deletes them. */
    static final String REWIND_MARKER = "restored-consumer-offsets.tsv";
    static final String LOG_ENDS_MARKER = "restored-log-end-offsets.tsv";

    /*
     * What PostgreSQL's documentation says to leave out of a copied data directory (contents only,
     * the directories stay), plus the embedded server's lock file.
     */
    private static final Set<String> EMPTY_DIRECTORIES = Set.of("pg_wal", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "pg_replslot");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "backup_label.old", "tablespace_map", "tablespace_map.old", "pg_internal.init");

    private Backups() {
    }

    /** What a backup took: its label, the WAL positions it spans and when. */
    record Taken(Path directory, String label, String startLsn, String stopLsn, Instant startedAt, Instant stoppedAt,
                 int walSegments, int consumerOffsets, long owedMessages, long bytes) {

        @Override
        public String toString() {
            return ("backup %s in %s: WAL %s to %s, %d segment(s), %d consumer offset(s), %d message(s) published but"
                    + " not yet consumed, %.1f MB, %.1f s").formatted(label, directory, startLsn, stopLsn, walSegments,
                    consumerOffsets, owedMessages, bytes / 1e6, (stoppedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1e3);
        }
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "backup" -> {
                Path target = args.length > 1 ? Path.of(args[1])
                        : settings.home().resolve("backups").resolve("backup-" + DateTimeFormatter
                        .ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
                Taken taken = backup(settings.postgresPort(), settings.home().resolve("postgres"),
                        "localhost:" + settings.kafkaPort(), target);
                System.out.println(taken);
            }
            case "restore" -> {
                if (args.length < 2) {
                    throw new IllegalArgumentException("usage: restore <backup directory>");
                }
                Path moved = restoreFiles(Path.of(args[1]), settings.home().resolve("postgres"), settings.home());
                System.out.println("restored " + args[1] + " into " + settings.home().resolve("postgres")
                        + "; the directory it replaced is " + moved);
                System.out.println("start the stack (./lendflow up): PostgreSQL replays the backup's WAL and Kafka"
                        + " is realigned with the backup before any service starts");
            }
            default -> {
                System.err.println("usage: backup [directory] | restore <directory>");
                System.exit(2);
            }
        }
    }

    /**
     * Takes an online backup of the cluster on {@code postgresPort} whose data directory is
     * {@code dataDirectory} into {@code target} (which must not exist), with the consumer offsets of
     * the broker at {@code kafkaBootstrap}. The services keep running.
     */
    static Taken backup(int postgresPort, Path dataDirectory, String kafkaBootstrap, Path target) throws Exception {
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists; a backup goes into a new directory");
        }
        Path data = target.resolve(DATA);
        Files.createDirectories(data);
        String label = "lendflow-" + target.getFileName();
        String url = "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            connection.setAutoCommit(true);
            int version = Integer.parseInt(single(connection, "show server_version_num"));
            if (version < 150000) {
                throw new IllegalStateException("PostgreSQL " + version + " has no pg_backup_start (15 or newer needed)");
            }
            Path served = Path.of(single(connection, "show data_directory")).toRealPath();
            if (!served.equals(dataDirectory.toRealPath())) {
                // Another server on this port (say one left running by a killed stack): its files are not these.
                throw new IllegalStateException("the PostgreSQL on port " + postgresPort + " serves " + served
                        + ", not " + dataDirectory);
            }
            // Keeps every WAL segment from here on until this session ends, whatever checkpoints run meanwhile.
            String slot = "lendflow_backup_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
            try (PreparedStatement create = connection.prepareStatement(
                    "select pg_create_physical_replication_slot(?, true, true)")) {
                create.setString(1, slot);
                create.execute();
            }
            // Read before the snapshot starts: whatever a consumer commits later is past these offsets.
            Map<String, Map<TopicPartition, Long>> offsets = consumerOffsets(kafkaBootstrap);
            Instant startedAt = Instant.now();
            String startLsn;
            try (PreparedStatement start = connection.prepareStatement("select pg_backup_start(?, true)::text")) {
                start.setString(1, label);
                try (ResultSet rs = start.executeQuery()) {
                    rs.next();
                    startLsn = rs.getString(1);
                }
            }
            long bytes;
            String stopLsn;
            String labelFile;
            String spcmapFile;
            try {
                bytes = copyDataDirectory(dataDirectory, data);
            } finally {
                try (Statement stop = connection.createStatement();
                     ResultSet rs = stop.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                    rs.next();
                    stopLsn = rs.getString(1);
                    labelFile = rs.getString(2);
                    spcmapFile = rs.getString(3);
                }
            }
            // Read at once after the snapshot: what was published by then; anything later came from work the restore undoes.
            Map<TopicPartition, Long> logEnds = logEndOffsets(kafkaBootstrap, offsets);
            Instant stoppedAt = Instant.now();
            String firstSegment = single(connection, "select pg_walfile_name('" + startLsn + "'::pg_lsn)");
            String lastSegment = single(connection, "select pg_walfile_name('" + stopLsn + "'::pg_lsn)");
            // pg_backup_stop has switched to a new segment: the last one copied ends with the stop record.
            int segments = 0;
            Path wal = dataDirectory.resolve("pg_wal");
            try (var files = Files.list(wal)) {
                for (Path segment : files.sorted().toList()) {
                    String name = segment.getFileName().toString();
                    if (name.length() == 24 && name.compareTo(firstSegment) >= 0 && name.compareTo(lastSegment) <= 0) {
                        Files.copy(segment, data.resolve("pg_wal").resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        bytes += Files.size(segment);
                        segments++;
                    }
                }
            }
            if (segments == 0) {
                throw new IllegalStateException("no WAL segment from " + firstSegment + " to " + lastSegment + " in " + wal);
            }
            Files.writeString(data.resolve("backup_label"), labelFile, StandardCharsets.UTF_8);
            if (spcmapFile != null && !spcmapFile.isBlank()) {
                Files.writeString(data.resolve("tablespace_map"), spcmapFile, StandardCharsets.UTF_8);
            }
            int offsetCount = writeOffsets(offsets, target.resolve(OFFSETS));
            writeOffsets(Map.of("*", logEnds), target.resolve(LOG_ENDS));
            Properties info = new Properties();
            info.setProperty("label", label);
            info.setProperty("postgres.version", String.valueOf(version));
            info.setProperty("wal.start", startLsn);
            info.setProperty("wal.stop", stopLsn);
            info.setProperty("wal.segments", firstSegment + ".." + lastSegment);
            info.setProperty("started-at", startedAt.toString());
            info.setProperty("stopped-at", stoppedAt.toString());
            info.setProperty("kafka.consumer-offsets", String.valueOf(offsetCount));
            try (var out = Files.newBufferedWriter(target.resolve(INFO))) {
                info.store(out, "Lendflow backup: restore with ./lendflow restore " + target);
            }
            return new Taken(target, label, startLsn, stopLsn, startedAt, stoppedAt, segments, offsetCount,
                    owed(offsets, logEnds).entrySet().stream().mapToLong(e -> logEnds.get(e.getKey()) - e.getValue()).sum(),
                    bytes);
        }
    }

    /**
     * Puts the backup in {@code backup} in place of {@code dataDirectory}, which must belong to a
     * stopped PostgreSQL; the directory it replaces is kept beside it (returned). Leaves the
     * backup's Kafka offsets in {@code home} for the next start to realign Kafka with.
     */
    static Path restoreFiles(Path backup, Path dataDirectory, Path home) throws IOException {
        Path source = backup.resolve(DATA);
        if (!Files.exists(source.resolve("backup_label")) || !Files.exists(source.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(backup + " holds no backup (no " + DATA + "/backup_label)");
        }
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IllegalStateException("PostgreSQL still runs on " + dataDirectory
                    + " (postmaster.pid is there): stop the stack first");
        }
        Path moved = null;
        if (Files.exists(dataDirectory)) {
            moved = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
            Files.move(dataDirectory, moved);
        }
        copyTree(source, dataDirectory);
        // PostgreSQL refuses a data directory others may read.
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        Path offsets = backup.resolve(OFFSETS);
        if (Files.exists(offsets) && Files.exists(backup.resolve(LOG_ENDS))) {
            Files.createDirectories(home);
            Files.copy(backup.resolve(LOG_ENDS), home.resolve(LOG_ENDS_MARKER), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(offsets, home.resolve(REWIND_MARKER), StandardCopyOption.REPLACE_EXISTING);
        }
        return moved;
    }

    /**
     * After a restore, before any service consumes: makes Kafka agree with the restored databases
     * (see {@link #realignKafka}). Returns the messages replayed; 0 when there was no restore.
     */
    static int realignKafkaIfRestored(Path home, String kafkaBootstrap) throws Exception {
        Path marker = home.resolve(REWIND_MARKER);
        if (!Files.exists(marker)) {
            return 0;
        }
        int replayed = realignKafka(readOffsets(marker), readOffsets(home.resolve(LOG_ENDS_MARKER)).get("*"),
                kafkaBootstrap);
        Files.delete(home.resolve(LOG_ENDS_MARKER));
        Files.delete(marker);
        return replayed;
    }

    /**
     * Makes Kafka agree with databases restored to the backup's instant. Kafka kept everything, in
     * two parts. What was published before the backup but not yet consumed (between a group's
     * offset then and the log's end then) is owed to the consumers: it is published again, as it
     * was (key, value, headers: the same message ids, so an inbox that already has one ignores it).
     * What was published after the backup came from work the restore undid, which the restored
     * services redo (unsent outbox rows are sent again, sagas resend overdue steps): every group of
     * the backup skips it, or a service would act on a reply, or a command, its own database has
     * forgotten (a second loan account for one drawdown, a reservation for an order nobody has).
     * Returns the messages published again.
     */
    static int realignKafka(Map<String, Map<TopicPartition, Long>> committed, Map<TopicPartition, Long> logEnds,
                            String kafkaBootstrap) throws Exception {
        Map<TopicPartition, Long> owedFrom = owed(committed, logEnds);
        int replayed = 0;
        try (Admin admin = admin(kafkaBootstrap);
             KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(readerProperties(kafkaBootstrap));
             KafkaProducer<byte[], byte[]> writer = new KafkaProducer<>(writerProperties(kafkaBootstrap))) {
            Map<TopicPartition, Long> endNow = new HashMap<>();
            admin.listOffsets(logEnds.keySet().stream().collect(java.util.stream.Collectors.toMap(
                            partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> endNow.put(partition, info.offset()));
            for (Map.Entry<TopicPartition, Long> owed : owedFrom.entrySet()) {
                TopicPartition partition = owed.getKey();
                long until = logEnds.get(partition);
                System.out.printf("  %s: offsets %d to %d owed to consumers at the backup, published again%n", partition,
                        owed.getValue(), until - 1);
                reader.assign(List.of(partition));
                reader.seek(partition, owed.getValue());
                long next = owed.getValue();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (next < until) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + partition + " up to offset " + until);
                    }
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(java.time.Duration.ofMillis(500))) {
                        if (record.offset() >= until) {
                            next = until;
                            break;
                        }
                        writer.send(new ProducerRecord<>(partition.topic(), partition.partition(), record.key(),
                                record.value(), record.headers()));
                        replayed++;
                        next = record.offset() + 1;
                    }
                    if (next < until && reader.position(partition) >= until) {
                        // The rest were transaction markers or compacted away.
                        next = until;
                    }
                }
            }
            writer.flush();
            for (Map.Entry<String, Map<TopicPartition, Long>> group : committed.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
                for (TopicPartition partition : group.getValue().keySet()) {
                    Long skipTo = endNow.get(partition);
                    if (skipTo != null) {
                        // The replayed messages follow this offset; what lies before it in the log is passed over.
                        moved.put(partition, new OffsetAndMetadata(skipTo));
                    }
                }
                if (moved.isEmpty()) {
                    continue;
                }
                try {
                    admin.alterConsumerGroupOffsets(group.getKey(), moved).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // A group with live members (a consumer outside the restored services) cannot be moved.
                    System.out.println("consumer group " + group.getKey() + " left as it is: " + e.getCause());
                }
            }
        }
        return replayed;
    }

    /** Per partition, the first offset some group of the backup had not consumed when the log ended at the backup. */
    private static Map<TopicPartition, Long> owed(Map<String, Map<TopicPartition, Long>> committed,
                                                  Map<TopicPartition, Long> logEnds) {
        Map<TopicPartition, Long> owedFrom = new HashMap<>();
        committed.values().forEach(partitions -> partitions.forEach((partition, offset) -> {
            Long end = logEnds.get(partition);
            if (end != null && offset < end) {
                owedFrom.merge(partition, offset, Math::min);
            }
        }));
        return owedFrom;
    }

    private static Map<TopicPartition, Long> logEndOffsets(String kafkaBootstrap,
                                                           Map<String, Map<TopicPartition, Long>> committed) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        committed.values().forEach(group -> group.keySet().forEach(partition -> partitions.put(partition, OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        try (Admin admin = admin(kafkaBootstrap)) {
            admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
        }
        return ends;
    }

    private static Properties readerProperties(String kafkaBootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    private static Properties writerProperties(String kafkaBootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    /**
     * Each consumer group's committed offsets. A partition a member is assigned but has never
     * committed on (nothing consumed there yet) counts from the log's start: whatever is in it is owed.
     */
    static Map<String, Map<TopicPartition, Long>> consumerOffsets(String kafkaBootstrap) throws Exception {
        Map<String, Map<TopicPartition, Long>> offsets = new TreeMap<>();
        try (Admin admin = admin(kafkaBootstrap)) {
            List<String> groups = new ArrayList<>();
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
                if (group.groupState().filter(state -> state == GroupState.DEAD).isEmpty()) {
                    groups.add(group.groupId());
                }
            }
            Map<String, ConsumerGroupDescription> described = groups.isEmpty() ? Map.of()
                    : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> uncommitted = new HashMap<>();
            Map<String, List<TopicPartition>> uncommittedByGroup = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, Long> partitions = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> {
                            if (offset != null) {
                                partitions.put(partition, offset.offset());
                            }
                        });
                ConsumerGroupDescription description = described.get(group);
                if (description != null) {
                    for (MemberDescription member : description.members()) {
                        for (TopicPartition partition : member.assignment().topicPartitions()) {
                            if (!partitions.containsKey(partition)) {
                                uncommitted.put(partition, OffsetSpec.earliest());
                                uncommittedByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(partition);
                            }
                        }
                    }
                }
                offsets.put(group, partitions);
            }
            if (!uncommitted.isEmpty()) {
                Map<TopicPartition, Long> starts = new HashMap<>();
                admin.listOffsets(uncommitted).all().get(30, TimeUnit.SECONDS)
                        .forEach((partition, info) -> starts.put(partition, info.offset()));
                uncommittedByGroup.forEach((group, partitions) -> partitions.forEach(partition ->
                        offsets.get(group).put(partition, starts.get(partition))));
            }
            offsets.values().removeIf(Map::isEmpty);
        }
        return offsets;
    }

    private static Admin admin(String kafkaBootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(properties);
    }

    private static int writeOffsets(Map<String, Map<TopicPartition, Long>> offsets, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# group\ttopic\tpartition\tcommitted offset, read just before the snapshot started");
        offsets.forEach((group, partitions) -> partitions.forEach((partition, offset) ->
                lines.add(group + "\t" + partition.topic() + "\t" + partition.partition() + "\t" + offset)));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return lines.size() - 1;
    }

    static Map<String, Map<TopicPartition, Long>> readOffsets(Path file) throws IOException {
        Map<String, Map<TopicPartition, Long>> offsets = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            offsets.computeIfAbsent(fields[0], group -> new HashMap<>())
                    .put(new TopicPartition(fields[1], Integer.parseInt(fields[2])), Long.parseLong(fields[3]));
        }
        return offsets;
    }

    /** Copies a live data directory: files may change (WAL replay repairs them) or vanish (nothing to restore). */
    private static long copyDataDirectory(Path from, Path to) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return dir.equals(from) || !EMPTY_DIRECTORIES.contains(dir.getFileName().toString())
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    bytes[0] += attrs.size();
                } catch (NoSuchFileException vanished) {
                    // Dropped or rewritten meanwhile: the WAL holds what replaced it.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
        return bytes[0];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
