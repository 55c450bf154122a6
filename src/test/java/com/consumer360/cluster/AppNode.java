package com.consumer360.cluster;

import com.consumer360.refresh.AppNodeMain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app node of the portal in a JVM process of its own, started the way docs/operations.md starts a second node
 * (SPRING_DATASOURCE_URL and the roles in the environment), on a free port, with its log in {@code dir/node.log}. It
 * shares nothing with the test JVM or the other node but the database; the test steers it through files
 * ({@link AppNodeMain}).
 */
final class AppNode implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final int port;
    private final Process process;

    private AppNode(String name, Path dir, int port, Process process) {
        this.name = name;
        this.dir = dir;
        this.port = port;
        this.process = process;
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Starts a node on {@code jdbcUrl} with the given portal settings ({@code --name=value}); does not wait. */
    static AppNode start(String name, Path root, String jdbcUrl, Map<String, String> settings) throws IOException {
        Path dir = root.resolve(name).toAbsolutePath();
        Files.createDirectories(dir);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dnode.control=" + dir,
                "-cp", classPath(), AppNodeMain.class.getName(),
                "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "c360_app");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "consumer360");
        builder.environment().put("SPRING_FLYWAY_USER", "c360_owner");
        builder.environment().put("SPRING_FLYWAY_PASSWORD", "consumer360");
        builder.environment().put("CONSUMER360_DEMO_DATA", "true");
        return new AppNode(name, dir, port, builder.start());
    }

    /** Waits until the node has started (its first refresh done) and answers HTTP. */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (Files.exists(dir.resolve("ready"))) {
                HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(url() + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (login.statusCode() == 200) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + logTail());
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    String name() {
        return name;
    }

    /** Writes (or with null content removes) a control file the node polls. */
    void control(String file, String content) throws IOException {
        if (content == null) {
            Files.deleteIfExists(dir.resolve(file));
        } else {
            Files.writeString(dir.resolve(file), content);
        }
    }

    /** Whether the node has written {@code file} into its control directory. */
    boolean reported(String file) {
        return Files.exists(dir.resolve(file));
    }

    /** The node's log so far. */
    String log() throws IOException {
        return Files.readString(dir.resolve("node.log"));
    }

    String logTail() {
        try {
            String log = log();
            return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, no graceful close of connections or the scheduler. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
