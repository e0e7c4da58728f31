package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.score.DesiredStateListener;
import io.p4n4.api.score.DesiredStateStore;
import io.p4n4.api.score.RevisionConflictException;
import io.p4n4.api.score.StoredScore;
import io.p4n4.agent.score.IncompletePublishException;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreEnvelopeCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScorePublisher.Change;
import io.p4n4.agent.score.ScorePublisher.Result;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a publisher reports on the real nats-server of scripts/services.sh: an unchanged Score writes no
 * revision, a concurrent writer (a second connection writing between our read and our compare-and-set) is
 * reported or out-waited, and a multi-device publish with one failed device reports every device and can
 * be run again safely.
 */
class ScorePublisherOnNatsTest {

    private final ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
    private final ScoreSigner signer = ScoreSigner.of(codec, ScoreSigner.generateKeyPair());
    private String url;
    private String bucket;
    private NatsDesiredStateStore store;
    /** A second connection: the other publisher. */
    private NatsDesiredStateStore rivalStore;

    @BeforeEach
    void connect() {
        url = SharedNats.url();
        bucket = SharedNats.uniqueBucket("it-publish");
        store = SharedNats.store(url, bucket);
        rivalStore = SharedNats.store(url, bucket);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (store != null) {
            store.close();
            rivalStore.close();
            SharedNats.deleteBuckets(url, bucket);
        }
    }

    private static PodmanV0Score web(String image) {
        return PodmanV0Score.of(PodmanService.of("web", image));
    }

    private int history(String key) throws Exception {
        Connection nc = Nats.connect(url);
        try {
            return nc.keyValue(bucket).history(key).size();
        } finally {
            nc.close();
        }
    }

    @Test
    void publishingTheSameScoreAgainIsUnchangedAndWritesNoRevision() throws Exception {
        ScorePublisher publisher = ScorePublisher.create(store);
        Result first = publisher.publish(List.of("pi-1"), "web", web("nginx:1")).get(0);

        Result again = publisher.publish(List.of("pi-1"), "web", web("nginx:1")).get(0);

        assertThat(first.change()).isEqualTo(Change.CREATED);
        assertThat(again).isEqualTo(new Result("pi-1", Change.UNCHANGED, first.revision(), 0));
        assertThat(rivalStore.find("pi-1", "web")).map(StoredScore::revision).contains(first.revision());
        assertThat(history("pi-1.web")).isEqualTo(1);
    }

    @Test
    void signingTheSameScoreAgainIsUnchangedAtTheSameGeneration() throws Exception {
        ScorePublisher publisher = ScorePublisher.create(store, codec, signer);
        Result first = publisher.publish(List.of("pi-1"), "web", web("nginx:1")).get(0);

        Result again = publisher.publish(List.of("pi-1"), "web", web("nginx:1")).get(0);

        assertThat(again).isEqualTo(new Result("pi-1", Change.UNCHANGED, first.revision(), 1));
        assertThat(history("pi-1.web")).isEqualTo(1);
    }

