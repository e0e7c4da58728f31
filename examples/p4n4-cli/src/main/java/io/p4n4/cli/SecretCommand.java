package io.p4n4.cli;

import picocli.CommandLine.Command;

/** {@code p4n4 secret show|generate|rotate}. */
@Command(name = "secret", mixinStandardHelpOptions = true, description = "Show (masked), generate or rotate the project's secrets.",
        subcommands = {SecretShowCommand.class, SecretGenerateCommand.class, SecretRotateCommand.class})
final class SecretCommand {
}
