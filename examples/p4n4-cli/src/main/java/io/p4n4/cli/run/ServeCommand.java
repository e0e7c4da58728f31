package io.p4n4.cli.run;

import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.cli.output.InputFiles;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.score.NatsOption;
import io.p4n4.server.P4n4Server;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 serve [--port P]}: the project as a REST API with a live dashboard (docs/server.md) until Ctrl-C.
 * Loopback only unless {@code --bind}; mutating calls need {@code P4N4_SERVER_TOKEN} from the project's
 * {@code .env} (generated on first start). The Score and device routes need {@code --nats} (or {@code NATS_URL}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the project as a REST API with a live web dashboard (until Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    NatsOption nats;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + P4n4Server.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: loopback,"
            + " 127.0.0.1). Anything else exposes the API to the network.")
    String bind;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Let pages from this origin call the"
            + " API, e.g. https://ops.example.com (repeatable; default: CORS off).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + P4n4Server.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "Sign published Scores and deletes with this"
            + " Ed25519 private key (base64 PKCS#8, from 'p4n4 score keygen'); needs --nats.")
    Path signKey;

    @Option(names = "--print-token-url", description = "Also print the dashboard's URL with the token in it"
            + " (a secret: for your own terminal only).")
    boolean printTokenUrl;

    @Override
    public Integer call() throws InterruptedException {
        boolean useNats = nats.configured();
        if (signKey != null && !useNats) {
            throw new P4n4Exception(ErrorCode.USER, "--sign-key needs --nats (or NATS_URL): Scores are published there");
        }
        P4n4Server.Builder builder = P4n4Server.builder().project(EngineOptions.projectDirectory(spec)).port(port)
                .bind(address()).corsOrigins(corsOrigins).maxBodyBytes(maxBody);
        try (ContainerEngine engine = engineOptions.connect();
                NatsDesiredStateStore store = useNats ? nats.open() : null) {
            builder.engine(engine);
            if (store != null) {
                builder.nats(store);
            }
            if (signKey != null) {
                builder.signer(ScoreSigner.parse(ScoreCodec.strict(ScoreTypeRegistry.defaults()), InputFiles.read(signKey)));
            }
            try (P4n4Server server = builder.build().start()) {
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "p4n4-serve-stop"));
                announce(spec.commandLine().getOut(), server, engine, store != null ? nats.url() : null);
                server.awaitTermination();
            }
        }
        return 0;
    }

    private void announce(PrintWriter out, P4n4Server server, ContainerEngine engine, String natsUrl) {
        if (OutputMode.json(spec)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", server.url().toString());
            m.put("openapi", server.url() + "openapi.json");
            m.put("engine", engine.id());
            m.put("nats", natsUrl);
            m.put("token_variable", "P4N4_SERVER_TOKEN");
            if (printTokenUrl) {
                m.put("dashboard", server.dashboardUrl().toString());
            }
            Json.printLine(out, m);
        } else {
            out.println("p4n4 server at " + server.url() + " (engine " + engine.id() + " at " + engine.endpoint()
                    + (natsUrl == null ? ", no NATS" : ", NATS " + natsUrl) + "); Ctrl-C stops it");
            out.println("API: " + server.url() + "openapi.json; changes need 'Authorization: Bearer $P4N4_SERVER_TOKEN'"
                    + " (the project's .env)");
            out.println("dashboard: " + (printTokenUrl ? server.dashboardUrl() : server.url()
                    + " (paste the token there, or run with --print-token-url)"));
        }
        out.flush();
    }

    private InetAddress address() {
        if (bind == null) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new P4n4Exception(ErrorCode.USER, "--bind " + bind + " is not an address of this machine: "
                    + e.getMessage());
        }
    }
}
