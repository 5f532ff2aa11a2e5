package dev.bongsu.aggregator.store.influx;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** Writes to and sets up one database through the InfluxDB 1.x HTTP API. */
final class InfluxHttpSink implements PointSink {
    private static final Logger LOG = Logger.getLogger(InfluxTimeSeriesStore.class.getName());
    /** InfluxDB refuses retention policies shorter than an hour. */
    private static final Duration MIN_RETENTION = Duration.ofHours(1);
    private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");

    private final InfluxDB client;
    private final String database;
    private final Duration rawRetention;
    private final Duration rollupRetention;

    InfluxHttpSink(InfluxDB client, String database, Duration rawRetention, Duration rollupRetention) {
        this.client = client;
        this.database = database;
        this.rawRetention = rawRetention;
        this.rollupRetention = rollupRetention;
    }

    @Override
    public void ensureSchema() {
        String db = LineProtocol.quoteIdentifier(database);
        run("CREATE DATABASE " + db);
        QueryResult policies = run("SHOW RETENTION POLICIES ON " + db);
        Set<String> existing = new HashSet<>();
        for (QueryResult.Result r : policies.getResults()) {
            if (r.getSeries() != null) {
                for (QueryResult.Series s : r.getSeries()) {
                    int nameColumn = s.getColumns().indexOf("name");
                    for (List<Object> row : s.getValues()) {
                        existing.add(String.valueOf(row.get(nameColumn)));
                    }
                }
            }
        }
        policy(InfluxSchema.RAW_POLICY, rawRetention, true, existing);
        policy(InfluxSchema.ROLLUP_POLICY, rollupRetention, false, existing);
    }

    private void policy(String name, Duration retention, boolean isDefault, Set<String> existing) {
        Duration d = retention;
        if (d.compareTo(MIN_RETENTION) < 0) {
            LOG.warning("InfluxDB keeps data at least 1h: retention policy " + name + " gets 1h instead of " + retention);
            d = MIN_RETENTION;
        }
        String verb = existing.contains(name) ? "ALTER" : "CREATE";
        run(verb + " RETENTION POLICY " + LineProtocol.quoteIdentifier(name) + " ON " + LineProtocol.quoteIdentifier(database)
                + " DURATION " + d.toSeconds() + "s" + (verb.equals("CREATE") ? " REPLICATION 1" : "") + (isDefault ? " DEFAULT" : ""));
    }

    private QueryResult run(String command) {
        QueryResult result = client.query(new Query(command, null, true));
        String error = InfluxQueries.errorOf(result);
        if (error != null) {
            throw new IllegalStateException("InfluxDB refused '" + command + "': " + error);
        }
        return result;
    }

    @Override
    public void write(String retentionPolicy, List<String> lines) throws RejectedPointsException {
        try {
            client.write(database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lines);
        } catch (InfluxDBException.PointsBeyondRetentionPolicyException | InfluxDBException.UnableToParseException
                 | InfluxDBException.FieldTypeConflictException e) {
            // InfluxDB wrote the valid points of the batch (a partial write); the others can never be written.
            Matcher m = DROPPED.matcher(String.valueOf(e.getMessage()));
            int n = m.find() ? Integer.parseInt(m.group(1)) : lines.size();
            throw new RejectedPointsException(String.valueOf(e.getMessage()).strip(), Math.min(n, lines.size()), e);
        }
    }
}
