package io.p4n4.server.http;

import io.p4n4.api.ErrorCode;
import java.util.Set;

/** A 405: the path exists, with other methods; the answer's {@code Allow} header names them. */
final class MethodNotAllowed extends HttpProblem {
    private static final long serialVersionUID = 1L;

    private final String allow;

    MethodNotAllowed(String method, String path, Set<String> allowed) {
        super(405, "Method not allowed", ErrorCode.USER, method + " is not allowed on " + path + "; use "
                + String.join(" or ", allowed));
        this.allow = String.join(", ", allowed);
    }

    String allow() {
        return allow;
    }
}
