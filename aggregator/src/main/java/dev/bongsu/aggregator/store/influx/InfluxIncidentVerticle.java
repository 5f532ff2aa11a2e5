package dev.bongsu.aggregator.store.influx;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentTransition;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.logging.Logger;

/** Records every incident transition from {@link Addresses#INCIDENTS} in InfluxDB, where Grafana shows them as annotations. */
public final class InfluxIncidentVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(InfluxIncidentVerticle.class.getName());
    private final InfluxTimeSeriesStore store;

    /** Writes incident transitions through {@code store}. */
    public InfluxIncidentVerticle(InfluxTimeSeriesStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<IncidentTransition>consumer(Addresses.INCIDENTS, m -> store.writeIncident(m.body())
                .onFailure(e -> LOG.warning("incident " + m.body().incident().transitionKey() + " not recorded in InfluxDB: " + e.getMessage())))
                .completion();
    }
}
