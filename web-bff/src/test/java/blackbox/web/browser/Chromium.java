package blackbox.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, both at fixed paths (no Selenium Manager, nothing is
 * downloaded), with a fresh profile. The browser runs in the UTC time zone on purpose: the app must show São Paulo
 * time whatever the machine's zone.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of(System.getProperty("blackbox.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("blackbox.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("blackbox.screenshots", "target/browser-screenshots"));

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser; fails (never skips) with what to install when Chromium or its driver is missing. */
    static Chromium start() throws IOException {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(BROWSER)) missing.add(BROWSER + " (Debian package chromium)");
        if (!Files.isExecutable(DRIVER)) missing.add(DRIVER + " (Debian package chromium-driver)");
        if (!missing.isEmpty()) {
            throw new AssertionError("the browser tests drive headless Chromium, but " + String.join(" and ", missing)
                    + " is missing: .ci/run installs it (apt-get install chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory("blackbox-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "UTC", "LANG", "pt_BR.UTF-8"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,900", "--lang=pt-BR");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Chromium(driver, profile);
    }

    /** Saves the page as target/browser-screenshots/{name}.png and returns the path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("screenshot: " + file.toAbsolutePath());
        return file;
    }

    /**
     * Prints what the page logged to its console since the last call and returns the script errors among it
     * (uncaught exceptions; failed HTTP requests are logged by the browser too but are not script errors).
     */
    List<String> printConsole(String when) {
        List<String> scriptErrors = new ArrayList<>();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            System.out.println("browser console (" + when + "): " + entry.getLevel() + " " + entry.getMessage());
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                    && !entry.getMessage().contains("Failed to load resource")) {
                scriptErrors.add(entry.getMessage());
            }
        }
        return scriptErrors;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
