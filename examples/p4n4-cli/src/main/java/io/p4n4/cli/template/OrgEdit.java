package io.p4n4.cli.template;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.Manifest;
import io.p4n4.core.manifest.Manifests;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/** {@code template org add|remove URL}: one change to the manifest's {@code template_orgs}, written atomically. */
abstract class OrgEdit extends TemplateBase implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL",
            description = "The registry: a git URL, a static index URL (.json) or a local directory.")
    String url;

    abstract boolean adding();

    @Override
    public Integer call() {
        var project = project();
        Manifest manifest = project.v1Manifest();
        URI uri = RegistryOptions.toUri(url);
        List<URI> orgs = new ArrayList<>(manifest.templateOrgs());
        boolean changed;
        if (adding()) {
            changed = !orgs.contains(uri);
            if (changed) {
                orgs.add(uri);
            }
        } else {
            changed = orgs.remove(uri);
            if (!changed) {
                throw new P4n4Exception(ErrorCode.USER, uri + " is not in template_orgs of " + project.manifestFile()
                        + "; it lists " + (orgs.isEmpty() ? "none" : orgs));
            }
        }
        if (changed) {
            Manifests.write(project.manifestFile(), manifest.toBuilder().templateOrgs(orgs).build());
        }
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", uri.toString());
            m.put("changed", changed);
            m.put("template_orgs", orgs.stream().map(Object::toString).toList());
            printJson(m);
        } else {
            out().println(changed ? (adding() ? "Added " : "Removed ") + uri + (adding() ? " to" : " from")
                    + " template_orgs" : uri + " is already in template_orgs");
        }
        return 0;
    }
}
