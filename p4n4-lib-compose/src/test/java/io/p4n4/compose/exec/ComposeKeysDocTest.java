package io.p4n4.compose.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/compose-keys.md} is {@link ServiceKeys} rendered: it cannot drift. After changing the table,
 * regenerate the page with {@code -Dp4n4.writeDocs=true}.
 */
class ComposeKeysDocTest {
    private static final Path PAGE = Path.of("..", "docs", "compose-keys.md");

    @Test
    void thePageListsEveryKeyWithItsGroupAndNote() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("p4n4.writeDocs")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/compose-keys.md is out of date; run this test with -Dp4n4.writeDocs=true")
                .isEqualTo(expected);
    }

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Compose service keys: applied, refused or ignored\n\n")
                .append("<!-- Generated from io.p4n4.compose.exec.ServiceKeys by ComposeKeysDocTest;")
                .append(" edit the table, then run the test with -Dp4n4.writeDocs=true. -->\n\n")
                .append("Every service-level key of the compose specification falls into one group. Nothing a")
                .append(" compose file says is dropped silently.\n\n")
                .append("- **applied**: set on the container (or handled by the executor) as Docker Compose v2")
                .append(" does.\n")
                .append("- **refused**: `up` fails before it creates anything, with a USER error (exit 2) naming")
                .append(" the service and the key and saying what to do.\n")
                .append("- **ignored**: meaningless for a local engine; `up` goes on and warns (a `WARNING`")
                .append(" progress event and an SLF4J warning naming the service and the key).\n\n")
                .append("A key counts as used when it says something: `tty: false`, `cpu_count: 0`, an empty")
                .append(" list or `deploy.mode: replicated` ask for what happens anyway and pass. Extension keys (`x-*`) are for tools and pass.")
                .append(" Keys inside entries have their path: `[]` stands for every item of a list, `*` for every")
                .append(" value of a mapping (`volumes[].bind.selinux`, `networks.*.ipv4_address`); the short syntax")
                .append(" counts as the long one it stands for (`./data:/data:z` sets `volumes[].bind.selinux`).")
                .append(" An engine that cannot apply an applied setting (see `ContainerEngine.unsupportedSettings`)")
                .append(" makes `up` fail before it creates anything, naming the compose key.\n\n")
                .append("Changing an applied key recreates the service's containers: the config hash covers")
                .append(" every key but those that do not shape the container (`build`, `depends_on`, `profiles`,")
                .append(" `pull_policy`, `scale`, `deploy.replicas`, `develop`), as in compose. The hash also")
                .append(" covers the aliases other services' `links` give a service and")
                .append(" the content of the configs it uses; it does not cover secret contents (a label must")
                .append(" not carry a digest of a secret): after changing a secret, run `down` and `up`.\n\n");
        for (KeyGroup group : KeyGroup.values()) {
            sb.append("## ").append(group.name().toLowerCase(java.util.Locale.ROOT)).append("\n\n")
                    .append("| key | note |\n|---|---|\n");
            ServiceKeys.all().stream().filter(k -> k.group() == group).forEach(k -> sb.append("| `")
                    .append(k.path()).append("` | ").append(k.note().replace("|", "\\|")).append(" |\n"));
            sb.append('\n');
        }
        return sb.toString().stripTrailing() + "\n";
    }
}
