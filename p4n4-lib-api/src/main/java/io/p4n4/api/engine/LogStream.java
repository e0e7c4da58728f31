package io.p4n4.api.engine;

/** Which output of a container a log line came from. */
public enum LogStream {
    STDOUT, STDERR
}
