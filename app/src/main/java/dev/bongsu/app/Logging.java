package dev.bongsu.app;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per log event, for operators: time, level, component, message. */
final class Logging {
    /** JUL holds loggers weakly: without these references the levels set above would be forgotten. */
    private static final java.util.List<Logger> QUIETED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logging() {
    }

    static void configure() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        for (String noisy : new String[] {"com.hazelcast", "io.netty", "io.vertx.core.impl", "io.vertx.core.net"}) {
            Logger logger = Logger.getLogger(noisy);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /** {@code 19:30:01 INFO  detector: incident … opened}. */
    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        @Override
        public String format(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            String component = name.substring(name.lastIndexOf('.') + 1);
            StringBuilder sb = new StringBuilder()
                    .append(TIME.format(LocalTime.ofInstant(r.getInstant(), ZoneId.systemDefault())))
                    .append(' ').append(String.format("%-5s", r.getLevel().getName().replace("WARNING", "WARN").replace("SEVERE", "ERROR")))
                    .append(' ').append(component).append(": ").append(formatMessage(r));
            if (r.getThrown() != null && r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                java.io.StringWriter w = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                sb.append(System.lineSeparator()).append(w);
            } else if (r.getThrown() != null) {
                sb.append(" (").append(r.getThrown()).append(')');
            }
            return sb.append(System.lineSeparator()).toString();
        }
    }
}
