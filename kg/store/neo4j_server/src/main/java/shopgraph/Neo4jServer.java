package shopgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A local Neo4j 5 (community) server for development and CI: the embedded database with Bolt on
 * 127.0.0.1, auth enabled, user {@code neo4j} with the password it is given. No HTTP connector.
 *
 * <pre>
 * java -Xmx1g -jar target/neo4j-server.jar --data DIR [--logs DIR] [--port 7687] [--password PW] [--pagecache 256m]
 * </pre>
 *
 * Each option falls back to an environment variable (NEO4J_DATA, NEO4J_LOGS, NEO4J_PORT,
 * NEO4J_PASSWORD, NEO4J_PAGECACHE); the Makefile passes the password that way so it stays out of
 * {@code ps}. The password is set on every start, so the one given now always wins. A line starting
 * with {@value #READY} goes to stdout once Bolt accepts connections; SIGTERM shuts down cleanly.
 */
public final class Neo4jServer {
    static final String READY = "shopgraph-neo4j: Bolt ready on";
    private static final String PREFIX = "shopgraph-neo4j: ";

    private Neo4jServer() {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(PREFIX + "error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }

        DatabaseManagementService dbms;
        try {
            dbms = start(options);
        } catch (RuntimeException e) {
            System.err.println(PREFIX + "error: Neo4j did not start: " + rootMessage(e));
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(PREFIX + "shutting down");
            dbms.shutdown();
            System.out.println(PREFIX + "stopped");
            stopped.countDown();
        }, "shopgraph-neo4j-shutdown"));

        try {
            setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), options.password);
        } catch (RuntimeException e) {
            System.err.println(PREFIX + "error: could not set the password of user neo4j: " + rootMessage(e));
            System.exit(1);
            return;
        }

        System.out.printf("%s bolt://%s:%d (Neo4j %s; auth enabled, user neo4j; data %s; page cache %s; max heap %d MiB)%n",
                READY, options.host, options.port, version(dbms), options.data, options.pagecache,
                Runtime.getRuntime().maxMemory() / ByteUnit.mebiBytes(1));
        System.out.flush();
        stopped.await();
    }

    static DatabaseManagementService start(Options options) {
        return new DatabaseManagementServiceBuilder(options.data)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(GraphDatabaseSettings.data_directory, options.data)
                .setConfig(GraphDatabaseSettings.logs_directory, options.logs)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pagecache))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt's shutdown waited 5 s for connections and 5 s for its event loops even with no
                // client (measured: SIGTERM to exit 12.5 s, 10 s of it here; 4 s with these). The databases
                // are checkpointed and closed before Bolt stops, so cutting the wait loses nothing; debug.log
                // then says "Termination of boss/worker event loop group has exceeded maximum permitted duration".
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
    }

    /** Sets the password on the system database; the same password as before is not an error. */
    static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one already set: that is the normal restart.
            String message = String.valueOf(e.getMessage());
            if (!message.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    static String version(DatabaseManagementService dbms) {
        return dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
                Map.of(),
                result -> {
                    Map<String, Object> row = result.next();
                    return row.get("version") + " " + row.get("edition");
                });
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
    }

    /** Command-line options, each falling back to an environment variable. */
    static final class Options {
        static final String USAGE = "usage: Neo4jServer --data DIR [--logs DIR] [--port 7687] [--password PW]"
                + " [--pagecache 256m]  (or NEO4J_DATA, NEO4J_LOGS, NEO4J_PORT, NEO4J_PASSWORD, NEO4J_PAGECACHE)";
        /** Neo4j 5's default for dbms.security.auth_minimum_password_length. */
        static final int MIN_PASSWORD_LENGTH = 8;

        final Path data;
        final Path logs;
        final String host = "127.0.0.1";
        final int port;
        final String password;
        final String pagecache;

        private Options(Path data, Path logs, int port, String password, String pagecache) {
            this.data = data;
            this.logs = logs;
            this.port = port;
            this.password = password;
            this.pagecache = pagecache;
        }

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            List<String> known = List.of("--data", "--logs", "--port", "--password", "--pagecache");
            for (int i = 0; i < args.length; i++) {
                if (!known.contains(args[i])) {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                given.put(args[i], args[++i]);
            }
            String data = value(given, "--data", "NEO4J_DATA", null);
            if (data == null || data.isBlank()) {
                throw new IllegalArgumentException("no data folder: pass --data DIR or set NEO4J_DATA");
            }
            Path dataPath = Path.of(data).toAbsolutePath().normalize();
            String logs = value(given, "--logs", "NEO4J_LOGS", dataPath.resolve("logs").toString());
            String portText = value(given, "--port", "NEO4J_PORT", "7687");
            int port;
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port " + portText + " is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
            }
            String password = value(given, "--password", "NEO4J_PASSWORD", null);
            if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException("the password of user neo4j needs at least " + MIN_PASSWORD_LENGTH
                        + " characters: pass --password PW or set NEO4J_PASSWORD");
            }
            String pagecache = value(given, "--pagecache", "NEO4J_PAGECACHE", "256m");
            try {
                ByteUnit.parse(pagecache);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("page cache size " + pagecache + " is not a size such as 256m");
            }
            try {
                Files.createDirectories(dataPath);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create the data folder " + dataPath + ": " + e.getMessage());
            }
            return new Options(dataPath, Path.of(logs).toAbsolutePath().normalize(), port, password, pagecache);
        }

        private static String value(Map<String, String> given, String flag, String env, String fallback) {
            String value = given.get(flag);
            if (value == null) {
                value = System.getenv(env);
            }
            return value == null || value.isEmpty() ? fallback : value;
        }
    }
}
