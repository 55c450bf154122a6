package com.consumer360.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.database.EmbeddedDatabase;
import com.consumer360.refresh.AppNodeMain;
import com.consumer360.security.http.Portal;
import com.consumer360.support.PortalIntegration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two app nodes, each a JVM process of its own, on one PostgreSQL (a fresh database on the test run's embedded
 * server, which the nodes reach by SPRING_DATASOURCE_URL like any external one): both serve signed-in users within
 * their region; the clustered Quartz refresh, rescheduled to every 5 s, runs each firing on exactly one node; a node
 * killed (SIGKILL) in the middle of a refresh leaves the previous snapshot current and the other node runs the job
 * again and makes its snapshot current. The tests run in order on the same two nodes; the last one kills node A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final String DATABASE = "c360_nodes";
    private static final Path ROOT = Path.of("target", "two-nodes");
    private static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern RESOURCE = Pattern.compile("VAADIN/dynamic/resource/[^\"\\\\]+");
    private static final Pattern FIRED = Pattern.compile("Refresh job fired on node (\\S+): trigger (\\S+), "
            + "scheduled (\\S+), recovering (true|false)");

    private int serverPort;
    private String jdbcUrl;
    private AppNode nodeA;
    private AppNode nodeB;

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws Exception {
        deleteRecursively(ROOT);
        EmbeddedDatabase server = EmbeddedDatabase.startOrGet(Path.of(PortalIntegration.DATA_DIR).resolve("postgres"));
        serverPort = server.port();
        jdbcUrl = "jdbc:postgresql://localhost:" + serverPort + "/" + DATABASE;
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + serverPort + "/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            // As sql/setup-roles.sql prepares an external server (the roles exist on the test server already).
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + EmbeddedDatabase.ownerRole());
            statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + EmbeddedDatabase.appRole());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("consumer360.demo-lines", "4000");
        // One weekly snapshot of the past, so that the weekly summary compares two and shows its figures by region.
        settings.put("consumer360.refresh.initial-history-weeks", "1");
        // Fast failure detection for the test; docs/operations.md explains the production value.
        settings.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        settings.put("vaadin.devmode.devTools.enabled", "false");
        // Vaadin scans only the portal's classes (and, implicitly, its own components), not the whole test class
        // path: 25 s of a node's start on this machine otherwise.
        settings.put("vaadin.allowed-packages", "com/consumer360");
        settings.put("spring.main.banner-mode", "off");
        // Both start together on the empty database: one migrates and loads the demo data, the other waits for it.
        nodeA = AppNode.start("node-a", ROOT, jdbcUrl, settings);
        nodeB = AppNode.start("node-b", ROOT, jdbcUrl, settings);
        long started = System.nanoTime();
        nodeA.awaitReady(Duration.ofSeconds(150));
        nodeB.awaitReady(Duration.ofSeconds(150));
        System.out.printf("Two nodes: both started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(superuserLong("SELECT count(*) FROM ingest_run WHERE source = 'demo-data'"))
                .as("the demo data was loaded once").isEqualTo(1);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (AppNode node : new AppNode[] {nodeA, nodeB}) {
            if (node != null && node.isAlive()) {
                node.control("standby", "1");
            }
        }
        try {
            awaitNoRunRunning(); // so that no node is stopped in the middle of a refresh
        } catch (AssertionError | SQLException e) {
            // stopped anyway
        }
        for (AppNode node : new AppNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (serverPort > 0) {
            try (Connection admin = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + serverPort + "/postgres", "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesServeSignedInUsersEachWithinTheirRegion() throws Exception {
        for (AppNode node : List.of(nodeA, nodeB)) {
            Portal north = new Portal(node.port());
            assertThat(north.signIn("north", "demo").headers().firstValue("Location").orElseThrow())
                    .as("north signs in on " + node.name()).doesNotContain("error");
            String csvs = String.join("\n", summaryExports(north));
            assertThat(csvs).as(node.name() + ": north's figures by region").contains("region,North,");
            for (String other : REGIONS.subList(1, REGIONS.size())) {
                assertThat(csvs).as(node.name() + ": north sees no " + other).doesNotContain(other);
            }
        }
        Portal exec = new Portal(nodeB.port());
        exec.signIn("exec", "demo");
        String all = String.join("\n", summaryExports(exec));
        assertThat(REGIONS).as("exec on node B sees every region").allMatch(region -> all.contains("region," + region));
    }

    @Test
    @Order(2)
    void aSessionLivesOnTheNodeThatSignedItIn() throws Exception {
        Portal north = new Portal(nodeA.port());
        north.signIn("north", "demo");
        assertThat(north.get("/summary").statusCode()).as("signed in on node A").isEqualTo(200);
        HttpResponse<String> onB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(nodeB.url() + "/summary")).header("Cookie", "JSESSIONID=" + north.sessionId())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("node B does not know node A's session: sticky sessions needed")
                .isEqualTo(302);
        assertThat(onB.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    @Order(3)
    void eachScheduledFiringRunsOnOneNodeOnly() throws Exception {
        assertThat(superuserLong("SELECT count(*) FROM qrtz_scheduler_state WHERE checkin_interval = 1000 "
                + "AND last_checkin_time > (extract(epoch FROM now()) * 1000)::bigint - 5000"))
                .as("both nodes check in to the Quartz cluster").isEqualTo(2);
        // The weekly schedule (left as it is while the nodes start, so nothing races the first refresh) becomes one
        // every 5 s, for the whole cluster, as a changed consumer360.refresh.cron would make it.
        nodeA.control("cron", "0/5 * * ? * *");
        await(Duration.ofSeconds(10), "the refresh rescheduled", () -> nodeA.reported("rescheduled"));
        // Counting starts halfway between two firings (every 5 s on the second), once no run is running, so that a
        // firing scheduled just before the start is not still starting its run (late, on a loaded machine) when the
        // runs before are counted: it would be counted as a run but not as a firing.
        long now = System.currentTimeMillis();
        long halfway = now / 5_000 * 5_000 + 2_500;
        Thread.sleep((halfway > now ? halfway : halfway + 5_000) - now);
        awaitNoRunRunning();
        Instant from = Instant.now();
        long lastRunBefore = superuserLong("SELECT coalesce(max(run_id), 0) FROM refresh_run");
        await(Duration.ofSeconds(40), "three scheduled firings", () -> firings(from).size() >= 3);
        Thread.sleep(2_000); // room for a wrong second firing on the other node
        standBy(nodeA, nodeB);

        List<Firing> firings = firings(from);
        System.out.printf("Two nodes: %d firings since %s: %s%n", firings.size(), from, firings);
        assertThat(firings.stream().map(Firing::scheduled).distinct().count())
                .as("no scheduled time fired twice: " + firings).isEqualTo(firings.size());
        assertThat(firings).noneMatch(Firing::recovering);
        List<String> statuses = superuserStrings("SELECT status FROM refresh_run WHERE run_id > ? "
                + "AND trigger_kind = 'SCHEDULED' ORDER BY run_id", lastRunBefore);
        assertThat(statuses).as("one run per firing, none skipped by the refresh lock")
                .hasSize(firings.size()).containsOnly("SUCCEEDED");
        assertThat(superuserLong("SELECT count(*) FROM snapshot WHERE snapshot_id > ?", lastRunBefore))
                .as("one snapshot per firing").isEqualTo(firings.size());
        nodeA.control("standby", null);
        nodeB.control("standby", null);
    }

    @Test
    @Order(4)
    void aNodeKilledMidRefreshLeavesThePreviousSnapshotAndTheOtherNodeRunsTheJob() throws Exception {
        Portal north = new Portal(nodeB.port());
        north.signIn("north", "demo");
        // Both stand by while the current snapshot is read; then only node A resumes, so that the next firing goes
        // to it, and its refresh hangs once it has written the whole new snapshot and is about to switch it current.
        standBy(nodeA, nodeB);
        long previous = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        List<String> before = summaryExports(north);
        nodeA.control("pause-at", "SWITCH");
        nodeA.control("standby", null);
        await(Duration.ofSeconds(30), "node A's refresh at the switch", () -> nodeA.reported("paused"));
        long hung = superuserLong("SELECT max(run_id) FROM refresh_run WHERE status = 'RUNNING'");
        assertThat(superuserStrings("SELECT stage FROM refresh_run WHERE run_id = ?", hung)).containsExactly("SWITCH");
        assertThat(superuserLong("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                + "WHERE l.locktype = 'advisory' AND l.objid::bigint = ? AND l.granted AND a.state = 'idle in transaction' AND a.datname = current_database()",
                AppNodeMain.REFRESH_LOCK)).as("node A holds the refresh's open transaction").isEqualTo(1);

        nodeB.control("standby", null);
        await(Duration.ofSeconds(10), "node B active", () -> !nodeB.reported("in-standby"));
        Thread.sleep(6_000); // a firing falls due meanwhile; it must wait for the running job, not run beside it
        assertThat(superuserLong("SELECT count(*) FROM refresh_run WHERE run_id > ?", hung))
                .as("no second run while node A's runs").isZero();
        assertReadersSeeSnapshot(previous, hung, north, before);

        Instant killed = Instant.now();
        nodeA.kill();
        assertReadersSeeSnapshot(previous, hung, north, before);
        await(Duration.ofSeconds(45), "node B's run after node A died", () -> superuserLong(
                "SELECT count(*) FROM refresh_run WHERE run_id > ? AND status = 'SUCCEEDED'", hung) > 0);
        long recovered = superuserLong("SELECT min(run_id) FROM refresh_run WHERE run_id > ? AND status = 'SUCCEEDED'",
                hung);
        System.out.printf("Two nodes: node A killed during run %d at %s; node B's run %d succeeded after %d ms%n",
                hung, killed, recovered, Duration.between(killed, Instant.now()).toMillis());
        await(Duration.ofSeconds(30), "a newer snapshot current", () -> superuserLong(
                "SELECT snapshot_id FROM snapshot WHERE is_current") >= recovered);
        assertThat(superuserStrings("SELECT status || ': ' || error_message FROM refresh_run WHERE run_id = ?", hung))
                .singleElement().asString().startsWith("FAILED: interrupted");
        assertThat(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ?", hung))
                .as("nothing of the killed run was kept").isZero();
        await(Duration.ofSeconds(30), "node B's recovery of node A's firing",
                () -> firings(Instant.EPOCH, nodeB).stream().anyMatch(Firing::recovering));
        assertThat(summaryExports(north)).as("north on node B after the switch").isNotEmpty()
                .anyMatch(csv -> csv.contains("region,North,")).noneMatch(csv -> csv.contains("South"));
    }

    /** While node A's run hangs or after it died: the previous snapshot is current and complete, readers get it. */
    private void assertReadersSeeSnapshot(long previous, long hung, Portal north, List<String> before)
            throws Exception {
        assertThat(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current")).isEqualTo(previous);
        assertThat(superuserLong("SELECT count(*) FROM snapshot WHERE snapshot_id = ?", hung)).isZero();
        assertThat(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ?", hung))
                .as("the hung run's rows are not visible").isZero();
        assertThat(summaryExports(north)).as("north on node B reads the previous snapshot").isEqualTo(before);
    }

    private record Firing(String node, Instant scheduled, boolean recovering) {
    }

    /** The refresh job's firings logged by the nodes with a scheduled time from {@code from} on. */
    private List<Firing> firings(Instant from, AppNode... nodes) throws IOException {
        List<Firing> firings = new ArrayList<>();
        for (AppNode node : nodes.length == 0 ? new AppNode[] {nodeA, nodeB} : nodes) {
            Matcher fired = FIRED.matcher(node.log());
            while (fired.find()) {
                Instant scheduled = Instant.parse(fired.group(3));
                boolean recovering = Boolean.parseBoolean(fired.group(4));
                if (!scheduled.isBefore(from) && (recovering || fired.group(2).equals("consumer360.refresh-weekly"))) {
                    firings.add(new Firing(node.name(), scheduled, recovering));
                }
            }
        }
        firings.sort(Comparator.comparing(Firing::scheduled));
        return firings;
    }

    /** Opens the weekly summary as the browser does (page, UI init, navigation) and downloads its CSV exports. */
    private static List<String> summaryExports(Portal portal) throws Exception {
        portal.get("/summary");
        String init = portal.get("/?v-r=init&location=summary&query=").body();
        Matcher key = SECURITY_KEY.matcher(init);
        assertThat(key.find()).as("the UI's security key in the init response").isTrue();
        Matcher sync = SYNC_ID.matcher(init);
        String syncId = sync.find() ? sync.group(1) : "0";
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"summary\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":" + syncId + ",\"clientId\":0}";
        Matcher ui = UI_ID.matcher(init);
        HttpResponse<String> response = portal.postJson("/?v-r=uidl&v-uiId=" + (ui.find() ? ui.group(1) : "0"),
                navigate);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> links = new ArrayList<>();
        Matcher resource = RESOURCE.matcher(response.body());
        while (resource.find()) {
            if (!links.contains(resource.group())) {
                links.add(resource.group());
            }
        }
        List<String> csvs = new ArrayList<>();
        for (String link : links) {
            HttpResponse<String> file = portal.get("/" + link);
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            if (file.headers().firstValue("Content-Type").orElse("").startsWith("text/csv")) {
                csvs.add(file.body());
            }
        }
        return csvs;
    }

    /** Puts the nodes' schedulers in standby and waits until the last run they started has finished. */
    private void standBy(AppNode... nodes) throws Exception {
        for (AppNode node : nodes) {
            node.control("standby", "1");
        }
        await(Duration.ofSeconds(10), "schedulers in standby",
                () -> Stream.of(nodes).allMatch(node -> node.reported("in-standby")));
        // Quartz lets go of a firing it has claimed when it stands by, unless the firing is due within 70 ms: such a
        // firing starts its run meanwhile.
        Thread.sleep(1_000);
        awaitNoRunRunning();
    }

    private void awaitNoRunRunning() throws Exception {
        await(Duration.ofSeconds(30), "no refresh running",
                () -> superuserLong("SELECT count(*) FROM refresh_run WHERE status = 'RUNNING'") == 0);
    }

    private static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private long superuserLong(String sql, Object... parameters) throws SQLException {
        List<String> values = superuserStrings(sql, parameters);
        return values.isEmpty() || values.getFirst() == null ? 0 : Long.parseLong(values.getFirst());
    }

    private List<String> superuserStrings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = superuser(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
