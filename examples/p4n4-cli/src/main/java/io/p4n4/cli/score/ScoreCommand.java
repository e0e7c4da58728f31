package io.p4n4.cli.score;

import picocli.CommandLine.Command;

/** {@code p4n4 score}: the desired state of devices. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Publish, list and delete Scores (desired state of devices) in NATS JetStream KV.",
        subcommands = {ScorePublishCommand.class, ScoreListCommand.class, ScoreDeleteCommand.class,
            ScoreKeygenCommand.class})
public final class ScoreCommand {
}
