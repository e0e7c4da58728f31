package io.p4n4.maven.stack.seeded;

import org.apache.maven.plugin.logging.Log;

/** Seeded violation: the build-tool-neutral core naming a Maven type. */
public final class UsesMavenLog {

    private UsesMavenLog() {
    }

    static void say(Log log) {
        log.info("a Maven type in the neutral core");
    }
}
