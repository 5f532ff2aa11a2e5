package dev.bongsu.model.config;

/**
 * Bongsu's own HTTP server.
 *
 * @param host      address to listen on
 * @param port      port to listen on (0 picks a free one)
 * @param publicUrl the URL people reach the status page at, used in links sent out
 */
public record HttpConfig(String host, int port, String publicUrl) {
    /** This setting on another port; the public URL follows when it was the default. */
    public HttpConfig withPort(int newPort) {
        String url = publicUrl.equals("http://" + host + ":" + port) ? "http://" + host + ":" + newPort : publicUrl;
        return new HttpConfig(host, newPort, url);
    }
}
