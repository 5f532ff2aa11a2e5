package dev.bongsu.model.codec;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Timings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary codec for {@link ResultBatch}, so batches cross a clustered event bus cheaply.
 * Locally the batch is passed as is (it is immutable).
 */
public final class ResultBatchCodec implements MessageCodec<ResultBatch, ResultBatch> {
    /** Codec name, the same on every node. */
    public static final String NAME = "bongsu.result-batch.v1";
    private static final ErrorClass[] ERRORS = ErrorClass.values();

    @Override
    public void encodeToWire(Buffer buffer, ResultBatch batch) {
        int lengthPos = buffer.length();
        buffer.appendInt(0);
        writeString(buffer, batch.vantage());
        buffer.appendInt(batch.results().size());
        for (ProbeResult r : batch.results()) {
            writeString(buffer, r.checkId());
            writeString(buffer, r.serviceId());
            writeString(buffer, r.vantage());
            buffer.appendLong(r.startedAt());
            buffer.appendByte(r.ok() ? (byte) -1 : (byte) r.error().ordinal());
            buffer.appendInt(r.statusCode());
            Timings t = r.timings();
            buffer.appendDouble(t.dnsMs()).appendDouble(t.connectMs()).appendDouble(t.tlsMs())
                    .appendDouble(t.firstByteMs()).appendDouble(t.totalMs());
            buffer.appendDouble(r.certDaysLeft() == null ? Double.NaN : r.certDaysLeft());
            writeString(buffer, r.detail());
        }
        buffer.setInt(lengthPos, buffer.length() - lengthPos - 4);
    }

    @Override
    public ResultBatch decodeFromWire(int pos, Buffer buffer) {
        Reader in = new Reader(buffer, pos + 4);
        String vantage = in.string();
        int n = in.integer();
        List<ProbeResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String checkId = in.string();
            String serviceId = in.string();
            String v = in.string();
            long startedAt = in.longValue();
            byte code = in.byteValue();
            int status = in.integer();
            Timings timings = new Timings(in.doubleValue(), in.doubleValue(), in.doubleValue(), in.doubleValue(), in.doubleValue());
            double days = in.doubleValue();
            String detail = in.string();
            results.add(new ProbeResult(checkId, serviceId, v, startedAt, code < 0, code < 0 ? null : ERRORS[code],
                    status, timings, Double.isNaN(days) ? null : days, detail));
        }
        return new ResultBatch(vantage, results);
    }

    @Override
    public ResultBatch transform(ResultBatch batch) {
        return batch;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }

    private static void writeString(Buffer buffer, String s) {
        if (s == null) {
            buffer.appendInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    /** Reads a buffer front to back. */
    private static final class Reader {
        private final Buffer buffer;
        private int pos;

        Reader(Buffer buffer, int pos) {
            this.buffer = buffer;
            this.pos = pos;
        }

        int integer() {
            int v = buffer.getInt(pos);
            pos += 4;
            return v;
        }

        long longValue() {
            long v = buffer.getLong(pos);
            pos += 8;
            return v;
        }

        double doubleValue() {
            double v = buffer.getDouble(pos);
            pos += 8;
            return v;
        }

        byte byteValue() {
            return buffer.getByte(pos++);
        }

        String string() {
            int len = integer();
            if (len < 0) {
                return null;
            }
            String s = buffer.getString(pos, pos + len, "UTF-8");
            pos += len;
            return s;
        }
    }
}
