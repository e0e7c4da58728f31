package io.p4n4.server.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.net.PortProber;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its own chromedriver through Selenium: no Selenium Manager, nothing
 * downloaded. Both binaries come from the packages {@code chromium} and {@code chromium-driver}
 * ({@code .ci/packages}); without them a test aborts, or fails when the environment variable {@code CI} is set.
 *
 * <p>Not thread-safe: one test thread drives one browser. {@link #close()} quits the browser and stops the driver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private boolean closed;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Starts headless chromium; aborts the test (fails it on CI) when chromium or chromedriver is missing. */
    static Browser start() {
        requireBinaries();
        ChromeDriverService service = driverService();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        try {
            return new Browser(service, new ChromeDriver(service, options)); // starts the service
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /**
     * chromedriver on a free port, its log in {@code target/chromedriver.log}. The executable is given, so Selenium
     * Manager is never asked. (The service's constructor, not its {@code Builder}: the builder's class carries
     * {@code @AutoService}, whose annotation jar is not on this module's class path, and javac warns about that.)
     */
    private static ChromeDriverService driverService() {
        int port = PortProber.findFreePort();
        Path log = Path.of("target", "chromedriver.log").toAbsolutePath();
        try {
            return new ChromeDriverService(CHROMEDRIVER.toFile(), port, Duration.ofSeconds(30),
                    List.of("--port=" + port, "--log-path=" + log), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + CHROMEDRIVER, e);
        }
    }

    private static void requireBinaries() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                String message = binary + " is missing: the dashboard's browser tests need Debian's chromium and"
                        + " its driver (" + INSTALL_HINT + ")";
                if (System.getenv("CI") != null) {
                    Assertions.fail(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    /** The driver, for finding elements and running scripts. */
    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code url} and returns this browser. */
    Browser open(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Leaves the current page (closing its connections) for {@code about:blank} and empties the browser log, so
     * that the next page starts with a clean one.
     */
    void reset() {
        driver.get("about:blank");
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** A wait on this browser that gives up after {@code timeout}. */
    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
    }

    /**
     * The browser log's entries at {@code SEVERE} since the last call (script errors, failed resource loads);
     * reading the log empties it.
     */
    List<LogEntry> severeLogEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .collect(Collectors.toList());
    }

    /** Saves a PNG of the window to {@code file} (creating its directory) and returns {@code file}. */
    Path screenshot(Path file) {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(png, file, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot to " + file, e);
        }
        return file;
    }

    /** Quits chromium and stops chromedriver; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
