package dev.bongsu.simulator;

import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.model.scenario.ScenarioEvent;
import dev.bongsu.model.scenario.Step;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Plays a scenario against a fault injector on Vert.x timers: each step's fault is applied at its offset from a
 * chosen start and cleared when it ends, one event after the other in timeline order. Events whose time has
 * already passed when the run starts are applied at once, in order. A step the live fleet cannot play — a probe-side
 * fault, or one seen only from some vantages (every vantage reaches the simulated services alike) — is reported as
 * skipped; {@code bongsu evaluate} replays it.
 */
public final class ScenarioPlayer {
    private static final Logger LOG = Logger.getLogger("dev.bongsu.simulator");

    private final Vertx vertx;
    private final FaultInjector injector;
    private final Clock clock;

    /** A player applying faults through {@code injector}, reading time from {@code clock}. */
    public ScenarioPlayer(Vertx vertx, FaultInjector injector, Clock clock) {
        this.vertx = vertx;
        this.injector = injector;
        this.clock = clock;
    }

    /** Plays {@code scenario} from now. */
    public ScenarioRun play(Scenario scenario, ScenarioListener listener) {
        return play(scenario, clock.instant(), listener);
    }

    /** Plays {@code scenario} with its offsets counted from {@code start} (which may be in the past or future). */
    public ScenarioRun play(Scenario scenario, Instant start, ScenarioListener listener) {
        Run run = new Run(scenario, start, listener, vertx.getOrCreateContext());
        run.context.runOnContext(v -> run.next());
        return new ScenarioRun(scenario, start, run.finished.future(), run::stop);
    }

    /** The state of one run; touched only on its context. */
    private final class Run {
        private final Scenario scenario;
        private final Instant start;
        private final ScenarioListener listener;
        private final Context context;
        private final List<ScenarioEvent> events;
        private final Promise<Void> finished = Promise.promise();
        private final Map<Integer, Step> underWay = new LinkedHashMap<>();
        private int index;
        private long timer = -1;
        private boolean stopped;

        Run(Scenario scenario, Instant start, ScenarioListener listener, Context context) {
            this.scenario = scenario;
            this.start = start;
            this.listener = listener;
            this.context = context;
            this.events = scenario.timeline();
        }

        void next() {
            timer = -1;
            if (stopped) {
                return;
            }
            if (index >= events.size()) {
                finished.tryComplete();
                return;
            }
            ScenarioEvent event = events.get(index);
            long wait = Duration.between(clock.instant(), start.plus(event.offset())).toMillis();
            if (wait > 0) {
                timer = vertx.setTimer(wait, id -> next());
                return;
            }
            index++;
            apply(event).onComplete((report, err) -> {
                if (!stopped) {
                    tell(report);
                }
                next();
            });
        }

        private Future<StepReport> apply(ScenarioEvent event) {
            Step step = event.step();
            String notLive = notLive(step);
            if (notLive != null) {
                return Future.succeededFuture(StepReport.skipped(scenario.name(), event, notLive));
            }
            Future<List<String>> change;
            if (event.kind() == ScenarioEvent.Kind.BEGIN) {
                underWay.put(event.stepIndex(), step);
                change = injector.inject(step.target(), step.fault());
            } else {
                underWay.remove(event.stepIndex());
                change = injector.clear(step.target(), step.fault());
            }
            return change.transform((ids, err) -> Future.succeededFuture(new StepReport(scenario.name(), event,
                    ids == null ? List.of() : ids, err == null ? null : String.valueOf(err.getMessage()))));
        }

        private static String notLive(Step step) {
            if (step.fault().probeSide()) {
                return "a probe-side fault; the live simulator only runs services";
            }
            if (!step.target().vantages().isEmpty()) {
                return "seen only from " + String.join(", ", step.target().vantages())
                        + "; every vantage reaches the simulated services alike";
            }
            return null;
        }

        private void tell(StepReport report) {
            try {
                listener.onStep(report);
            } catch (RuntimeException e) {
                LOG.warning("scenario " + scenario.name() + ": listener failed on '" + report.event().describe() + "': " + e);
            }
        }

        Future<Void> stop() {
            Promise<Void> done = Promise.promise();
            context.runOnContext(v -> {
                stopped = true;
                if (timer >= 0) {
                    vertx.cancelTimer(timer);
                    timer = -1;
                }
                List<Future<List<String>>> clears = new ArrayList<>();
                underWay.values().forEach(s -> clears.add(injector.clear(s.target(), s.fault())));
                underWay.clear();
                finished.tryComplete();
                Future.join(clears).<Void>mapEmpty().onComplete(done);
            });
            return done.future();
        }
    }
}
