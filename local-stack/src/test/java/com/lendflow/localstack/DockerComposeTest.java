package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks that the production-like {@code docker-compose.yml} at the repository root agrees with the modules:
 * one container per deployable module with the image Jib builds for it, the port and database of the module's
 * own {@code <module>.yml}, Kafka and PostgreSQL reached by their compose names, and a gateway that knows every
 * service's address. Docker is not needed; only the files are read.
 */
class DockerComposeTest {

    private static final String IMAGE_TAG = "latest";
    private static final String KAFKA_IN_COMPOSE = "kafka:9092";
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([A-Za-z0-9_]+)");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)\\bcreate\\s+database\\s+\"?([A-Za-z0-9_]+)\"?");
    private static final Pattern URL_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+_URL)[:}]");

    private static Path root;
    private static String imageRegistry;
    /** Deployable modules (not platform/*, not local-stack, not benchmarks), in pom order. */
    private static List<String> deployableModules;
    /** Each deployable module's parsed {@code src/main/resources/<module>.yml}. */
    private static Map<String, Map<String, Object>> moduleConfigs;
    private static Map<String, Map<String, Object>> composeServices;
    private static Set<String> databasesCreatedByInitScripts;

    @BeforeAll
    static void readFiles() throws Exception {
        root = repositoryRoot();
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
        imageRegistry = textOfChild(firstChild(pom.getDocumentElement(), "properties"), "image.registry");
        deployableModules = new ArrayList<>();
        for (String module : childTexts(firstChild(pom.getDocumentElement(), "modules"), "module")) {
            // Tools, not services: the local stack, the benchmarks and the invariants checker run beside the suite.
            if (!module.startsWith("platform/") && !List.of("local-stack", "benchmarks", "invariants").contains(module)) {
                deployableModules.add(module);
            }
        }
        moduleConfigs = new LinkedHashMap<>();
        for (String module : deployableModules) {
            Path config = root.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
            moduleConfigs.put(module, Files.exists(config) ? map(loadYaml(config)) : Map.of());
        }
        Map<String, Object> compose = map(loadYaml(root.resolve("docker-compose.yml")));
        composeServices = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, service) -> composeServices.put(name, map(service)));
        databasesCreatedByInitScripts = new TreeSet<>();
        Path initScripts = root.resolve("docker/postgres/init");
        if (Files.isDirectory(initScripts)) {
            try (var scripts = Files.list(initScripts)) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sql")).toList()) {
                    Matcher create = CREATE_DATABASE.matcher(Files.readString(script));
                    while (create.find()) {
                        databasesCreatedByInitScripts.add(create.group(1));
                    }
                }
            }
        }
    }

    @Test
    void everyDeployableModuleHasAServiceWithItsImage() {
        assertThat(imageRegistry).as("<image.registry> in the root pom.xml (Jib names images <image.registry>/<module>)")
                .isNotBlank();
        List<String> problems = new ArrayList<>();
        for (String module : deployableModules) {
            Map<String, Object> service = composeServices.get(module);
            String expected = imageRegistry + "/" + module + ":" + IMAGE_TAG;
            if (service == null) {
                problems.add(module + ": no compose service of that name");
            } else if (!expected.equals(service.get("image"))) {
                problems.add(module + ": image is " + service.get("image") + ", expected " + expected);
            }
            if (moduleConfigs.get(module).isEmpty()) {
                problems.add(module + ": missing " + module + "/src/main/resources/" + module + ".yml");
            }
        }
        composeServices.forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (image.startsWith(imageRegistry + "/")) {
                String module = image.substring(imageRegistry.length() + 1).replaceFirst(":.*$", "");
                if (!deployableModules.contains(module)) {
                    problems.add("compose service " + name + ": image " + image + " belongs to no deployable module");
                } else if (!module.equals(name)) {
                    problems.add("compose service " + name + ": runs the image of module " + module);
                }
            }
        });
        assertThat(problems).as("compose services vs. deployable modules %s", deployableModules).isEmpty();
    }

    @Test
    void portsMatchEachServiceConfiguration() {
        List<String> problems = new ArrayList<>();
        for (String module : modulesInCompose()) {
            Object port = path(moduleConfigs.get(module), "server", "port");
            if (port == null) {
                problems.add(module + ": no server.port in " + module + ".yml");
                continue;
            }
            String expected = port + ":" + port;
            List<String> mappings = portMappings(composeServices.get(module));
            if (!mappings.equals(List.of(expected))) {
                problems.add(module + ": compose ports " + mappings + ", but " + module + ".yml has server.port "
                        + port + " (expected [\"" + expected + "\"])");
            }
            String serverPort = environment(module).get("SERVER_PORT");
            if (serverPort != null && !serverPort.equals(String.valueOf(port))) {
                problems.add(module + ": SERVER_PORT=" + serverPort + ", but " + module + ".yml has server.port " + port);
            }
        }
        assertThat(problems).as("port mappings that differ from the module's server.port").isEmpty();
    }

    @Test
    void servicesWithADatabasePointAtTheirOwnDatabaseOnThePostgresService() {
        List<String> problems = new ArrayList<>();
        Set<String> databasesInUse = new LinkedHashSet<>();
        for (String module : modulesInCompose()) {
            Object url = path(moduleConfigs.get(module), "spring", "datasource", "url");
            Map<String, String> env = environment(module);
            if (url == null) {
                if (env.containsKey("SPRING_DATASOURCE_URL")) {
                    problems.add(module + ": has SPRING_DATASOURCE_URL but " + module + ".yml has no spring.datasource.url");
                }
                continue;
            }
            Matcher jdbc = JDBC_POSTGRES.matcher(String.valueOf(url));
            if (!jdbc.matches()) {
                problems.add(module + ": spring.datasource.url " + url + " in " + module + ".yml is not a PostgreSQL URL");
                continue;
            }
            String database = jdbc.group(3);
            String expected = "jdbc:postgresql://postgres:5432/" + database;
            if (!expected.equals(env.get("SPRING_DATASOURCE_URL"))) {
                problems.add(module + ": SPRING_DATASOURCE_URL=" + env.get("SPRING_DATASOURCE_URL") + ", expected " + expected);
            }
            if (!databasesInUse.add(database)) {
                problems.add(module + ": database " + database + " is already used by another service");
            }
            if (!databasesCreatedByInitScripts.contains(database)) {
                problems.add(module + ": database " + database + " is not created by docker/postgres/init/*.sql "
                        + databasesCreatedByInitScripts);
            }
            for (String setting : List.of("username", "password")) {
                Object configured = path(moduleConfigs.get(module), "spring", "datasource", setting);
                String variable = "SPRING_DATASOURCE_" + setting.toUpperCase(Locale.ROOT);
                if (env.get(variable) == null) {
                    problems.add(module + ": " + variable + " is not set");
                } else if (configured != null && !String.valueOf(configured).equals(env.get(variable))) {
                    problems.add(module + ": " + variable + "=" + env.get(variable) + ", but " + module + ".yml has " + configured);
                }
            }
            problems.addAll(dependsOnHealthy(module, "postgres"));
        }
        assertThat(composeServices).as("compose services").containsKey("postgres");
        assertThat(problems).as("services whose database settings are wrong").isEmpty();
    }

    @Test
    void everyServiceReachesKafkaThroughTheComposeNetwork() {
        List<String> problems = new ArrayList<>();
        for (String module : modulesInCompose()) {
            if (path(moduleConfigs.get(module), "spring", "kafka") == null) {
                continue;
            }
            String bootstrap = environment(module).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            if (!KAFKA_IN_COMPOSE.equals(bootstrap)) {
                problems.add(module + ": SPRING_KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + ", expected " + KAFKA_IN_COMPOSE);
            }
            problems.addAll(dependsOnHealthy(module, "kafka"));
        }
        assertThat(problems).as("services that would not reach Kafka").isEmpty();
        Map<String, String> kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
                .as("kafka's KAFKA_ADVERTISED_LISTENERS must advertise the address the services use")
                .contains("PLAINTEXT://" + KAFKA_IN_COMPOSE);
        assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .as("kafka's KAFKA_AUTO_CREATE_TOPICS_ENABLE (services declare their topics)")
                .isEqualTo("false");
    }

    @Test
    void dependenciesNameServicesThatExist() {
        List<String> problems = new ArrayList<>();
        composeServices.forEach((name, service) -> {
            for (String dependency : dependsOn(service).keySet()) {
                if (!composeServices.containsKey(dependency)) {
                    problems.add(name + ": depends_on " + dependency + ", which is no compose service");
                }
            }
        });
        assertThat(problems).as("depends_on entries naming unknown services").isEmpty();
    }

    @Test
    void gatewayKnowsEveryServiceAddress() {
        Map<String, String> env = environment("gateway");
        Set<String> gatewayDependencies = dependsOn(composeServices.getOrDefault("gateway", Map.of())).keySet();
        List<String> problems = new ArrayList<>();
        for (String module : serviceModules()) {
            String variable = module.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
            String expected = "http://" + module + ":" + path(moduleConfigs.get(module), "server", "port");
            if (!expected.equals(env.get(variable))) {
                problems.add("gateway: " + variable + "=" + env.get(variable) + ", expected " + expected);
            }
            if (!gatewayDependencies.contains(module)) {
                problems.add("gateway: does not depend_on " + module);
            }
        }
        Set<String> placeholders = new TreeSet<>();
        collectUrlPlaceholders(moduleConfigs.get("gateway"), placeholders);
        for (String placeholder : placeholders) {
            if (!env.containsKey(placeholder)) {
                problems.add("gateway: gateway.yml uses ${" + placeholder + "} but compose does not set it");
            }
        }
        assertThat(placeholders).as("${..._URL} placeholders found in gateway.yml").isNotEmpty();
        assertThat(problems).as("gateway addresses of the services").isEmpty();
    }

    @Test
    void everyServiceAndTheGatewayTrustTheAuthServerByTheAddressItIssuesAs() {
        String issuer = "http://auth-server:" + path(moduleConfigs.get("auth-server"), "server", "port");
        List<String> problems = new ArrayList<>();
        if (!issuer.equals(environment("auth-server").get("LENDFLOW_AUTH_ISSUER"))) {
            problems.add("auth-server: LENDFLOW_AUTH_ISSUER=" + environment("auth-server").get("LENDFLOW_AUTH_ISSUER")
                    + ", expected " + issuer);
        }
        List<String> trusting = new ArrayList<>(serviceModules());
        trusting.add("gateway");
        for (String module : trusting) {
            Map<String, String> env = environment(module);
            if (!issuer.equals(env.get("LENDFLOW_AUTH_ISSUER"))) {
                problems.add(module + ": LENDFLOW_AUTH_ISSUER=" + env.get("LENDFLOW_AUTH_ISSUER") + ", expected " + issuer);
            }
            if (!(issuer + "/oauth2/jwks").equals(env.get("LENDFLOW_AUTH_JWKS_URI"))) {
                problems.add(module + ": LENDFLOW_AUTH_JWKS_URI=" + env.get("LENDFLOW_AUTH_JWKS_URI")
                        + ", expected " + issuer + "/oauth2/jwks");
            }
        }
        for (String module : serviceModules()) {
            for (String variable : List.of("LENDFLOW_CRYPTO_ACTIVE_KEY_ID", "LENDFLOW_CRYPTO_INDEX_KEY")) {
                if (!environment(module).containsKey(variable)) {
                    problems.add(module + ": personal-data encryption needs " + variable);
                }
            }
        }
        assertThat(problems).as("token trust and personal-data keys").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** Deployable modules that also have a compose service (a missing one is reported by the image test). */
    private static List<String> modulesInCompose() {
        return deployableModules.stream().filter(composeServices::containsKey).toList();
    }

    /** The business services, the ones the gateway routes to. */
    private static List<String> serviceModules() {
        return deployableModules.stream().filter(module -> module.endsWith("-service")).toList();
    }

    private static List<String> dependsOnHealthy(String module, String dependency) {
        Object entry = dependsOn(composeServices.get(module)).get(dependency);
        if (entry == null) {
            return List.of(module + ": does not depend_on " + dependency);
        }
        if (!(entry instanceof Map<?, ?> condition) || !"service_healthy".equals(condition.get("condition"))) {
            return List.of(module + ": depends_on " + dependency + " without condition: service_healthy");
        }
        if (!composeServices.getOrDefault(dependency, Map.of()).containsKey("healthcheck")) {
            return List.of(module + ": waits for " + dependency + " to be healthy, but " + dependency + " has no healthcheck");
        }
        return List.of();
    }

    /** depends_on in either the list or the map form, as name to its settings (null in the list form). */
    private static Map<String, Object> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        Map<String, Object> result = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> result.put(String.valueOf(name), null));
        } else if (dependsOn instanceof Map<?, ?> entries) {
            entries.forEach((name, settings) -> result.put(String.valueOf(name), settings));
        }
        return result;
    }

    /** The environment of a compose service, in either the map or the list ("KEY=value") form. */
    private static Map<String, String> environment(String serviceName) {
        Object environment = composeServices.getOrDefault(serviceName, Map.of()).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] keyValue = String.valueOf(entry).split("=", 2);
                result.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : null);
            }
        }
        return result;
    }

    /** Short-syntax port mappings normalised to "host:container" (a leading host IP and a /tcp suffix dropped). */
    private static List<String> portMappings(Map<String, Object> service) {
        Object ports = service.get("ports");
        List<String> result = new ArrayList<>();
        if (ports instanceof List<?> mappings) {
            for (Object mapping : mappings) {
                String[] parts = String.valueOf(mapping).replaceFirst("/tcp$", "").split(":");
                result.add(parts.length >= 2 ? parts[parts.length - 2] + ":" + parts[parts.length - 1] : String.valueOf(mapping));
            }
        }
        return result;
    }

    private static void collectUrlPlaceholders(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> entries) {
            entries.values().forEach(value -> collectUrlPlaceholders(value, into));
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectUrlPlaceholders(item, into));
        } else if (node instanceof String text) {
            Matcher placeholder = URL_PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                into.add(placeholder.group(1));
            }
        }
    }

    private static Object path(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> entries)) {
                return null;
            }
            node = entries.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> entries ? (Map<String, Object>) entries : Map.of();
    }

    private static Object loadYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath()
                + " holds both docker-compose.yml and pom.xml");
    }

    private static Element firstChild(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child;
            }
        }
        throw new IllegalStateException("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static List<String> childTexts(Element parent, String name) {
        List<String> texts = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element && element.getTagName().equals(name)) {
                texts.add(element.getTextContent().trim());
            }
        }
        return texts;
    }

    private static String textOfChild(Element parent, String name) {
        return firstChild(parent, name).getTextContent().trim();
    }
}
