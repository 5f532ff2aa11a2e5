package dev.bongsu.probes;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ResultBatch;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Where a probe node's output goes: its result batches and its scheduler statistics. Called on the node's loop. */
public interface ProbeOutput {
    /** Takes one batch of results, stamped in the wall-clock {@code frame} of the moment it was flushed. */
    void results(ResultBatch batch, WallFrame frame);

    /** Takes one statistics message (see {@link ProbeVerticle}). */
    void stats(JsonObject stats);

    /**
     * Publishes on {@code bus}: batches on {@link Addresses#RESULTS} with their frame in {@link FrameHeaders},
     * statistics on {@link Addresses#PROBE_STATS}.
     */
    static ProbeOutput publishOn(EventBus bus) {
        return new ProbeOutput() {
            @Override
            public void results(ResultBatch batch, WallFrame frame) {
                bus.publish(Addresses.RESULTS, batch, FrameHeaders.options(frame));
            }

            @Override
            public void stats(JsonObject stats) {
                bus.publish(Addresses.PROBE_STATS, stats);
            }
        };
    }
}
