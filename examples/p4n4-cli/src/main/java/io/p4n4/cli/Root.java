package io.p4n4.cli;

/** The root of a command tree: the whole tree ({@link RootCommand}) or just one command ({@link SingleCommandRoot}). */
interface Root {
    /** The root options the command line set. */
    RootOptions options();
}
