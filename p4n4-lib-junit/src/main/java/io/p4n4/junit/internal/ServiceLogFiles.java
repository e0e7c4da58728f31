package io.p4n4.junit.internal;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ComposeExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each service's log to {@code <dir>/<service>.log}. Stateless. */
public final class ServiceLogFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLogFiles.class);

    private ServiceLogFiles() {
    }

    /**
     * Writes the log of every service of {@code project} that has a container (replicas one after the other);
     * returns the files written. Never throws: a log that cannot be read or written is reported in the log
     * file, or the SLF4J log, instead of hiding the failure being reported.
     */
    public static List<Path> write(ComposeExecutor executor, ComposeProject project, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            LOG.warn("cannot create the log directory {}: {}", dir, e.toString());
            return written;
        }
        for (String service : project.services().keySet()) {
            Path file = dir.resolve(service + ".log");
            StringBuilder text = new StringBuilder();
            try {
                for (LogLine line : executor.logs(project, service, LogOptions.ALL)) {
                    text.append(line.text()).append('\n');
                }
            } catch (P4n4Exception e) {
                text.append("[p4n4: no log: ").append(e.getMessage()).append("]\n");
            }
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                written.add(file);
            } catch (IOException e) {
                LOG.warn("cannot write {}: {}", file, e.toString());
            }
        }
        return written;
    }
}
