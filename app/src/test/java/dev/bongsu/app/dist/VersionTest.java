package dev.bongsu.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.app.BuildInfo;
import dev.bongsu.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code bongsu --version}: version, commit and build time filled in by the build. */
class VersionTest {
    @Test
    void versionNamesTheProjectVersionTheCommitAndTheBuildTime() {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--version")).isZero();

        // The checkout has a .git directory (CI clones it): the commit is known; a source tarball says "unknown".
        String commit = Files.isDirectory(Path.of("..", ".git")) ? "[0-9a-f]{7}" : "unknown";
        assertThat(out.toString().strip())
                .matches("bongsu 0\\.1\\.0-SNAPSHOT \\(commit " + commit + ", built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
    }

    @Test
    void valuesTheBuildCouldNotFillInReadUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "0.2.0");
        p.setProperty("commit", "${git.commit.id.abbrev}");

        assertThat(BuildInfo.of(p).line()).isEqualTo("bongsu 0.2.0 (commit unknown, built unknown)");
    }
}