    @Test
    void aConcurrentWriterMakesAnUnsignedPublishFailClearlyWithoutOverwritingIt() {
        RacingStore racing = new RacingStore(store, ScorePublisher.create(rivalStore), Map.of("pi-1", 1));

        assertThatThrownBy(() -> ScorePublisher.create(racing).publish(List.of("pi-1"), "web", web("nginx:1")))
                .isInstanceOfSatisfying(IncompletePublishException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.getCause()).isInstanceOf(RevisionConflictException.class);
                    assertThat(e.results()).singleElement().satisfies(r -> {
                        assertThat(r.change()).isEqualTo(Change.FAILED);
                        assertThat(r.error()).contains("key 'pi-1.web' changed since revision 0")
                                .contains("another publisher wrote it");
                    });
                });
        // the other publisher's Score stays: nothing was silently overwritten
        assertThat(store.find("pi-1", "web").orElseThrow().value()).contains("rival:0");
    }

    @Test
    void aSignedPublishRetriesAfterAConcurrentWriterWithTheGenerationAfterIts() {
        RacingStore racing = new RacingStore(store, ScorePublisher.create(rivalStore, codec, signer), Map.of("pi-1", 1));

        Result result = ScorePublisher.create(racing, codec, signer).publish(List.of("pi-1"), "web", web("nginx:1"))
                .get(0);

        assertThat(result.change()).isEqualTo(Change.UPDATED);
        assertThat(result.generation()).isEqualTo(2); // the rival's was 1
        String stored = store.find("pi-1", "web").orElseThrow().value();
        assertThat(stored).contains("nginx:1");
        assertThat(ScoreEnvelopeCodec.read(stored).orElseThrow().envelope().generation()).isEqualTo(2);
    }

    @Test
    void aSignedPublishThatLosesEveryRaceFailsNamingTheKey() {
        RacingStore racing = new RacingStore(store, ScorePublisher.create(rivalStore, codec, signer),
                Map.of("pi-1", ScorePublisher.ATTEMPTS));

        assertThatThrownBy(() -> ScorePublisher.create(racing, codec, signer)
                .publish(List.of("pi-1"), "web", web("nginx:1")))
                .isInstanceOf(IncompletePublishException.class)
                .hasMessageContaining("failed on 1 of 1 device(s): pi-1: key 'pi-1.web' changed since revision")
                .hasMessageContaining("running the same command again is safe");
        assertThat(ScoreEnvelopeCodec.read(store.find("pi-1", "web").orElseThrow().value()).orElseThrow()
                .envelope().generation()).isEqualTo(ScorePublisher.ATTEMPTS);
    }

    @Test
    void aPartialMultiDevicePublishReportsEachDeviceAndRunningItAgainWritesOnlyTheFailedOne() {
        List<String> devices = List.of("pi-1", "pi-2", "pi-3");
        RacingStore racing = new RacingStore(store, ScorePublisher.create(rivalStore), Map.of("pi-2", 1));

        IncompletePublishException failure = (IncompletePublishException) org.assertj.core.api.Assertions
                .catchThrowable(() -> ScorePublisher.create(racing).publish(devices, "web", web("nginx:1")));

        assertThat(failure).isNotNull();
        List<Result> first = failure.results();
        assertThat(first).extracting(Result::device).containsExactly("pi-1", "pi-2", "pi-3");
        assertThat(first).extracting(Result::change).containsExactly(Change.CREATED, Change.FAILED, Change.CREATED);
        assertThat(first.get(1).error()).contains("key 'pi-2.web' changed since revision 0");
        assertThat(failure).hasMessageContaining("failed on 1 of 3 device(s): pi-2: ");

        List<Result> again = ScorePublisher.create(store).publish(devices, "web", web("nginx:1"));

        assertThat(again).extracting(Result::change).containsExactly(Change.UNCHANGED, Change.UPDATED, Change.UNCHANGED);
        assertThat(again.get(0).revision()).isEqualTo(first.get(0).revision());
        assertThat(again.get(2).revision()).isEqualTo(first.get(2).revision());
        for (String device : devices) {
            assertThat(store.find(device, "web").orElseThrow().value()).contains("nginx:1");
        }
    }

    @Test
    void anUnsignedDeleteReportsEachDeviceAndDeletingAgainChangesNothing() {
        ScorePublisher publisher = ScorePublisher.create(store);
        publisher.publish(List.of("pi-1", "pi-2"), "web", web("nginx:1"));

        List<Result> deleted = publisher.delete(List.of("pi-1", "pi-2", "pi-3"), "web");

        assertThat(deleted).extracting(Result::device).containsExactly("pi-1", "pi-2", "pi-3");
        assertThat(deleted).extracting(Result::change).containsExactly(Change.DELETED, Change.DELETED, Change.UNCHANGED);
        assertThat(store.find("pi-1", "web")).isEmpty();
        assertThat(store.find("pi-2", "web")).isEmpty();
        assertThat(publisher.delete(List.of("pi-1"), "web")).extracting(Result::change).containsExactly(Change.UNCHANGED);
    }

    @Test
    void aPartialSignedDeleteTriesEveryDeviceAndRunningItAgainTombstonesOnlyTheFailedOne() throws Exception {
        List<String> devices = List.of("pi-1", "pi-2", "pi-3");
        ScorePublisher.create(store, codec, signer).publish(devices, "web", web("nginx:1"));
        // the rival wins every compare-and-set on pi-2: the signing publisher gives up after its attempts
        RacingStore racing = new RacingStore(store, ScorePublisher.create(rivalStore),
                Map.of("pi-2", ScorePublisher.ATTEMPTS));

        IncompletePublishException failure = (IncompletePublishException) org.assertj.core.api.Assertions
                .catchThrowable(() -> ScorePublisher.create(racing, codec, signer).delete(devices, "web"));

        assertThat(failure).isNotNull();
        assertThat(failure.results()).extracting(Result::change)
                .containsExactly(Change.DELETED, Change.FAILED, Change.DELETED);
        assertThat(failure.results().get(0).generation()).isEqualTo(2);
        assertThat(failure).hasMessageContaining("failed on 1 of 3 device(s): pi-2: key 'pi-2.web' changed since");
        assertThat(tombstone("pi-1")).isTrue();
        assertThat(tombstone("pi-2")).isFalse();

        List<Result> again = ScorePublisher.create(store, codec, signer).delete(devices, "web");

        assertThat(again).extracting(Result::change).containsExactly(Change.UNCHANGED, Change.DELETED, Change.UNCHANGED);
        assertThat(again.get(0).revision()).isEqualTo(failure.results().get(0).revision());
        for (String device : devices) {
            assertThat(tombstone(device)).as(device).isTrue();
        }
    }

    private boolean tombstone(String device) {
        return ScoreEnvelopeCodec.read(store.find(device, "web").orElseThrow().value())
                .map(s -> s.envelope().tombstone()).orElse(false);
    }

    /**
     * The store our publisher writes through: before its compare-and-set on a device listed in {@code races},
     * the rival publishes its own Score for the same key on its own connection, that many times.
     */
    private static final class RacingStore implements DesiredStateStore {
        private final NatsDesiredStateStore delegate;
        private final ScorePublisher rival;
        private final Map<String, Integer> races;
        private int rivalWrites;

        RacingStore(NatsDesiredStateStore delegate, ScorePublisher rival, Map<String, Integer> races) {
            this.delegate = delegate;
            this.rival = rival;
            this.races = new HashMap<>(races);
        }

        @Override
        public String bucket() {
            return delegate.bucket();
        }

        @Override
        public long compareAndSet(String device, String deployment, String value, long expectedRevision) {
            int left = races.getOrDefault(device, 0);
            if (left > 0) {
                races.put(device, left - 1);
                rival.publish(List.of(device), deployment, web("rival:" + rivalWrites++));
            }
            return delegate.compareAndSet(device, deployment, value, expectedRevision);
        }

        @Override
        public Optional<StoredScore> find(String device, String deployment) {
            return delegate.find(device, deployment);
        }

        @Override
        public List<StoredScore> list(String device) {
            return delegate.list(device);
        }

        @Override
        public List<String> devices() {
            return delegate.devices();
        }

        @Override
        public void delete(String device, String deployment) {
            delegate.delete(device, deployment);
        }

        @Override
        public AutoCloseable watch(String device, long afterRevision, DesiredStateListener listener) {
            return delegate.watch(device, afterRevision, listener);
        }

        @Override
        public void putStatus(String device, String statusJson) {
            delegate.putStatus(device, statusJson);
        }

        @Override
        public Optional<String> findStatus(String device) {
            return delegate.findStatus(device);
        }

        @Override
        public boolean connected() {
            return delegate.connected();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
