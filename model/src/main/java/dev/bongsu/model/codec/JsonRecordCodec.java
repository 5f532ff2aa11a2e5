package dev.bongsu.model.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bongsu.model.ModelJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Carries an immutable model record on the event bus: as is within one JVM, as JSON across a cluster.
 *
 * @param <T> the record type
 */
public final class JsonRecordCodec<T> implements MessageCodec<T, T> {
    private final Class<T> type;
    private final ObjectMapper mapper;

    /** A codec for one record type. */
    public JsonRecordCodec(Class<T> type) {
        this.type = type;
        this.mapper = ModelJson.newMapper();
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(value);
            buffer.appendInt(bytes.length).appendBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
        }
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        byte[] bytes = buffer.getBytes(pos + 4, pos + 4 + length);
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + type.getSimpleName(), e);
        }
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return "bongsu.json." + type.getSimpleName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
