package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every command and subcommand of the tree answers {@code --help} and {@code -h} with exit 0, its usage and no
 * error line, even when it has required parameters that the command line leaves out (help wins over validation).
 */
class HelpEverywhereTest {

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandTree.whole(), new ArrayList<>(), paths);
        assertThat(paths).as("the walk found the tree").hasSizeGreaterThan(40);
        return paths.stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> {
            List<String> args = new ArrayList<>(path);
            args.add(flag);
            return DynamicTest.dynamicTest("p4n4 " + String.join(" ", args), () -> {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
                assertThat(code).as(err.toString()).isZero();
                assertThat(err.toString()).doesNotContain("error");
                assertThat(out.toString()).startsWith("Usage: p4n4" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
            });
        }));
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) { // aliases lead to the same command
                path.add(name);
                collect(sub, path, paths);
                path.remove(path.size() - 1);
            }
        });
    }
}
