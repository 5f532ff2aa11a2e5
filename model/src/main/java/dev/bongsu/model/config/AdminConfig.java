package dev.bongsu.model.config;

/**
 * The admin API.
 *
 * @param token bearer token required on every admin call; {@code null} disables the admin API
 */
public record AdminConfig(String token) {
    @Override
    public String toString() {
        return "AdminConfig[token=" + (token == null ? "none" : "(hidden)") + "]";
    }
}
