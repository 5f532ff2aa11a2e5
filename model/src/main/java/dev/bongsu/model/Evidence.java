package dev.bongsu.model;

/**
 * How many services sharing one attribute value are failing: e.g. provider=kakao, 4 of 4 down.
 */
public record Evidence(String attribute, String value, int down, int total) {
    /** Share of the attribute value's services that are failing. */
    public double ratio() {
        return total == 0 ? 0 : (double) down / total;
    }
}
