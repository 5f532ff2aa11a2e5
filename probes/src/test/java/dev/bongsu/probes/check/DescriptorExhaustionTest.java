package dev.bongsu.probes.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.testkit.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real descriptor exhaustion: a child JVM under {@code ulimit -n} eats every descriptor it has and then probes
 * real loopback servers with the standard checkers. Every check must say {@code local_resource} (the probing host
 * cannot open a socket), never that the target refused, timed out or is down, and probe normally once the
 * descriptors are back.
 */
class DescriptorExhaustionTest {
    private static final int DESCRIPTOR_LIMIT = 512;

    @TempDir
    Path dir;

    @Test
    void aProbeThatCannotOpenASocketSaysSo() throws Exception {
        List<String> lines = runChild();
        assertThat(lines).as(String.join("\n", lines))
                .contains("before http ok", "before tcp ok", "before tls ok", "before dns ok")
                .contains("after http ok", "after tcp ok", "after tls ok", "after dns ok")
                .anyMatch(l -> l.startsWith("exhausted after "));
        for (String check : List.of("http", "tcp", "tls", "dns")) {
            String line = lines.stream().filter(l -> l.startsWith("exhausted " + check + " ")).findFirst().orElseThrow();
            assertThat(line).as(String.join("\n", lines)).startsWith("exhausted " + check + " local_resource ")
                    .contains("could not run on this host").containsIgnoringCase("too many open files");
        }
    }

    private List<String> runChild() throws IOException, InterruptedException {
        String bash = Tools.onPath("bash", "bash");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("child.out");
        Process p = new ProcessBuilder(bash, "-c", "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$@\"", "child",
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), DescriptorEater.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("the child JVM did not finish within 90 s:\n" + Files.readString(out));
            }
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
