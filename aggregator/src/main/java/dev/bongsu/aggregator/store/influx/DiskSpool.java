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
 * The head segment is read back in batches and deleted once written. Used by the writer thread only.
 */
final class DiskSpool {
    private static final Pattern SEGMENT = Pattern.compile("(\\d{16})-([a-z_]+)\\.lp");

    private final Path dir;
    private final long maxBytes;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private long nextSequence;
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

    /**
     * Appends points in order as new segments (one per run of the same retention policy); returns false, writing
     * nothing, when they would take the spool over its size limit.
     */
    boolean append(List<BufferedPoint> batch) throws IOException {
        if (batch.isEmpty()) {
            return true;
        }
        long size = 0;
        for (BufferedPoint p : batch) {
            size += p.line().length() + 1;
        }
        if (bytes + size > maxBytes) {
            return false;
        }
        int start = 0;
        for (int i = 1; i <= batch.size(); i++) {
            if (i == batch.size() || !batch.get(i).retentionPolicy().equals(batch.get(start).retentionPolicy())) {
                writeSegment(batch.subList(start, i));
                start = i;
            }
        }
        return true;
    }

    private void writeSegment(List<BufferedPoint> run) throws IOException {
        String rp = run.get(0).retentionPolicy();
        String name = String.format("%016d-%s.lp", nextSequence++, rp);
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
        add(new Segment(file, rp, run.size(), Files.size(file)));
    }

    private void add(Segment s) {
        segments.addLast(s);
        points += s.points();
        bytes += s.bytes();
    }

    /** Whether nothing is spooled. */
    boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The next up to {@code max} points of the oldest segment, without consuming them; empty when the spool is. */
    List<BufferedPoint> peek(int max) throws IOException {
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
    void consume(int n) throws IOException {
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
    long points() {
        return points;
    }

    /** Bytes of the segment files. */
    long bytes() {
        return bytes;
    }

    /** Segment files. */
    int segments() {
        return segments.size();
    }
}
