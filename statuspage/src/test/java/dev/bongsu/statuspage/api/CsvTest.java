package dev.bongsu.statuspage.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "-1+1|cmd!A0", "+1+HYPERLINK(\"http://evil\")", "@SUM(A1)",
            "\t=1+1", "\r=1+1", "-5"})
    void everyCellStartingLikeAFormulaReadsAsText(String hostile) throws IOException {
        String csv = Csv.services(doc(hostile));
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(2)).isEqualTo("'" + hostile);
    }

    @Test
    void quotesWhatNeedsQuotingAndKeepsPlainCells() throws IOException {
        String csv = Csv.services(doc("a,b \"quoted\"\nnext line"));
        assertThat(csv).startsWith("id,name_ko,name_en,provider,category,state,since\r\n")
                .contains("kakaotalk,카카오톡,\"a,b \"\"quoted\"\"\nnext line\",kakao,,down,\r\n");
        assertThat(CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().get(1).get(2)).isEqualTo("a,b \"quoted\"\nnext line");
    }

    @Test
    void nonFormulaCellsAreLeftAlone() {
        assertThat(Csv.neutralised("plain")).isEqualTo("plain");
        assertThat(Csv.neutralised("2026-11-25T14:05:00+09:00")).isEqualTo("2026-11-25T14:05:00+09:00");
        assertThat(Csv.neutralised("")).isEmpty();
        assertThat(Csv.neutralised(null)).isNull();
    }

    private static JsonObject doc(String nameEn) {
        return new JsonObject().put("services", new JsonArray().add(new JsonObject().put("id", "kakaotalk")
                .put("name", new JsonObject().put("ko", "카카오톡").put("en", nameEn)).put("provider", "kakao")
                .put("category", null).put("state", "down").put("since", null)));
    }
}
