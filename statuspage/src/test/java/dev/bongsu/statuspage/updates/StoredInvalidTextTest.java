package dev.bongsu.statuspage.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.support.SiteFixture;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An update stored before texts were checked at the door, holding characters XML forbids, cannot break the feed. */
class StoredInvalidTextTest {
    @TempDir
    Path dir;

    @Test
    void theFeedStaysWellFormedWithAnOldRowHoldingNonCharacters() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("updates.db")); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, status TEXT NOT NULL, "
                    + "text_ko TEXT NOT NULL, text_en TEXT NOT NULL, at_ms INTEGER NOT NULL)");
            st.execute("INSERT INTO updates (incident_id, status, text_ko, text_en, at_ms) VALUES ('inc-dcfire-1', 'identified', "
                    + "'판교\uFFFF화재', 'fire\uFFFE at \u0001Pangyo', " + System.currentTimeMillis() + ")");
        }
        try (SiteFixture f = new SiteFixture(dir)) {
            f.dcFire();
            await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/feed.atom").body().contains("Pangyo"));
            byte[] feed = f.get("/feed.atom").body();
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            assertThat(dbf.newDocumentBuilder().parse(new ByteArrayInputStream(feed)).getDocumentElement().getTextContent())
                    .contains("fire at Pangyo", "판교화재");
        }
    }
}
