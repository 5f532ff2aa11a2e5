package dev.bongsu.statuspage.vantagemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.vantagemap.OutageVerdict.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rules over hand-built rows, general over networks and countries, and their words in both languages. */
class OutageMapSentenceTest {
    static OutageMapRow row(String en, String ko, String country, String network, long failed, long total) {
        return new OutageMapRow(en.toLowerCase().replace(' ', '-'), new LocalizedText(ko, en), null, country, network,
                VantageState.of(failed, total), failed, total);
    }

    static final OutageMapRow KT_SEOUL_FAILS = row("KT Seoul", "KT 서울", "KR", "KT", 12, 12);
    static final OutageMapRow KT_SEOUL_WORKS = row("KT Seoul", "KT 서울", "KR", "KT", 0, 12);
    static final OutageMapRow SKB_BUSAN_FAILS = row("SKB Busan", "SKB 부산", "KR", "SKB", 11, 12);
    static final OutageMapRow SKB_BUSAN_WORKS = row("SKB Busan", "SKB 부산", "KR", "SKB", 0, 12);
    static final OutageMapRow LGU_DAEJEON_WORKS = row("LG U+ Daejeon", "LG U+ 대전", "KR", "LG U+", 1, 12);
    static final OutageMapRow LGU_DAEJEON_FAILS = row("LG U+ Daejeon", "LG U+ 대전", "KR", "LG U+", 12, 12);
    static final OutageMapRow TOKYO_WORKS = row("Tokyo", "도쿄", "JP", "AWS Tokyo", 0, 12);
    static final OutageMapRow TOKYO_FAILS = row("Tokyo", "도쿄", "JP", "AWS Tokyo", 12, 12);
    static final OutageMapRow TOKYO_NO_DATA = row("Tokyo", "도쿄", "JP", "AWS Tokyo", 0, 0);

    private static OutageVerdict verdict(OutageMapRow... rows) {
        return OutageMapSentence.verdict(List.of(rows));
    }

    @Test
    void everyVantageFailingIsTheServiceItself() {
        OutageVerdict v = verdict(KT_SEOUL_FAILS, SKB_BUSAN_FAILS, TOKYO_FAILS);

        assertThat(v.kind()).isEqualTo(Kind.FAILS_EVERYWHERE);
        assertThat(OutageMapSentence.text(v, Lang.EN))
                .isEqualTo("Fails from every vantage (KT Seoul, SKB Busan, Tokyo) → the service itself, not a network");
        assertThat(OutageMapSentence.text(v, Lang.KO)).isEqualTo("모든 관측 지점(KT 서울, SKB 부산, 도쿄)에서 실패 → 통신망이 아니라 서비스 자체의 문제");
    }

    @Test
    void onlyOneNetworkFailingWhileAnotherInTheSameCountryWorksIsThatNetwork() {
        OutageVerdict v = verdict(KT_SEOUL_FAILS, SKB_BUSAN_WORKS, TOKYO_WORKS);

        assertThat(v.kind()).isEqualTo(Kind.NETWORK);
        assertThat(v.network()).isEqualTo("KT");
        assertThat(OutageMapSentence.text(v, Lang.EN))
                .isEqualTo("Fails only from KT Seoul, works from SKB Busan, Tokyo → likely a KT network problem, not the service");
        assertThat(OutageMapSentence.text(v, Lang.KO))
                .isEqualTo("KT 서울에서만 실패, SKB 부산, 도쿄에서는 정상 → 서비스가 아니라 KT 통신망 문제일 가능성이 큼");
    }

    @Test
    void theNetworkRuleIsNotTiedToKtOrKorea() {
        OutageMapRow osakaNtt = row("NTT Osaka", "NTT 오사카", "JP", "NTT", 10, 10);
        OutageMapRow tokyoNtt = row("NTT Tokyo", "NTT 도쿄", "JP", "NTT", 9, 10);
        OutageMapRow tokyoKddi = row("KDDI Tokyo", "KDDI 도쿄", "JP", "KDDI", 0, 10);

        OutageVerdict v = verdict(osakaNtt, tokyoNtt, tokyoKddi, KT_SEOUL_WORKS);

        assertThat(v.kind()).isEqualTo(Kind.NETWORK);
        assertThat(v.network()).isEqualTo("NTT");
        assertThat(v.failing()).containsExactly(osakaNtt, tokyoNtt);
    }

    @Test
    void aNetworkThatAlsoWorksSomewhereIsNotBlamed() {
        OutageMapRow ktBusanWorks = row("KT Busan", "KT 부산", "KR", "KT", 0, 12);

        assertThat(verdict(KT_SEOUL_FAILS, ktBusanWorks, SKB_BUSAN_WORKS).kind()).isEqualTo(Kind.MIXED);
    }

    @Test
    void oneNetworkFailingComparedOnlyWithAbroadCannotTellNetworkFromCountry() {
        OutageVerdict v = verdict(KT_SEOUL_FAILS, TOKYO_WORKS);

        assertThat(v.kind()).isEqualTo(Kind.NETWORK_OR_COUNTRY);
        assertThat(OutageMapSentence.text(v, Lang.EN))
                .isEqualTo("Fails only from KT Seoul, works from Tokyo → a KT network problem or one inside South Korea; "
                        + "these vantages cannot tell which");
        assertThat(OutageMapSentence.text(v, Lang.KO)).contains("KT 통신망 문제이거나 대한민국 안의 문제");
    }

