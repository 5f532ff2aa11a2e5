package dev.bongsu.model;

/**
 * The words an incident is named with, shared by the detector (titles sent to on-call) and the public view (titles on
 * the page, feed and APIs), so both say it the same way: attribute names, "KakaoTalk down", "카카오 서비스 4개 동시 장애" /
 * "4 Kakao services down". The sentences of each side stay in their own table; only what both print lives here.
 */
public final class IncidentWords {
    private IncidentWords() {
    }

    /** The display name of an attribute value, e.g. {@code provider kakao → 카카오 / Kakao}. */
    @FunctionalInterface
    public interface ValueNames {
        /** The display name of {@code value} of {@code attribute}. */
        LocalizedText name(String attribute, String value);

        /** Every value named as it is, in both languages. */
        ValueNames AS_IS = (attribute, value) -> new LocalizedText(value, value);
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

    /** {@link #groupTitle(int, String, LocalizedText)} with the value named as it is. */
    public static LocalizedText groupTitle(int n, String attribute, String value) {
        return groupTitle(n, attribute, value == null ? null : ValueNames.AS_IS.name(attribute, value));
    }

    /**
     * The title of a correlated incident of {@code n} services, with the display name of the value they share when one
     * may be named: "카카오 서비스 4개 동시 장애" / "4 Kakao services down" (provider or category), "카카오 계정에 의존하는
     * 서비스 4개 동시 장애" / "4 services depending on Kakao account down", "데이터센터 판교의 서비스 6개 동시 장애" / "6 services in
     * datacenter Pangyo down"; else the number alone ({@code attribute} or {@code valueName} {@code null}):
     * "서비스 4개 동시 장애" / "4 services down".
     */
    public static LocalizedText groupTitle(int n, String attribute, LocalizedText valueName) {
        if (attribute == null || valueName == null) {
            return new LocalizedText("서비스 " + n + "개 동시 장애", n + " services down");
        }
        String ko = valueName.ko();
        String en = valueName.en();
        return switch (attribute) {
            case "provider", "category" -> new LocalizedText(ko + " 서비스 " + n + "개 동시 장애", n + " " + en + " services down");
            case "dependsOn" -> new LocalizedText(ko + "에 의존하는 서비스 " + n + "개 동시 장애",
                    n + " services depending on " + en + " down");
            default -> new LocalizedText(attribute(attribute).ko() + " " + ko + "의 서비스 " + n + "개 동시 장애",
                    n + " services in " + attribute(attribute).en() + " " + en + " down");
        };
    }
}
