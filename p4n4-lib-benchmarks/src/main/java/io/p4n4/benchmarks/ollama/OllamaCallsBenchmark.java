package io.p4n4.benchmarks.ollama;

import io.github.ollama4j.Ollama;
import io.github.ollama4j.models.generate.OllamaGenerateRequest;
import io.p4n4.api.clients.ollama.GenerateRequest;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.clients.ClientFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small non-streaming Ollama calls per second against one loopback stub: p4n4's client (one pooled
 * keep-alive connection) against ollama4j, each making the same requests and reading the same
 * answers. Run: {@code java -jar p4n4-lib-benchmarks/target/benchmarks.jar OllamaCallsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OllamaCallsBenchmark {
    private OllamaStub stub;
    private ClientFactory clients;
    private OllamaClient p4n4;
    private Ollama ollama4j;
    private GenerateRequest p4n4Request;

    /** Starts the stub and both clients, and checks both read the stub's answer. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stub = new OllamaStub();
        clients = ClientFactory.create();
        p4n4 = clients.ollama().baseUrl(stub.url()).build();
        ollama4j = new Ollama(stub.url());
        ollama4j.setRequestTimeoutSeconds(10);
        p4n4Request = GenerateRequest.of("llama3.2", "Say ok.");
        if (!"ok".equals(p4n4Generate()) || !"ok".equals(ollama4jGenerate())) {
            throw new IllegalStateException("a client did not read the stub's answer");
        }
    }

    /** Stops both. */
    @TearDown(Level.Trial)
    public void tearDown() {
        clients.close();
        stub.close();
    }

    /** p4n4: {@code POST /api/generate} with {@code stream: false}. */
    @Benchmark
    public String p4n4Generate() {
        return p4n4.generate(p4n4Request).response();
    }

    /** ollama4j: the same call. */
    @Benchmark
    public String ollama4jGenerate() throws Exception {
        OllamaGenerateRequest request = OllamaGenerateRequest.builder().withModel("llama3.2").withPrompt("Say ok.")
                .withStreaming(false).build();
        return ollama4j.generate(request, null).getResponse();
    }

    /** p4n4: {@code GET /api/version}. */
    @Benchmark
    public String p4n4Version() {
        return p4n4.version();
    }

    /** ollama4j: the same call. */
    @Benchmark
    public String ollama4jVersion() throws Exception {
        return ollama4j.getVersion();
    }
}
