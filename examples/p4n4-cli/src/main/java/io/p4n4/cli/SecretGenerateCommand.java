package io.p4n4.cli;

import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.StackId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code p4n4 secret generate}: prints fresh values to stdout; writes nothing. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Print fresh secret values (nothing is written).")
final class SecretGenerateCommand extends ProjectCommand implements Callable<Integer> {
    @Option(names = "--stacks", paramLabel = "LIST",
            description = "Stacks to generate for (default: the project's, or all outside a project).")
    String stacks;

    @Override
    public Integer call() {
        List<GeneratedSecret> fresh;
        if (stacks != null) {
            fresh = projects().generateSecrets(parseStacks(stacks));
        } else {
            fresh = projects().find(root().startDirectory()).map(p -> p.secrets().generate())
                    .orElseGet(() -> projects().generateSecrets(StackId.bundled()));
        }
        if (json()) {
            Map<String, String> values = new LinkedHashMap<>();
            fresh.forEach(s -> values.put(s.name(), s.value()));
            JsonOutput.print(out(), values);
            return 0;
        }
        TextTable table = new TextTable("NAME", "VALUE", "STACK");
        fresh.forEach(s -> table.row(s.name(), s.value(), s.stack()));
        table.print(out());
        return 0;
    }
}
