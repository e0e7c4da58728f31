package io.p4n4.cli.output;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a person at a terminal (bars, prompts) or to a pipe or file (plain lines). */
public final class Terminal {
    private Terminal() {
    }

    /**
     * Whether standard input and output are a terminal. Up to JDK 21 that is {@code System.console() != null};
     * from JDK 22 {@code System.console()} also answers when redirected, and {@code Console.isTerminal()} (called
     * reflectively: the CLI compiles for Java 17) says which. {@code TERM=dumb} counts as no terminal.
     */
    public static boolean interactive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The console to prompt on, or {@code null} when there is no terminal to ask. */
    public static Console promptConsole() {
        return interactive() ? System.console() : null;
    }
}
