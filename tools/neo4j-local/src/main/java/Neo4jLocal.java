import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Neo4j Community 5.26 (Bolt, HTTP and Neo4j Browser) on 127.0.0.1, from the Maven Central jars.
 * Settings from the environment: NEO4J_PASSWORD (required, at least 8 characters, set on the first start),
 * NEO4J_BOLT_PORT (7687), NEO4J_HTTP_PORT (7474), NEO4J_LOCAL_HOME (the data folder), NEO4J_PAGECACHE (128m).
 * Stops cleanly on SIGTERM or Ctrl-C (Neo4j's bootstrapper installs the signal handlers).
 */
public final class Neo4jLocal {
    public static void main(String[] args) throws Exception {
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("set NEO4J_PASSWORD (at least 8 characters), for example in .env (see .env.example)", 2);
        }
        int bolt = port("NEO4J_BOLT_PORT", 7687);
        int http = port("NEO4J_HTTP_PORT", 7474);
        Path home = Path.of(env("NEO4J_LOCAL_HOME", "data")).toAbsolutePath();
        Path confDir = home.resolve("conf");
        Files.createDirectories(confDir);
        Files.writeString(confDir.resolve("neo4j.conf"), String.join("\n",
            "server.default_listen_address=127.0.0.1",
            "server.bolt.listen_address=127.0.0.1:" + bolt,
            "server.bolt.advertised_address=127.0.0.1:" + bolt,
            "server.http.listen_address=127.0.0.1:" + http,
            "server.http.advertised_address=127.0.0.1:" + http,
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            "server.memory.pagecache.size=" + env("NEO4J_PAGECACHE", "128m"),
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",
            "db.tx_log.preallocate=false",
            "db.tx_log.rotation.size=64M",
            "db.tx_log.rotation.retention_policy=2 files",
            "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
            ""));

        boolean firstStart = !Files.exists(home.resolve("data/databases/system"));
        if (firstStart) {
            int code = AdminTool.execute(new ExecutionContext(home, confDir), "dbms", "set-initial-password", password);
            if (code != 0) fail("could not set the initial password (neo4j-admin exit code " + code + ")", 1);
        }

        System.out.println("neo4j-local: starting Neo4j 5.26 in " + home + (firstStart ? " (first start)" : ""));
        CommunityBootstrapper server = new CommunityBootstrapper();
        int status = server.start(home, confDir.resolve("neo4j.conf"), Map.of(), false, false);
        if (status != 0) {
            fail("Neo4j did not start (status " + status + "; see the lines above and " + home.resolve("logs")
                + "); is port " + bolt + " or " + http + " in use, or is another server using this data folder?", 1);
        }
        System.out.println("neo4j-local: ready — bolt://127.0.0.1:" + bolt + " · Neo4j Browser http://127.0.0.1:" + http
            + "/browser/ · user neo4j" + (firstStart ? "" : " (password as set on the first start)")
            + " · Ctrl-C to stop");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String name, int fallback) {
        String value = env(name, String.valueOf(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail(name + " must be a port number, got \"" + value + "\"", 2);
        return fallback;
    }

    private static void fail(String message, int code) {
        System.err.println("neo4j-local: " + message);
        System.exit(code);
    }
}
