package dev.bongsu.aggregator.store.influx;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Points that could not be written while InfluxDB was away, on disk in arrival order: immutable segment files
 * {@code <sequence>-<retention policy>.lp} of line protocol, each written whole, fsynced, then renamed into place.
 * The head segment is read back in batches and deleted once written. Thread-safe: the spill thread appends while
 * the writer thread reads the head.
 */
final class DiskSpool {
    private static final Pattern SEGMENT = Pattern.compile("(\\d{16})-([a-z_]+)\\.lp");

    private final Path dir;
    private final long maxBytes;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    /** Fresh spools start high so that {@link #prepend} always has lower numbers to use. */
    private long nextSequence = 1_000_000_000L;
    private long points;
    private long bytes;
    private List<String> headLines;
    private int headOffset;

    private record Segment(Path file, String retentionPolicy, long points, long bytes) {
    }

    private DiskSpool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** Opens (creating it if needed) the spool in {@code dir}, taking up segments a previous run left behind. */
    static DiskSpool open(Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        DiskSpool spool = new DiskSpool(dir, maxBytes);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            Matcher m = SEGMENT.matcher(name);
            if (name.endsWith(".tmp")) {
                // A spill interrupted by a crash: its points were never acknowledged as spilled.
                Files.delete(f);
            } else if (m.matches()) {
                long lines;
                try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
                    lines = s.filter(l -> !l.isEmpty()).count();
                }
                spool.add(new Segment(f, m.group(2), lines, Files.size(f)));
                spool.nextSequence = Math.max(spool.nextSequence, Long.parseLong(m.group(1)) + 1);
            }
        }
        return spool;
    }

    /** Whether the spool has reached its size limit (one more append may still overshoot it by that append). */
    synchronized boolean isFull() {
        return bytes >= maxBytes;
    }

    /** Appends points in order as new segments (one per run of the same retention policy). */
    synchronized void append(List<BufferedPoint> batch) throws IOException {
        for (List<BufferedPoint> run : runs(batch)) {
            segments.addLast(writeSegment(run, nextSequence++));
        }
        count(batch);
    }

    /**
     * Puts points before everything spooled (they are older: a batch that was being written when the store stopped).
     * The head segment is then read again from its start; points written twice are overwritten, not duplicated.
     */
    synchronized void prepend(List<BufferedPoint> batch) throws IOException {
        List<List<BufferedPoint>> runs = runs(batch);
        long first = segments.isEmpty() ? nextSequence : sequenceOf(segments.peekFirst());
        for (int i = runs.size() - 1; i >= 0; i--) {
            segments.addFirst(writeSegment(runs.get(i), --first));
        }
        if (headLines != null) {
            points += headOffset;
            headLines = null;
            headOffset = 0;
        }
        count(batch);
    }

    private void count(List<BufferedPoint> batch) {
        // Segment sizes were added by writeSegment; only the point count is per batch.
        points += batch.size();
    }

    private static long sequenceOf(Segment s) {
        Matcher m = SEGMENT.matcher(s.file().getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a spool segment: " + s.file());
        }
        return Long.parseLong(m.group(1));
    }

    private static List<List<BufferedPoint>> runs(List<BufferedPoint> batch) {
        List<List<BufferedPoint>> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= batch.size(); i++) {
            if (i == batch.size() || !batch.get(i).retentionPolicy().equals(batch.get(start).retentionPolicy())) {
                out.add(batch.subList(start, i));
                start = i;
            }
        }
        return out;
    }

    private Segment writeSegment(List<BufferedPoint> run, long sequence) throws IOException {
        String rp = run.get(0).retentionPolicy();
        String name = String.format("%016d-%s.lp", sequence, rp);
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8), 1 << 16);
            for (BufferedPoint p : run) {
                w.write(p.line());
                w.write('\n');
            }
            w.flush();
            ch.force(true);
        }
        Path file = dir.resolve(name);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        long size = Files.size(file);
        bytes += size;
        return new Segment(file, rp, run.size(), size);
    }

    private void add(Segment s) {
        segments.addLast(s);
        points += s.points();
        bytes += s.bytes();
    }

    /** Whether nothing is spooled. */
    synchronized boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The next up to {@code max} points of the oldest segment, without consuming them; empty when the spool is. */
    synchronized List<BufferedPoint> peek(int max) throws IOException {
        Segment head = segments.peekFirst();
        if (head == null) {
            return List.of();
        }
        if (headLines == null) {
            headLines = Files.readAllLines(head.file(), StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
            headOffset = 0;
        }
        int end = Math.min(headLines.size(), headOffset + max);
        List<BufferedPoint> out = new ArrayList<>(end - headOffset);
        for (int i = headOffset; i < end; i++) {
            out.add(new BufferedPoint(head.retentionPolicy(), headLines.get(i)));
        }
        return out;
    }

    /** Marks the first {@code n} points returned by {@link #peek} as written; deletes the segment when done. */
    synchronized void consume(int n) throws IOException {
        Segment head = segments.peekFirst();
        if (head == null || headLines == null) {
            return;
        }
        headOffset += n;
        points -= n;
        if (headOffset >= headLines.size()) {
            Files.deleteIfExists(head.file());
            segments.pollFirst();
            bytes -= head.bytes();
            headLines = null;
            headOffset = 0;
        }
    }

    /** Points spooled and not yet written. */
    synchronized long points() {
        return points;
    }

    /** Bytes of the segment files. */
    synchronized long bytes() {
        return bytes;
    }

    /** Segment files. */
    synchronized int segments() {
        return segments.size();
    }
}
