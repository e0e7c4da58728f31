package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code p4n4 completion [bash|zsh]}: the shell completion script picocli generates for the whole command tree.
 * One script serves both shells: under zsh it loads bash completion compatibility itself
 * ({@code autoload -U +X bashcompinit && bashcompinit}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true, description = "Print the completion script for"
        + " bash or zsh: source <(p4n4 completion bash), or save it (see the README).")
final class CompletionCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SHELL", defaultValue = "bash", description = "bash (default) or zsh.")
    String shell;

    @Override
    public Integer call() {
        String name = shell.toLowerCase(Locale.ROOT);
        if (!name.equals("bash") && !name.equals("zsh")) {
            throw new P4n4Exception(ErrorCode.USER, "no completion for shell '" + shell + "'; p4n4 completes in bash"
                    + " and zsh: p4n4 completion bash, or p4n4 completion zsh");
        }
        String script = script();
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shell", name);
            m.put("script", script);
            JsonOutput.print(out(), m);
        } else {
            out().print(script);
            out().flush();
        }
        return 0;
    }

    /** The script for the whole tree (the tree running this command holds only this command). */
    static String script() {
        return AutoComplete.bash("p4n4", CommandTree.whole());
    }
}
