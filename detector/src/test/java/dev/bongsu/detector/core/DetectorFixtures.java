package dev.bongsu.detector.core;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.ServiceConfig;
import java.util.List;

/** Public fixtures for tests of other packages that drive a real detector. */
public final class DetectorFixtures {
    private DetectorFixtures() {
    }

    /** The test fleet of eight services. */
    public static List<ServiceConfig> fleet() {
        return Fleet.korea();
    }

    /** One probe round at round {@code i} (10 s apart from {@link Fleet#T0}); kakaotalk fails when asked. */
    public static List<ProbeResult> round(int i, boolean kakaotalkFails) {
        return Fleet.round(Fleet.korea(), Fleet.VANTAGES, Fleet.T0.plus(Fleet.INTERVAL.multipliedBy(i)),
                kakaotalkFails ? Fleet.Failing.services("kakaotalk") : Fleet.Failing.none());
    }
}
