package dev.bongsu.model.config;

/**
 * A configuration error. The message reads {@code file:line: key.path: expected …, found …}, so a user can
 * go straight to the line and fix it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String keyPath;

    /** An error at one key of one file. */
    public ConfigException(String file, int line, String keyPath, String problem) {
        super(format(file, line, keyPath, problem));
        this.file = file;
        this.line = line;
        this.keyPath = keyPath;
    }

    private static String format(String file, int line, String keyPath, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            sb.append(keyPath).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file the error is in. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted key path, e.g. {@code services[2].checks[0].timeout}. */
    public String keyPath() {
        return keyPath;
    }
}
