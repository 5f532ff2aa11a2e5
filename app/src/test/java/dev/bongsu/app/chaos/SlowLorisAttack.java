package dev.bongsu.app.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow-connection attack from loopback: {@code slots} connections spread over {@code clients} source addresses
 * (127.0.1.1, 127.0.1.2, …), each sending one byte of a request head that never ends every {@code drip}; a
 * connection the server closes is opened again on a later round, as an attacker would (at most
 * {@code opensPerRound} new connections a round). Counts what it sees.
 */
final class SlowLorisAttack implements AutoCloseable {
    private static final byte[] HEAD = "GET / HTTP/1.1\r\nHost: bongsu\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress target;
    private final int clients;
    private final int opensPerRound;
    private final SocketChannel[] sockets;
    private static final int SLICES = 10;

    private final int[] sent;
    private final int[] heldPerSlice = new int[SLICES];
    private int slices;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "slow-loris"));
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld = new AtomicInteger();

    SlowLorisAttack(InetSocketAddress target, int slots, int clients, int opensPerRound) {
        this.target = target;
        this.clients = clients;
        this.opensPerRound = opensPerRound;
        this.sockets = new SocketChannel[slots];
        this.sent = new int[slots];
    }

    /**
     * Starts the rounds: every slot drips once every {@code dripMillis}, the slots taken in {@link #SLICES} slices
     * spread over that time, so connections arrive as a steady stream rather than one burst.
     */
    SlowLorisAttack start(long dripMillis) {
        rounds.scheduleAtFixedRate(this::slice, 0, dripMillis / SLICES, TimeUnit.MILLISECONDS);
        return this;
    }

    private void slice() {
        int slice = slices++ % SLICES;
        int alive = 0;
        int opens = 0;
        for (int i = slice; i < sockets.length; i += SLICES) {
            if (sockets[i] == null) {
                if (opens++ >= opensPerRound / SLICES) {
                    continue;
                }
                sockets[i] = open(i);
                sent[i] = 0;
                continue;
            }
            if (drip(i)) {
                if (sent[i] >= 2) {
                    alive++;
                }
            } else {
                closedByServer.incrementAndGet();
                quietlyClose(sockets[i]);
                sockets[i] = null;
            }
        }
        heldPerSlice[slice] = alive;
        int total = 0;
        for (int h : heldPerSlice) {
            total += h;
        }
        held.set(total);
        maxHeld.accumulateAndGet(total, Math::max);
    }

    private SocketChannel open(int slot) {
        try {
            SocketChannel ch = SocketChannel.open();
            ch.bind(new InetSocketAddress("127.0.1." + (1 + slot % clients), 0));
            ch.socket().connect(target, 1000);
            ch.configureBlocking(false);
            opened.incrementAndGet();
            return ch;
        } catch (IOException e) {
            connectFailures.incrementAndGet();
            return null;
        }
    }

    /** Sends the next byte; false when the server has closed the connection. */
    private boolean drip(int slot) {
        SocketChannel ch = sockets[slot];
        try {
            if (ch.read(ByteBuffer.allocate(512)) < 0) {
                return false;
            }
            byte b = sent[slot] < HEAD.length ? HEAD[sent[slot]] : (byte) 'a';
            if (ch.write(ByteBuffer.wrap(new byte[] {b})) < 0) {
                return false;
            }
            sent[slot]++;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    long opened() {
        return opened.get();
    }

    long closedByServer() {
        return closedByServer.get();
    }

    long connectFailures() {
        return connectFailures.get();
    }

    /** Connections that have survived at least two drips, at the last round. */
    int held() {
        return held.get();
    }

    int maxHeld() {
        return maxHeld.get();
    }

    @Override
    public void close() {
        rounds.shutdownNow();
        try {
            rounds.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel ch : sockets) {
            quietlyClose(ch);
        }
    }

    private static void quietlyClose(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // Closing an attack socket: nothing to do.
            }
        }
    }
}
