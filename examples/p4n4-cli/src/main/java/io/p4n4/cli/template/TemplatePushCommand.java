package io.p4n4.cli.template;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.project.Problem;
import io.p4n4.api.template.TemplateDescriptor;
import io.p4n4.core.template.TemplateChecks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code p4n4 template push DIR}: check a template as the registry's CI would, then print the PR URL stub. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Validate a local template with the registry CI's checks and print a pre-filled pull-request"
                + " URL to submit it.", "Nothing is uploaded: open the URL after pushing the template to your fork."})
final class TemplatePushCommand extends TemplateBase implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The template's directory (holding p4n4-template.toml).")
    Path dir;

    @Option(names = "--repository", paramLabel = "OWNER/REPO", defaultValue = "raisga/p4n4-templates",
            description = "The registry's GitHub repository the pull request goes to (default: ${DEFAULT-VALUE}).")
    String repository;

    @Override
    public Integer call() {
        TemplateChecks.Result result = TemplateChecks.check(dir.toAbsolutePath().normalize());
        String url = result.descriptor().filter(d -> result.ok()).map(this::prUrl).orElse(null);
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("directory", dir.toAbsolutePath().normalize().toString());
            m.put("ok", result.ok());
            m.put("template", result.descriptor().map(TemplateDescriptor::name).orElse(null));
            m.put("version", result.descriptor().map(TemplateDescriptor::version).orElse(null));
            m.put("problems", result.problems().stream().map(TemplatePushCommand::problem).toList());
            m.put("pull_request_url", url);
            printJson(m);
        } else {
            result.problems().forEach(p -> out().println((p.isError() ? "error: " : "warning: ") + p.message()
                    + (p.hint().isEmpty() ? "" : " (" + p.hint() + ")")));
            if (url != null) {
                TemplateDescriptor d = result.descriptor().get();
                out().println("Template " + d.name() + " " + d.version() + " passes the registry's checks.");
                out().println("Push it to your fork of " + repository + " as " + d.name() + "/ (and add its entry to"
                        + " index.json), then open:");
                out().println("  " + url);
            }
        }
        if (!result.ok()) {
            long errors = result.problems().stream().filter(Problem::isError).count();
            if (!json()) {
                err().println("error: template " + dir + " fails " + errors + " check" + (errors == 1 ? "" : "s")
                        + "; fix them before submitting it");
            }
            return ErrorCode.VALIDATION.exitCode();
        }
        return 0;
    }

    private String prUrl(TemplateDescriptor d) {
        String title = "Add template " + d.name() + " " + d.version();
        String body = "Template: " + d.name() + " " + d.version() + "\nDescription: " + d.description()
                + "\nStacks: " + String.join(", ", d.requiresStacks()) + "\nRequires p4n4: " + d.requiresCli()
                + "\nLicense: " + d.license() + "\n\n- [x] `p4n4 template push` passes\n- [ ] index.json entry added";
        return "https://github.com/" + repository + "/compare/main...YOUR-GITHUB-USER:add-" + d.name()
                + "?quick_pull=1&title=" + enc(title) + "&body=" + enc(body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", p.message());
        m.put("file", p.findFile().map(Object::toString).orElse(null));
        m.put("hint", p.hint());
        return m;
    }
}
