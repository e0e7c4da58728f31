package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 completion}: the generated script, sourced in a real bash, completes subcommands the way bash
 * calls a completion function (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then COMPREPLY).
 */
class CompletionCommandTest {
    @TempDir
    Path tmp;
    /** The last run. */
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.code();
    }

    /** Sources the script in bash and completes {@code line} (the cursor at its end); returns COMPREPLY, one a line. */
    private List<String> complete(Path script, String line) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        // compopt works only while bash itself runs a completion; called directly, the function's compopt is a no-op
        String program = "source '" + script + "'\ncompopt() { :; }\n"
                + "fn=$(complete -p p4n4 | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\nCOMP_LINE='" + line
                + "'\nCOMP_POINT=" + line.length() + "\n\"$fn\" p4n4 '" + words[words.length - 1] + "' '"
                + words[words.length - 2] + "'\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void bashCompletesSubcommandsFromTheGeneratedScript() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash on this machine");
        assertThat(run("completion", "bash")).as(last.err()).isZero();
        Path script = Files.writeString(tmp.resolve("p4n4-completion.bash"), last.out());

        assertThat(complete(script, "p4n4 doc")).containsExactly("doctor");
        assertThat(complete(script, "p4n4 va")).containsExactly("validate");
        assertThat(complete(script, "p4n4 secret ro")).containsExactly("rotate");
        assertThat(complete(script, "p4n4 ")).contains("doctor", "completion", "init", "status", "up", "validate");
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashCompletionCompatibility() {
        assertThat(run("completion", "zsh")).isZero();
        assertThat(last.out()).contains("autoload -U +X bashcompinit && bashcompinit").contains("complete -F");
        assertThat(run("completion", "fish")).isEqualTo(2);
        assertThat(last.err()).contains("no completion for shell 'fish'").contains("p4n4 completion bash");
    }
}
