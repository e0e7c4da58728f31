package io.p4n4.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ProgressEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final StackId IOT = StackId.of("iot");

    private final Operations operations = Operations.create();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        operations.close();
    }

    private Map<String, Object> blocked() {
        awaitQuietly(release);
        return Map.of("ok", true);
    }

    @Test
    void everyListenerGetsEachEventOnceInOrderEvenWhenSubscribingWhileEventsArrive() throws Exception {
        int steps = 4000;
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch someSubscribed = new CountDownLatch(1);
        Operation op = operations.submit("up", IOT, progress -> {
            for (int i = 0; i < steps; i++) {
                if (i == steps / 2) { // the first listeners replay half, then the rest arrives while more subscribe
                    halfway.countDown();
                    awaitQuietly(someSubscribed);
                }
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.CONTAINER_STARTED, "s" + i, ""));
            }
            return Map.of("n", steps);
        });
        assertThat(halfway.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<List<Long>> seen = new ArrayList<>();
        for (int i = 0; i < 200 && (i < 3 || op.state() == Operation.State.RUNNING); i++) {
            List<Long> sequences = new CopyOnWriteArrayList<>();
            seen.add(sequences);
            op.listen(e -> sequences.add(e.sequence()));
            if (i == 2) {
                someSubscribed.countDown();
            }
        }
        assertThat(op.awaitDone(WAIT)).isTrue();
        List<Long> all = LongStream.rangeClosed(1, steps + 1).boxed().toList();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).allSatisfy(sequences -> assertThat(sequences).isEqualTo(all));
        assertThat(op.events()).hasSize(steps + 1).last().satisfies(e -> assertThat(e.type()).isEqualTo("done"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondOperationOnABusyStackIsRefusedNamingTheRunningOne() throws Exception {
        Operation up = operations.submit("up", IOT, progress -> blocked());

        assertThatThrownBy(() -> operations.submit("down", IOT, progress -> Map.of()))
                .isInstanceOfSatisfying(OperationConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.runningId()).isEqualTo(up.id());
                    assertThat(e.runningKind()).isEqualTo("up");
                    assertThat(e.getMessage()).contains(up.id()).contains("(up)").contains("down of stack iot");
                });
        Operation other = operations.submit("up", StackId.of("edge"), progress -> Map.of());
        assertThat(other.awaitDone(WAIT)).isTrue();

        release.countDown();
        assertThat(up.awaitDone(WAIT)).isTrue();
        Operation next = operations.submit("down", IOT, progress -> Map.of());
        assertThat(next.awaitDone(WAIT)).isTrue();
        assertThat(next.state()).isEqualTo(Operation.State.SUCCEEDED);
    }

    @Test
    void theResultIsTheDoneEventsDataAndProgressCarriesItsStep() throws Exception {
        Operation op = operations.submit("up", IOT, progress -> {
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.NETWORK_CREATED, "p4n4-net", "bridge"));
            progress.onProgress(ProgressEvent.pullProgress(new PullProgress("busybox:1", "abc", "Downloading", 5, 10)));
            return Map.of("stacks", Map.of("iot", Map.of("created", List.of("mosquitto"))));
        });
        assertThat(op.awaitDone(WAIT)).isTrue();

        assertThat(op.state()).isEqualTo(Operation.State.SUCCEEDED);
        assertThat(op.result()).isEqualTo(Map.of("stacks", Map.of("iot", Map.of("created", List.of("mosquitto")))));
        assertThat(op.findFailure()).isEmpty();
        List<OperationEvent> events = op.events();
        assertThat(events).extracting(OperationEvent::type).containsExactly("progress", "progress", "done");
        assertThat(events.get(0).data()).containsEntry("step", "network_created").containsEntry("subject", "p4n4-net")
                .containsEntry("detail", "bridge").containsKey("time").doesNotContainKey("layer");
        assertThat(Duration.between(java.time.Instant.parse((String) events.get(0).data().get("time")),
                java.time.Instant.now())).isLessThan(WAIT);
        assertThat(events.get(1).data()).containsEntry("step", "image_pull_progress").containsEntry("layer", "abc")
                .containsEntry("current", 5L).containsEntry("total", 10L);
        assertThat(events.get(2).data()).isEqualTo(op.result());
        assertThat(op.id()).matches("[A-Za-z0-9_-]{6,16}");
    }

    @Test
    void aP4n4ExceptionIsTheFailureAndAnyOtherIsWrappedAsGeneralWithItsMessage() throws Exception {
        P4n4Exception engineDown = new P4n4Exception(ErrorCode.ENGINE, "docker does not answer");
        Operation own = operations.submit("up", IOT, progress -> {
            throw engineDown;
        });
        Operation other = operations.submit("down", StackId.of("edge"), progress -> {
            throw new IllegalStateException("boom in the work");
        });
        assertThat(own.awaitDone(WAIT)).isTrue();
        assertThat(other.awaitDone(WAIT)).isTrue();

        assertThat(own.state()).isEqualTo(Operation.State.FAILED);
        assertThat(own.failure()).isSameAs(engineDown);
        assertThat(own.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("failed");
            assertThat(e.data()).isEqualTo(Map.of("code", "ENGINE", "message", "docker does not answer"));
        });
        assertThat(other.failure().code()).isEqualTo(ErrorCode.GENERAL);
        assertThat(other.failure().getMessage()).isEqualTo("boom in the work");
        assertThat(other.failure().getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(other.events().get(0).data()).containsEntry("code", "GENERAL");
        assertThatThrownBy(other::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
    }

    @Test
    void onlyTheLastFiftyFinishedOperationsStayFindable() throws Exception {
        List<Operation> all = new ArrayList<>();
        for (int i = 0; i < Operations.RETAINED + 5; i++) {
            Operation op = operations.submit("up", IOT, progress -> Map.of());
            assertThat(op.awaitDone(WAIT)).isTrue();
            all.add(op);
        }
        Operation running = operations.submit("down", StackId.of("edge"), progress -> blocked());

        assertThat(all.subList(0, 5)).allSatisfy(op -> assertThat(operations.find(op.id())).isEmpty());
        assertThat(all.subList(5, all.size())).allSatisfy(op -> assertThat(operations.find(op.id())).containsSame(op));
        assertThat(operations.find(running.id())).containsSame(running);
        assertThat(operations.find("no-such-id")).isEmpty();
    }

    @Test
    void aListenerThatThrowsIsDroppedAndTheOthersGoOn() throws Exception {
        Operation op = operations.submit("up", IOT, progress -> {
            blocked();
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.CONTAINER_CREATED, "a", ""));
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.CONTAINER_STARTED, "a", ""));
            return Map.of();
        });
        List<String> thrower = new CopyOnWriteArrayList<>();
        List<String> steady = new CopyOnWriteArrayList<>();
        op.listen(e -> {
            thrower.add(e.type());
            throw new IllegalStateException("listener bug");
        });
        op.listen(e -> steady.add(e.type()));

        release.countDown();
        assertThat(op.awaitDone(WAIT)).isTrue();
        assertThat(thrower).containsExactly("progress");
        assertThat(steady).containsExactly("progress", "progress", "done");
    }

    @Test
    void aClosedListenerGetsNothingMoreAndALateOneGetsEverything() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Operation op = operations.submit("up", IOT, progress -> {
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.CONTAINER_CREATED, "a", ""));
            first.countDown();
            blocked();
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.CONTAINER_STARTED, "a", ""));
            return Map.of();
        });
        assertThat(first.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<Long> closedEarly = new CopyOnWriteArrayList<>();
        AutoCloseable handle = op.listen(e -> closedEarly.add(e.sequence()));
        handle.close();

        release.countDown();
        assertThat(op.awaitDone(WAIT)).isTrue();
        List<Long> late = new ArrayList<>();
        op.listen(e -> late.add(e.sequence()));
        assertThat(closedEarly).containsExactly(1L);
        assertThat(late).containsExactly(1L, 2L, 3L);
    }
}
