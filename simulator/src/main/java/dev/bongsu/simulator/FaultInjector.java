package dev.bongsu.simulator;

import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import io.vertx.core.Future;
import java.util.List;

/** Applies and clears faults on services; the running fleet is one, a test double can be another. */
public interface FaultInjector {
    /** Applies a fault to every service of the target; completes with their ids once in force. */
    Future<List<String>> inject(Target target, Fault fault);

    /**
     * Clears {@code fault} from the target's services where it is still the fault in force (a later fault on
     * the same service is left alone); completes with the ids of the services cleared.
     */
    Future<List<String>> clear(Target target, Fault fault);
}