    @Test
    void withoutANetworkConfiguredTheVantageItselfIsNamed() {
        OutageMapRow seoul = row("Seoul", "서울", "KR", null, 5, 5);

        OutageVerdict v = verdict(seoul, TOKYO_WORKS);

        assertThat(v.kind()).isEqualTo(Kind.NETWORK_OR_COUNTRY);
        assertThat(v.network()).isNull();
        assertThat(OutageMapSentence.text(v, Lang.EN)).isEqualTo(
                "Fails only from Seoul, works from Tokyo → a problem of the network of Seoul or one inside South Korea; these vantages cannot tell which");
    }

    @Test
    void severalNetworksOfOneCountryFailingWhileAbroadWorksIsDomesticNotOneIsp() {
        OutageVerdict v = verdict(KT_SEOUL_FAILS, SKB_BUSAN_FAILS, LGU_DAEJEON_FAILS, TOKYO_WORKS);

        assertThat(v.kind()).isEqualTo(Kind.COUNTRY);
        assertThat(v.country()).isEqualTo("KR");
        assertThat(OutageMapSentence.text(v, Lang.EN)).isEqualTo("Fails from KT Seoul, SKB Busan, LG U+ Daejeon, works from Tokyo → "
                + "not one ISP's problem: it fails inside South Korea only, so a domestic network problem or geo-blocking, "
                + "not the service's global availability");
        assertThat(OutageMapSentence.text(v, Lang.KO)).startsWith("KT 서울, SKB 부산, LG U+ 대전에서 실패, 도쿄에서는 정상 → 한 통신사 문제가 아님: 대한민국 안에서만 실패");
    }

    @Test
    void twoNetworksFailingWhileAThirdInTheSameCountryWorksIsMixed() {
        assertThat(verdict(KT_SEOUL_FAILS, SKB_BUSAN_FAILS, LGU_DAEJEON_WORKS, TOKYO_WORKS).kind()).isEqualTo(Kind.MIXED);
    }

    @Test
    void failingOnlyAbroadIsThatCountry() {
        OutageMapRow osaka = row("Osaka", "오사카", "JP", "NTT", 12, 12);

        OutageVerdict v = verdict(KT_SEOUL_WORKS, SKB_BUSAN_WORKS, TOKYO_FAILS, osaka);

        assertThat(v.kind()).isEqualTo(Kind.COUNTRY);
        assertThat(OutageMapSentence.text(v, Lang.EN)).contains("inside Japan only");
    }

    @Test
    void everyVantageWorkingSaysSo() {
        OutageVerdict v = verdict(KT_SEOUL_WORKS, SKB_BUSAN_WORKS, LGU_DAEJEON_WORKS, TOKYO_WORKS);

        assertThat(v.kind()).isEqualTo(Kind.WORKS_EVERYWHERE);
        assertThat(OutageMapSentence.text(v, Lang.EN)).isEqualTo("Works from every vantage (KT Seoul, SKB Busan, LG U+ Daejeon, Tokyo)");
    }

    @Test
    void oneVantageOnlyCannotTell() {
        OutageVerdict fails = verdict(KT_SEOUL_FAILS, TOKYO_NO_DATA);
        OutageVerdict works = verdict(KT_SEOUL_WORKS);

        assertThat(fails.kind()).isEqualTo(Kind.ONE_VANTAGE);
        assertThat(OutageMapSentence.text(fails, Lang.EN))
                .isEqualTo("Only KT Seoul has measurements, and it fails there. One vantage only: cannot tell the service from the network.");
        assertThat(OutageMapSentence.text(works, Lang.KO)).startsWith("KT 서울에서만 측정되었고 정상입니다.");
    }

    @Test
    void noMeasurementsAtAllSaysSo() {
        assertThat(verdict(TOKYO_NO_DATA).kind()).isEqualTo(Kind.NO_DATA);
        assertThat(verdict().kind()).isEqualTo(Kind.NO_DATA);
        assertThat(OutageMapSentence.text(List.of(), Lang.KO)).isEqualTo("아직 어느 관측 지점에서도 측정값이 없습니다.");
    }

    @Test
    void vantagesWithoutDataAreLeftOutOfTheVerdict() {
        OutageVerdict v = verdict(KT_SEOUL_FAILS, SKB_BUSAN_FAILS, TOKYO_NO_DATA);

        assertThat(v.kind()).isEqualTo(Kind.FAILS_EVERYWHERE);
        assertThat(v.failing()).containsExactly(KT_SEOUL_FAILS, SKB_BUSAN_FAILS);
    }

    @Test
    void aVantageSeeingSomeFailuresCountsAsFailingAndAnOddTimeoutDoesNot() {
        OutageMapRow ktPartly = row("KT Seoul", "KT 서울", "KR", "KT", 3, 12);

        assertThat(ktPartly.state()).isEqualTo(VantageState.PARTLY);
        assertThat(LGU_DAEJEON_WORKS.state()).isEqualTo(VantageState.WORKS);
        assertThat(verdict(ktPartly, SKB_BUSAN_WORKS, LGU_DAEJEON_WORKS).kind()).isEqualTo(Kind.NETWORK);
    }

    @Test
    void aCountryWithoutANameStaysACode() {
        assertThat(OutageMapSentence.country("KR", Lang.EN)).isEqualTo("South Korea");
        assertThat(OutageMapSentence.country("JP", Lang.KO)).isEqualTo("일본");
        assertThat(OutageMapSentence.country("XX", Lang.EN)).isEqualTo("XX");
        assertThat(OutageMapSentence.country(null, Lang.EN)).isNull();
    }

    @Test
    void anUnknownCountryAmongTheWorkingMakesNoCountryClaim() {
        OutageMapRow somewhere = row("Somewhere", "어딘가", null, null, 0, 12);

        assertThat(verdict(KT_SEOUL_FAILS, SKB_BUSAN_FAILS, somewhere).kind()).isEqualTo(Kind.MIXED);
    }
}
