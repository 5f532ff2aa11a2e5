package dev.bongsu.model.codec;

import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceStateChange;
import io.vertx.core.eventbus.EventBus;

/** Registers the codec of every type Bongsu sends on the event bus; call once on every node. */
public final class Codecs {
    private Codecs() {
    }

    /** Registers all codecs as default codecs of their types. */
    public static void registerAll(EventBus bus) {
        bus.registerDefaultCodec(ResultBatch.class, new ResultBatchCodec());
        bus.registerDefaultCodec(ServiceStateChange.class, new JsonRecordCodec<>(ServiceStateChange.class));
        bus.registerDefaultCodec(IncidentTransition.class, new JsonRecordCodec<>(IncidentTransition.class));
    }
}
