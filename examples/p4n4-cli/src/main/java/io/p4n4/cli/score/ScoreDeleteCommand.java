package io.p4n4.cli.score;

import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p4n4 score delete --device D [--device ...] --name N}: the agents then remove the containers. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a deployment from devices.")
public final class ScoreDeleteCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    NatsOption nats;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "Device (repeatable).")
    List<String> devices;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Deployment name.")
    String name;

    @Override
    public Integer call() {
        try (NatsDesiredStateStore store = nats.open()) {
            List<String> had = ScorePublisher.create(store).delete(devices, name);
            if (OutputMode.json(spec)) {
                Json.printDocument(spec.commandLine().getOut(), devices.stream().map(device -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("device", device);
                    m.put("deployment", name);
                    m.put("deleted", had.contains(device));
                    return m;
                }).toList());
                return 0;
            }
            for (String device : devices) {
                spec.commandLine().getOut().printf("%s.%s: %s%n", device, name,
                        had.contains(device) ? "deleted" : "not present");
            }
        }
        return 0;
    }
}
