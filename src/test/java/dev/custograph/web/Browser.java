package dev.custograph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver ({@code .ci/run} installs both), with the flags this
 * closed network needs, and no name resolved but localhost's: what the pages need must come from the server. Screenshots go to {@code target/screenshots/} for people to look at.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("custograph-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CUSTOGRAPH_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile,
                // No host but this machine resolves: a page that needs the internet (a CDN, a font) fails here.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("CUSTOGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    private static String executable(String variable, String fallback) {
        String given = System.getenv(variable);
        return given == null || given.isBlank() ? fallback : given;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits up to 30 s for {@code condition} to give something other than null or false. */
    <T> T await(Function<WebDriver, T> condition) {
        return await(condition, Duration.ofSeconds(30));
    }

    <T> T await(Function<WebDriver, T> condition, Duration atMost) {
        return new WebDriverWait(driver, atMost).until(condition::apply);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A table's body rows as text, read from the DOM (collapsed "Data" tables included). */
    @SuppressWarnings("unchecked")
    List<List<String>> rows(String tableCss) {
        return (List<List<String>>) script("return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
                + ".map(tr => [...tr.cells].map(td => td.textContent));", tableCss);
    }

    /** The texts an SVG chart drew (axis labels, value labels). */
    @SuppressWarnings("unchecked")
    List<String> svgTexts(String cardCss) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0] + ' svg text')]"
                + ".map(t => t.textContent);", cardCss);
    }

    long svgShapes(String cardCss) {
        return (Long) script("return document.querySelectorAll(arguments[0] + ' svg path').length;", cardCss);
    }

    /** The dashboard's key field: types the key and submits it, as a person would. */
    void useKey(String key) {
        WebElement input = find("#api-key");
        input.clear();
        input.sendKeys(key);
        find("#key-form button[type=submit]").click();
    }

    /** Waits until the dashboard shows {@code view} with all its data loaded (main#view[data-ready]). */
    void awaitView(String view) {
        await(d -> {
            WebElement main = d.findElement(By.id("view"));
            return view.equals(main.getAttribute("data-view")) && "true".equals(main.getAttribute("data-ready"));
        });
    }

    /** Goes to another dashboard view through the URL's hash ({@code customer/ALFKI} too) and waits for it. */
    void go(String hash) {
        script("location.hash = arguments[0];", "#" + hash);
        awaitView(hash.split("/")[0]);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
