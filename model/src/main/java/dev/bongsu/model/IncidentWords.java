package dev.bongsu.model;

/**
 * The words an incident is named with, shared by the detector (titles sent to on-call) and the public view (titles on
 * the page, feed and APIs), so both say it the same way: attribute names, "KakaoTalk down", "4 kakao services down
 * together". The sentences of each side stay in their own table; only what both print lives here.
 */
public final class IncidentWords {
    private IncidentWords() {
    }

    /** The name of a service attribute in a sentence ("provider" / "제공자"); an unknown one is named as it is. */
    public static LocalizedText attribute(String attribute) {
        return switch (attribute) {
            case "provider" -> new LocalizedText("제공자", "provider");
            case "category" -> new LocalizedText("분류", "category");
            case "datacenter" -> new LocalizedText("데이터센터", "datacenter");
            case "region" -> new LocalizedText("지역", "region");
            case "dependsOn" -> new LocalizedText("공통 의존성", "shared dependency");
            case "vantage" -> new LocalizedText("관측 지점", "vantage");
            default -> new LocalizedText(attribute, attribute);
        };
    }

    /** The title of a service incident: "KakaoTalk down" / "KakaoTalk degraded". */
    public static LocalizedText serviceTitle(LocalizedText name, boolean down) {
        return down ? new LocalizedText(name.ko() + " 장애", name.en() + " down")
                : new LocalizedText(name.ko() + " 성능 저하", name.en() + " degraded");
    }

    /**
     * The title of a correlated incident of {@code n} services: with the value they share when one may be named
     * ("4 kakao services down together"), else the number alone ({@code attribute} {@code null}).
     */
    public static LocalizedText groupTitle(int n, String attribute, String value) {
        if (attribute == null || value == null) {
            return new LocalizedText("서비스 " + n + "개 동시 장애", n + " services down together");
        }
        return switch (attribute) {
            case "provider" -> new LocalizedText(value + " 서비스 " + n + "개 동시 장애", n + " " + value + " services down together");
            case "dependsOn" -> new LocalizedText(value + "에 의존하는 서비스 " + n + "개 동시 장애",
                    n + " services depending on " + value + " down together");
            default -> new LocalizedText(attribute(attribute).ko() + " " + value + "의 서비스 " + n + "개 동시 장애",
                    n + " services in " + attribute(attribute).en() + " " + value + " down together");
        };
    }
}
