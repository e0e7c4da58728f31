package io.p4n4.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (set by the build). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"p4n4 " + (v == null ? "dev" : v)};
    }
}
