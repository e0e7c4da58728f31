package io.p4n4.cli.ai;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.clients.LettaPersonas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Finds the persona files of the project the command runs in ({@code stacks/ai/letta/agents/}). */
final class LettaPersonaFiles {
    private LettaPersonaFiles() {
    }

    /** The persona folder of the project, if the command runs inside one. */
    static Optional<Path> folder(CommandSpec spec) {
        return LettaPersonas.findDirectory(ServiceOptions.startDirectory(spec));
    }

    /** Every persona of the project; none outside a project. */
    static List<LettaPersona> all(CommandSpec spec) {
        return folder(spec).map(LettaPersonas::readAll).orElse(List.of());
    }

    /** The file of {@code persona}: a path to a {@code .toml} file, or a name in the project's persona folder. */
    static Path file(CommandSpec spec, String persona) {
        if (persona.endsWith(".toml")) {
            Path given = Path.of(persona).toAbsolutePath(); // as the shell names it: from the working directory
            if (!Files.isRegularFile(given)) {
                throw new P4n4Exception(ErrorCode.USER, "no persona file " + given + "; check the path");
            }
            return given;
        }
        Path folder = folder(spec).orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "no p4n4 project (.p4n4.json)"
                + " at or above " + ServiceOptions.startDirectory(spec) + " to find persona '" + persona + "' in; run"
                + " the command inside the project, pass --project DIR, or give the persona file's path"));
        Path file = folder.resolve(persona + ".toml");
        if (!Files.isRegularFile(file)) {
            List<String> known = LettaPersonas.readAll(folder).stream().map(LettaPersona::name).toList();
            throw new P4n4Exception(ErrorCode.USER, "no persona '" + persona + "' in " + folder + " (there: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + "); add " + persona + ".toml there");
        }
        return file;
    }
}
