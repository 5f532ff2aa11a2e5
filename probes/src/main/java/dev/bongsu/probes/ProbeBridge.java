package dev.bongsu.probes;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ResultBatch;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * Hands what probe nodes of a {@link ProbePlane} produce to the event bus of the process's main Vert.x instance, as
 * if they had published it there ({@link Addresses#RESULTS} with each batch's {@link FrameHeaders},
 * {@link Addresses#PROBE_STATS}). Deployed as a worker
 * verticle on that instance: the hand-over runs on its worker context, never on an event loop of the main instance,
 * so a busy public listener cannot hold results back. Safe to call from any thread.
 */
final class ProbeBridge extends VerticleBase implements ProbeOutput {
    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }

    @Override
    public void results(ResultBatch batch, WallFrame frame) {
        context.runOnContext(v -> vertx.eventBus().publish(Addresses.RESULTS, batch, FrameHeaders.options(frame)));
    }

    @Override
    public void stats(JsonObject stats) {
        context.runOnContext(v -> vertx.eventBus().publish(Addresses.PROBE_STATS, stats));
    }
}
