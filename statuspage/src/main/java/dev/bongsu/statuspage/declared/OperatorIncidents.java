package dev.bongsu.statuspage.declared;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.model.store.SqliteDatabase;
import dev.bongsu.statuspage.publicview.OperatorNotes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Declared incidents and postmortems, kept durably in one SQLite file ({@code operator.db}, tables
 * {@code declared_incidents} and {@code postmortems}) and in memory for readers. Both are shared records (kinds
 * {@code declared-incidents} and {@code postmortems}) so that every server of a cluster holds them alike.
 */
public final class OperatorIncidents implements OperatorNotes {
    private static final Logger LOG = Logger.getLogger(OperatorIncidents.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final SqliteDatabase db;
    private final RecordTable declared;
    private final RecordTable postmortems;
    private final SecureRandom random = new SecureRandom();

    /** A store in this SQLite file (created with its directory when missing); call {@link #open()} first. */
    public OperatorIncidents(Vertx vertx, Path file) {
        this.db = new SqliteDatabase(vertx, "operator", file);
        this.declared = new RecordTable(db, "declared_incidents", "declared-incidents");
        this.postmortems = new RecordTable(db, "postmortems", "postmortems");
    }

    /** Whether an id is one this store makes ({@code op-…}); detector ids start with {@code inc-}. */
    public static boolean isDeclaredId(String id) {
        return id != null && id.startsWith("op-");
    }

    /** Opens the file and loads every record. */
    public Future<Void> open() {
        return db.open(c -> {
            declared.prepare(c);
            postmortems.prepare(c);
            LOG.info("status page operator incidents " + db.file() + " opened with " + declared.values().size()
                    + " declared incidents and " + postmortems.values().size() + " postmortems");
            return null;
        });
    }

    /** Closes the file. */
    public Future<Void> close() {
        return db.close();
    }

    /** The declared incidents as shared records, to replicate between servers. */
    public SharedRecords declaredRecords() {
        return declared;
    }

    /** The postmortems as shared records, to replicate between servers. */
    public SharedRecords postmortemRecords() {
        return postmortems;
    }

    /** Calls {@code r} after every change, made here or applied from another server (to rebuild the pages). */
    public void onChange(Runnable r) {
        declared.onAnyChange(r);
        postmortems.onAnyChange(r);
    }

    /** Declares a new incident, stored durably. */
    public Future<DeclaredIncident> declare(LocalizedText title, List<String> services, DeclaredImpact impact, Instant at) {
        DeclaredIncident d = DeclaredIncident.declare(newId(at), title, services, impact, at);
        return declared.change(d.id(), current -> current == null ? OperatorRecords.toJson(d) : null)
                .map(j -> {
                    if (j == null) {
                        throw new IllegalStateException("declared incident id " + d.id() + " already taken");
                    }
                    return d;
                });
    }

    /** Changes title, services or impact ({@code null}: unchanged); empty when there is no such incident. */
    public Future<Optional<DeclaredIncident>> change(String id, LocalizedText title, List<String> services, DeclaredImpact impact,
                                                     Instant at) {
        return declared.change(id, current -> current == null ? null
                        : OperatorRecords.toJson(OperatorRecords.declared(current).changed(title, services, impact, at)))
                .map(j -> Optional.ofNullable(j).map(OperatorRecords::declared));
    }

    /** Resolves an open incident; empty when there is no such incident or it is resolved already. */
    public Future<Optional<DeclaredIncident>> resolve(String id, Instant at) {
        return declared.change(id, current -> {
            if (current == null) {
                return null;
            }
            DeclaredIncident d = OperatorRecords.declared(current);
            return d.isOpen() ? OperatorRecords.toJson(d.resolved(at)) : null;
        }).map(j -> Optional.ofNullable(j).map(OperatorRecords::declared));
    }

    @Override
    public Optional<DeclaredIncident> declared(String id) {
        return declared.get(id).flatMap(OperatorIncidents::readDeclared);
    }

    @Override
    public List<DeclaredIncident> declaredIncidents() {
        List<DeclaredIncident> out = new ArrayList<>();
        for (JsonObject o : declared.values()) {
            readDeclared(o).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(DeclaredIncident::startedAt).reversed().thenComparing(DeclaredIncident::id));
        return out;
    }

    @Override
    public Optional<Postmortem> postmortem(String incidentId) {
        return postmortems.get(incidentId).flatMap(OperatorIncidents::readPostmortem).filter(p -> !p.deleted());
    }

    /** Writes or replaces the postmortem of an incident. */
    public Future<Postmortem> putPostmortem(String incidentId, LocalizedText text, Instant at) {
        return postmortems.change(incidentId, current -> {
            Postmortem before = current == null ? null : readPostmortem(current).orElse(null);
            Postmortem next = before == null ? new Postmortem(incidentId, 1, text, at, null, false)
                    : new Postmortem(incidentId, before.version() + 1, text, before.deleted() ? at : before.at(),
                    before.deleted() ? null : at, false);
            return OperatorRecords.toJson(next);
        }).map(OperatorRecords::postmortem);
    }

    /** Removes the postmortem of an incident (a tombstone is kept); empty when there is none. */
    public Future<Optional<Postmortem>> deletePostmortem(String incidentId, Instant at) {
        return postmortems.change(incidentId, current -> {
            Postmortem before = current == null ? null : readPostmortem(current).orElse(null);
            if (before == null || before.deleted()) {
                return null;
            }
            return OperatorRecords.toJson(new Postmortem(incidentId, before.version() + 1, before.text(), before.at(), at, true));
        }).map(j -> Optional.ofNullable(j).map(OperatorRecords::postmortem));
    }

    private String newId(Instant at) {
        StringBuilder b = new StringBuilder("op-").append(ID_TIME.format(at)).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    private static Optional<DeclaredIncident> readDeclared(JsonObject o) {
        try {
            return Optional.of(OperatorRecords.declared(o));
        } catch (IllegalArgumentException e) {
            LOG.warning("status page: declared incident " + o.getValue("id") + " unreadable, left out: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Postmortem> readPostmortem(JsonObject o) {
        try {
            return Optional.of(OperatorRecords.postmortem(o));
        } catch (IllegalArgumentException e) {
            LOG.warning("status page: postmortem " + o.getValue("id") + " unreadable, left out: " + e.getMessage());
            return Optional.empty();
        }
    }
}
