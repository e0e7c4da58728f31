package io.p4n4.server.engine;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ProgressListener;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code up} and {@code down} asynchronously, one operation per stack at a time, and keeps them findable
 * by id: every running one and the last {@value #RETAINED} finished ones.
 *
 * <p><b>Thread-safety:</b> thread-safe. Each operation runs on a daemon worker thread of its own
 * ({@code p4n4-server-op-N}). {@link #close()} refuses new operations and lets running ones finish (stopping an
 * {@code up} half-way would leave a stack half-made); it is idempotent.
 */
public final class Operations implements AutoCloseable {
    /** How many finished operations stay findable. */
    public static final int RETAINED = 50;

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExecutorService workers;
    private final Map<String, Operation> byId = new ConcurrentHashMap<>();
    private final Map<StackId, Operation> running = new HashMap<>(); // guarded by this
    private final Deque<Operation> finished = new ArrayDeque<>(); // guarded by this, oldest first
    private boolean closed; // guarded by this

    private Operations(ExecutorService workers) {
        this.workers = workers;
    }

    /** Operations on their own daemon worker threads. */
    public static Operations create() {
        AtomicInteger n = new AtomicInteger();
        return new Operations(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "p4n4-server-op-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Starts {@code work} on a worker thread and returns at once. {@code work} gets a {@link ProgressListener}
     * that records each step as a {@code progress} event; what it returns becomes the result (and the data of
     * the {@code done} event); what it throws the failure ({@code failed} event).
     *
     * @throws OperationConflictException when an operation of {@code stack} is still running
     */
    public synchronized Operation submit(String kind, StackId stack,
            Function<ProgressListener, Map<String, Object>> work) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot start " + kind + " of stack " + stack.value()
                    + ": the server is shutting down");
        }
        Operation other = running.get(stack);
        if (other != null) {
            throw new OperationConflictException(stack, other.id(), other.kind(), kind);
        }
        Operation op = new Operation(newId(), kind, stack);
        running.put(stack, op);
        byId.put(op.id(), op);
        try {
            workers.execute(() -> run(op, work));
        } catch (RejectedExecutionException e) {
            running.remove(stack);
            byId.remove(op.id());
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot start " + kind + " of stack " + stack.value()
                    + ": no worker thread available (" + e.getMessage() + ")", e);
        }
        return op;
    }

    /** The operation with {@code id}, if it is running or among the last {@value #RETAINED} finished. */
    public Optional<Operation> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The operation running on {@code stack}, if any. */
    public synchronized Optional<Operation> findRunning(StackId stack) {
        return Optional.ofNullable(running.get(stack));
    }

    private void run(Operation op, Function<ProgressListener, Map<String, Object>> work) {
        try {
            Map<String, Object> result = work.apply(op::progress);
            op.settle(result == null ? Map.of() : result);
        } catch (P4n4Exception e) {
            op.settle(e);
        } catch (RuntimeException | Error e) { // an Error too: the stack must not stay locked by a dead operation
            LOG.warn("operation {} ({} {}) failed unexpectedly", op.id(), op.kind(), op.stack().value(), e);
            op.settle(new P4n4Exception(ErrorCode.GENERAL,
                    e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e));
        }
        release(op); // before the final event: whoever sees it may start the next operation at once
        op.end();
    }

    private synchronized void release(Operation op) {
        running.remove(op.stack(), op);
        finished.addLast(op);
        while (finished.size() > RETAINED) {
            byId.remove(finished.removeFirst().id());
        }
    }

    private String newId() {
        byte[] bytes = new byte[6];
        for (int attempt = 0; attempt < 100; attempt++) { // 48 random bits: a clash is all but impossible
            RANDOM.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!byId.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free operation id after 100 random draws");
    }

    /** Refuses new operations; running ones finish on their threads. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        workers.shutdown();
    }
}
