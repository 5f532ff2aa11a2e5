package dev.bongsu.statuspage.support;

import dev.bongsu.model.Incident;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.VantageHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory detector view. */
public final class FakeLive implements LiveStatus {
    private final List<String> order;
    private final Map<String, ServiceState> states = new ConcurrentHashMap<>();
    private final Map<String, Incident> open = new ConcurrentHashMap<>();
    private volatile List<VantageHealth> vantageHealth = List.of();

    /** A view with these states. */
    public FakeLive(List<ServiceState> initial) {
        this.order = initial.stream().map(ServiceState::serviceId).toList();
        initial.forEach(s -> states.put(s.serviceId(), s));
    }

    /** Sets a state. */
    public void set(ServiceState s) {
        states.put(s.serviceId(), s);
    }

    /** Sets an incident: kept while open, dropped when resolved. */
    public void incident(Incident i) {
        if (i.isOpen()) {
            open.put(i.id(), i);
        } else {
            open.remove(i.id());
        }
    }

    /** Sets what each vantage sees now. */
    public void vantageHealth(List<VantageHealth> now) {
        vantageHealth = List.copyOf(now);
    }

    @Override
    public List<VantageHealth> vantageHealth() {
        return vantageHealth;
    }

    @Override
    public List<ServiceState> serviceStates() {
        return order.stream().map(states::get).toList();
    }

    @Override
    public List<Incident> openIncidents() {
        List<Incident> l = new ArrayList<>(open.values());
        l.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return l;
    }
}
