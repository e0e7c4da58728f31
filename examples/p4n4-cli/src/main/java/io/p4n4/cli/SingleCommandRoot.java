package io.p4n4.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The root with only the one command a command line names added ({@link CommandTree}): same name, options and
 * version as {@link RootCommand}, without building the other thirty commands' models first.
 */
@Command(name = "p4n4", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scaffold, run and talk to p4n4 IoT + local-AI platforms.")
final class SingleCommandRoot implements Root {

    @Mixin
    RootOptions options;

    @Override
    public RootOptions options() {
        return options;
    }
}
