package com.consumer360.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.WeeklyHistory;
import com.consumer360.support.PortalIntegration;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * 50 sessions of the five regional managers at once, each through the real HTTP security filter chain and the Vaadin
 * UI (sign-in form, the weekly summary page navigated by a UIDL request as the browser sends it, its export links
 * downloaded), on a connection pool smaller than the number of sessions: each sees its own region only.
 */
@PortalIntegration
class ConcurrentSessionsTest {

    private static final Map<String, String> REGIONS = Map.of("north", "North", "south", "South", "east", "East",
            "west", "West", "central", "Central");
    private static final int SESSIONS = 50;
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    private static final Pattern RESOURCE = Pattern.compile("VAADIN/dynamic/resource/[^\"\\\\]+");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Test
    void fiftyConcurrentSessionsOfFiveRegionsEachSeeOnlyTheirOwn() throws Exception {
        WeeklyHistory.ensure(context);
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        assertThat(poolSize).as("a pool smaller than the sessions").isLessThan(SESSIONS);

        List<String> users = new ArrayList<>(REGIONS.keySet());
        ExecutorService threads = Executors.newFixedThreadPool(SESSIONS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String user = users.get(i % users.size());
            sessions.add(threads.submit(() -> {
                start.await();
                Portal portal = new Portal(port);
                HttpResponse<String> signIn = portal.signIn(user, "demo");
                assertThat(signIn.headers().firstValue("Location").orElseThrow()).as(user).doesNotContain("error");
                requests.addAndGet(3);
                List<String> csvs = new ArrayList<>();
                int files = 0;
                inFlight.incrementAndGet();
                try {
                    maxInFlight.accumulateAndGet(inFlight.get(), Math::max);
                    for (String resource : exportLinks(portal, requests)) {
                        HttpResponse<String> file = portal.get("/" + resource);
                        requests.incrementAndGet();
                        assertThat(file.statusCode()).as(user + " " + resource).isEqualTo(200);
                        files++;
                        if (file.headers().firstValue("Content-Type").orElse("").startsWith("text/csv")) {
                            csvs.add(file.body());
                        }
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
                assertThat(csvs).as(user + ": the summary's CSV exports").isNotEmpty();
                String own = REGIONS.get(user);
                for (String csv : csvs) {
                    List<String> lines = csv.lines().toList();
                    rows.addAndGet(lines.size() - 1);
                    for (String other : REGIONS.values()) {
                        if (!other.equals(own) && csv.contains(other)) {
                            leaks.add(user + " saw " + other);
                        }
                    }
                }
                assertThat(String.join("\n", csvs)).as(user).contains("region," + own);
                return files;
            }));
        }
        start.countDown();
        int files = 0;
        for (Future<Integer> session : sessions) {
            files += session.get();
        }
        threads.shutdown();
        System.out.printf("Concurrent sessions: %d sessions of %d users on a pool of %d connections, up to %d"
                        + " downloading at once, %d HTTP requests, %d export files, %d CSV rows checked, %d leaks%n",
                SESSIONS, users.size(), poolSize, maxInFlight.get(), requests.get(), files, rows.get(), leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(maxInFlight.get()).as("sessions interleaved").isGreaterThan(poolSize);
    }

    /** Opens the weekly summary as the browser does (page, UI init, a navigation event) and returns its export links. */
    private static List<String> exportLinks(Portal portal, AtomicInteger requests) throws Exception {
        portal.get("/summary");
        String init = portal.get("/?v-r=init&location=summary&query=").body();
        requests.addAndGet(2);
        Matcher key = SECURITY_KEY.matcher(init);
        assertThat(key.find()).as("the UI's security key in the init response").isTrue();
        Matcher sync = SYNC_ID.matcher(init);
        String syncId = sync.find() ? sync.group(1) : "0";
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"summary\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":" + syncId + ",\"clientId\":0}";
        HttpResponse<String> response = portal.postJson("/?v-r=uidl&v-uiId=0", navigate);
        requests.incrementAndGet();
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> links = new ArrayList<>();
        Matcher resource = RESOURCE.matcher(response.body());
        while (resource.find()) {
            if (!links.contains(resource.group())) {
                links.add(resource.group());
            }
        }
        assertThat(links).as("export links in the summary page's UIDL: " + abbreviate(response.body())).isNotEmpty();
        return links;
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
