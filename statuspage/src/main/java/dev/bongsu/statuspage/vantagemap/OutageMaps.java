package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;

/** The outage maps of one build, from the measurements it read: nothing is read while rendering. */
public final class OutageMaps {
    private OutageMaps() {
    }

    /** The live map of a service; {@link OutageMap#EMPTY} when nothing was read (or no vantage is public). */
    public static OutageMap service(SiteData d, String serviceId) {
        return d.history().vantages().service(serviceId).map(w -> OutageMap.of(d.view(), w)).orElse(OutageMap.EMPTY);
    }

    /** The map of an incident over its window; {@link OutageMap#EMPTY} when it was not read (yet). */
    public static OutageMap incident(SiteData d, PublicIncident i) {
        return d.history().vantages().incident(i.id()).map(w -> OutageMap.of(d.view(), w)).orElse(OutageMap.EMPTY);
    }
}
