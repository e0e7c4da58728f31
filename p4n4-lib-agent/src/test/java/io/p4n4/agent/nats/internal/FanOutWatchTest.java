package io.p4n4.agent.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.DesiredStateEvent.Operation;
import io.p4n4.api.score.StoredScore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FanOutWatchTest {

    private final FanOutWatch fanOut = new FanOutWatch();

    @Test
    void eachDeviceReceivesOnlyItsOwnChanges() throws Exception {
        List<DesiredStateEvent> a = new CopyOnWriteArrayList<>();
        List<DesiredStateEvent> b = new CopyOnWriteArrayList<>();
        fanOut.register("pi-a", 0, a::add);
        AutoCloseable bWatch = fanOut.register("pi-b", 0, b::add);

        fanOut.onEvent(put("pi-a", "app", "v1", 1));
        fanOut.onEvent(put("pi-b", "app", "w1", 2));
        bWatch.close();
        fanOut.onEvent(put("pi-b", "app", "w2", 3));

        assertThat(a).extracting(DesiredStateEvent::value).containsExactly("v1");
        assertThat(b).extracting(DesiredStateEvent::value).containsExactly("w1");
    }

    @Test
    void aLateListenerGetsTheCurrentEntriesAboveItsRevisionInOrderThenChanges() {
        fanOut.onEvent(put("pi-a", "web", "v1", 1));
        fanOut.onEvent(put("pi-a", "app", "v2", 2));
        fanOut.onEvent(put("pi-a", "old", "v3", 3));
        fanOut.onEvent(new DesiredStateEvent(Operation.DELETE, "pi-a", "old", null, 4));
        fanOut.onEvent(put("pi-a", "web", "v5", 5));

        List<DesiredStateEvent> late = new CopyOnWriteArrayList<>();
        fanOut.register("pi-a", 2, late::add);
        fanOut.onEvent(put("pi-a", "app", "v6", 6));

        assertThat(late).extracting(DesiredStateEvent::deployment, DesiredStateEvent::revision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("web", 5L), org.assertj.core.groups.Tuple.tuple("app", 6L));
    }

    @Test
    void listAnswersFromTheReplicaOnlyOnceTheBucketWasDelivered() throws Exception {
        fanOut.onEvent(put("pi-a", "web", "v1", 1));
        assertThat(fanOut.list("pi-a", Duration.ofMillis(20))).as("not complete yet: ask the server").isEmpty();

        fanOut.onEvent(put("pi-a", "app", "v2", 2));
        fanOut.onEvent(new DesiredStateEvent(Operation.PURGE, "pi-a", "web", null, 3));
        fanOut.initialDataDelivered();

        assertThat(fanOut.list("pi-a", Duration.ZERO)).contains(List.of(new StoredScore("pi-a", "app", "v2", 2)));
        assertThat(fanOut.list("pi-b", Duration.ZERO)).contains(List.of());
    }

    @Test
    void connectionChangesReachEveryDevice() {
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        for (String device : List.of("pi-a", "pi-b")) {
            fanOut.register(device, 0, new io.p4n4.api.score.DesiredStateListener() {
                @Override
                public void onEvent(DesiredStateEvent event) {
                }

                @Override
                public void onConnectionChange(boolean connected) {
                    seen.add(connected);
                }
            });
        }
        fanOut.onConnectionChange(false);
        assertThat(seen).containsExactly(false, false);
    }

    private static DesiredStateEvent put(String device, String deployment, String value, long revision) {
        return new DesiredStateEvent(Operation.PUT, device, deployment, value, revision);
    }
}
