package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line that names its command gets a tree of the root and that command; anything else the whole tree. */
class CommandTreeTest {

    private static CommandLine tree(String... args) {
        return CommandTree.forArguments(args);
    }

    @Test
    void aNamedCommandGetsOnlyItself() {
        assertThat(tree("--json", "--project", "up", "status", "--engine", "docker").getSubcommands())
                .containsOnlyKeys("status");
        assertThat(tree("--project=/srv/demo", "score", "list").getSubcommands()).containsOnlyKeys("score");
        assertThat(tree("score", "list").getSubcommands().get("score").getSubcommands())
                .containsKeys("publish", "list", "delete", "keygen");
    }

    @Test
    void rootHelpVersionAndUnknownCommandsGetTheWholeTree() {
        int all = CommandTree.whole().getSubcommands().size();
        assertThat(all).isGreaterThan(15);
        assertThat(tree().getSubcommands()).hasSize(all);
        assertThat(tree("--help").getSubcommands()).hasSize(all);
        assertThat(tree("-V", "up").getSubcommands()).hasSize(all);
        assertThat(tree("nosuch").getSubcommands()).hasSize(all);
    }

    @Test
    void theSingleCommandTreeInheritsTheRootOptions() {
        CommandLine cli = tree("--project", "/srv/demo", "validate", "--json");
        CommandLine.ParseResult parsed = cli.parseArgs("--project", "/srv/demo", "validate", "--json");
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("validate");
        assertThat(((Root) cli.getCommand()).options().startDirectory().toString()).isEqualTo("/srv/demo");
        assertThat(((Root) cli.getCommand()).options().json).isTrue();
    }
}
