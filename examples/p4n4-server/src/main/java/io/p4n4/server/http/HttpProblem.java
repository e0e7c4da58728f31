package io.p4n4.server.http;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

/**
 * A failure with an explicit HTTP status, for the cases the {@link ErrorCode} alone does not decide: an unknown
 * route or resource (404), a wrong method (405), a missing token (401), a refused origin (403), a conflict (409)
 * or a body too large (413).
 */
public class HttpProblem extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    /** A problem answered with {@code status}; {@code code} still says which kind of failure it is. */
    public HttpProblem(int status, String title, ErrorCode code, String detail) {
        super(code, detail);
        this.status = status;
        this.title = title;
    }

    /** A 404 for a resource that does not exist. */
    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "Not found", ErrorCode.USER, detail);
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the problem's short title. */
    public String title() {
        return title;
    }
}
