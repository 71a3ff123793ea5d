package blackbox.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The traders' web app in headless Chromium against the real stack (simulator replaying PETR4, gateway,
 * marketdata-svc, candle-svc, web-bff with embedded PostgreSQL): a wrong password is refused; a trader logs in,
 * subscribes PETR4, sees candles from the replay in São Paulo time with Brazilian numbers, switches timeframe, adds
 * indicators, sees live updates arrive, and logs out. Screenshots go to target/browser-screenshots/.
 * The tests run in order on one browser and one stack (starting them costs seconds).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class TradersWebAppBrowserTest {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter LEGEND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** R$ 1.234,56 — reais with the Brazilian separators. */
    private static final Pattern BRL = Pattern.compile("R\\$ \\d{1,3}(\\.\\d{3})*,\\d{2}");

    private static BrowserStack stack;
    private static Chromium chromium;
    private static WebDriver driver;
    private static long loggedInAtNanos;

    @BeforeAll
    static void start() throws Exception {
        // The browser first: without Chromium the tests fail at once with what to install.
        chromium = Chromium.start();
        driver = chromium.driver;
        stack = new BrowserStack();
        Petr4Tape tape = Petr4Tape.build(stack.dataDir());
        System.out.println("browser tests replay " + tape.description() + " at 60x");
        stack.start(tape.file(), "60x");
    }

    @org.junit.jupiter.api.AfterEach
    void console(org.junit.jupiter.api.TestInfo test) throws Exception {
        List<String> scriptErrors = chromium.printConsole(test.getDisplayName());
        assertEquals(List.of(), scriptErrors, "script errors in the page");
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) chromium.close();
        if (stack != null) stack.close();
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedOnTheLoginPage() throws Exception {
        driver.get(stack.base() + "/");
        WebElement form = waitFor(d -> visible(By.id("login-form")));
        assertTrue(form.getText().contains("Entrar"));
        type("login-username", BrowserStack.USER);
        type("login-password", "senha errada");
        driver.findElement(By.id("login-submit")).click();
        WebElement error = waitFor(d -> visible(By.id("login-error")));
        assertEquals("Usuário ou senha inválidos.", error.getText());
        assertFalse(driver.findElement(By.id("market-view")).isDisplayed(), "the Mercado screen stays hidden");
        chromium.screenshot("01-login-wrong-password");
    }

    @Test
    @Order(2)
    void aTraderLogsInAndSubscribesPetr4() throws Exception {
        driver.get(stack.base() + "/");
        waitFor(d -> visible(By.id("login-form")));
        type("login-username", BrowserStack.USER);
        type("login-password", BrowserStack.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitFor(d -> visible(By.id("market-view")));
        loggedInAtNanos = System.nanoTime();
        assertEquals(BrowserStack.USER, driver.findElement(By.id("user-name")).getText());
        // only screens that exist are tabs (this web-bff has no order side: no desk tabs)
        List<String> tabs = driver.findElements(By.cssSelector(".tabs .tab")).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertEquals(List.of("Mercado"), tabs);
        // the DLL session as the gateway reports it
        waitFor(d -> text(By.id("session-state")).equals("Sessão: Conectado") ? true : null);

        // PETR4 is not ingested yet, so not listed: the exact symbol is offered to subscribe
        type("search", "PETR4");
        WebElement subscribe = waitFor(d -> visible(By.cssSelector("#search-results li[data-symbol='PETR4'] button")));
        assertEquals("Assinar", subscribe.getText());
        subscribe.click();
        waitFor(d -> visible(By.cssSelector("#subscriptions li[data-symbol='PETR4']")));
        waitFor(d -> text(By.id("symbol-title")).equals("PETR4") ? true : null);
        // the first subscriber starts ingestion at the gateway; only then does the tape run
        stack.awaitIngestion();
        stack.startReplay();
    }

    @Test
    @Order(3)
    void candlesFromTheReplayAppearInSaoPauloTimeWithBrazilianNumbers() throws Exception {
        WebElement chart = driver.findElement(By.id("chart"));
        waitFor(Duration.ofSeconds(90), d -> Integer.parseInt(chart.getDomAttribute("data-candles")) >= 4 ? true : null);
        assertEquals("5m", chart.getDomAttribute("data-timeframe"));
        String legend = text(By.id("legend"));
        // the newest candle's start, as the API sent it (UTC), must read in São Paulo time on the page
        String lastTime = chart.getDomAttribute("data-last-time");
        String expected = LEGEND_TIME.format(Instant.parse(lastTime).atZone(SAO_PAULO));
        assertTrue(legend.startsWith(expected), () -> "legend " + legend + " should start with " + expected
                + " (São Paulo time of " + lastTime + ")");
        assertTrue(BRL.matcher(legend).find(), () -> "prices in reais: " + legend);
        assertTrue(legend.contains(" ações"), () -> "volume in shares: " + legend);
        assertTrue(BRL.matcher(text(By.id("last-price"))).matches(), () -> "last price: " + text(By.id("last-price")));
        assertTrue(chart.findElements(By.tagName("canvas")).size() > 0, "the chart draws");
        chromium.screenshot("02-mercado-petr4-5m");
    }

    @Test
    @Order(4)
    void liveUpdatesArriveOverTheWebSocket() throws Exception {
        WebElement chart = driver.findElement(By.id("chart"));
        String before = chart.getDomAttribute("data-live-updates");
        int updates = before == null ? 0 : Integer.parseInt(before);
        String lastTime = chart.getDomAttribute("data-last-time");
        waitFor(d -> {
            String now = chart.getDomAttribute("data-live-updates");
            return now != null && Integer.parseInt(now) > updates + 5 ? true : null;
        });
        // the tape moves at 60x: a later 5-minute bucket must open
        waitFor(Duration.ofSeconds(60), d -> !lastTime.equals(chart.getDomAttribute("data-last-time")) ? true : null);
        assertTrue(text(By.id("live-state")).equals("Tempo real ativo"));
        // the table is redrawn on every batch: read the newest row inside the wait
        String row = waitFor(d -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("#trades tr"));
            return rows.size() >= 5 ? rows.getFirst().getText() : null;
        });
        assertTrue(Pattern.compile("^\\d{2}:\\d{2}:\\d{2} R\\$ \\d+,\\d{2} [\\d.]+ (Compra|Venda|—)$").matcher(row).matches(),
                () -> "a trade row: " + row);
    }

    @Test
    @Order(5)
    void switchingTimeframeReloadsTheChart() throws Exception {
        WebElement chart = driver.findElement(By.id("chart"));
        int fiveMinute = Integer.parseInt(chart.getDomAttribute("data-candles"));
        driver.findElement(By.cssSelector("#timeframes button[data-tf='1m']")).click();
        waitFor(d -> "1m".equals(chart.getDomAttribute("data-timeframe")) ? true : null);
        // one-minute bars of the same tape: more of them than five-minute bars
        waitFor(d -> Integer.parseInt(chart.getDomAttribute("data-candles")) > fiveMinute ? true : null);
        assertTrue(driver.findElement(By.cssSelector("#timeframes button[data-tf='1m']")).getDomAttribute("class")
                .contains("active"));
        chromium.screenshot("03-mercado-petr4-1m");
    }

    @Test
    @Order(6)
    void addingIndicatorsDrawsThemFromHistoryAndLive() throws Exception {
        addIndicator("ema", "9");
        WebElement ema = waitFor(d -> visible(By.cssSelector("#indicator-chips [data-spec='ema(9)']")));
        assertTrue(ema.getText().startsWith("MME(9)"));
        waitFor(d -> Integer.parseInt(ema.getDomAttribute("data-points")) > 0 ? true : null);
        addIndicator("rsi", "14");
        WebElement rsi = waitFor(d -> visible(By.cssSelector("#indicator-chips [data-spec='rsi(14)']")));
        // the RSI pane and the EMA line keep moving with the tape
        waitFor(Duration.ofSeconds(60), d -> Integer.parseInt(rsi.getDomAttribute("data-live")) > 0 ? true : null);
        // Bollinger over the price (three lines) and MACD in a pane (two lines and a histogram)
        addIndicator("bbands", "20", "2");
        waitFor(d -> visible(By.cssSelector("#indicator-chips [data-spec='bbands(20,2)']")));
        addIndicator("macd", "12", "26", "9");
        WebElement macd = waitFor(d -> visible(By.cssSelector("#indicator-chips [data-spec='macd(12,26,9)']")));
        assertTrue(macd.getText().startsWith("MACD(12, 26, 9)"));
        assertFalse(driver.findElement(By.id("message")).isDisplayed(),
                () -> "no error banner: " + text(By.id("message")));
        Thread.sleep(1500); // a few live values on every series before the picture
        chromium.screenshot("04-mercado-petr4-1m-indicators");
    }

    @Test
    @Order(7)
    void badIndicatorParametersAreNamedInTheMessage() throws Exception {
        new Select(driver.findElement(By.id("indicator-select"))).selectByValue("sma");
        WebElement period = driver.findElement(By.cssSelector("#indicator-params input[name='period']"));
        period.clear();
        period.sendKeys("abc");
        driver.findElement(By.id("indicator-add")).click();
        WebElement message = waitFor(d -> visible(By.id("message")));
        assertEquals("Período: número inválido \"abc\"", message.getText());
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void afterTheSocketDropsTheAppResumesWithoutAGap() throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String closedBefore = String.valueOf(js.executeScript("return window.blackbox.market.book.resumeAfter();"));
        // drop the connection as a network failure would; the client reconnects and resubscribes with resume_after
        js.executeScript("window.blackbox.market.socket.ws.close(4000, 'test drop');");
        waitFor(d -> text(By.id("live-state")).startsWith("Tempo real interrompido") ? true : null);
        waitFor(d -> text(By.id("live-state")).equals("Tempo real ativo") ? true : null);
        // at 60x a minute closes every second: wait for closes after the drop
        waitFor(Duration.ofSeconds(30), d -> !closedBefore.equals(String.valueOf(
                js.executeScript("return window.blackbox.market.book.resumeAfter();"))) ? true : null);
        // every closed bar the server stored is on the chart, once and equal: the chart's closed bars are the history
        Map<String, List<String>> both = (Map<String, List<String>>) js.executeAsyncScript(CLOSED_BARS_SCRIPT);
        assertTrue(both.get("client").size() > 5, () -> "closed bars on the chart: " + both.get("client"));
        assertEquals(both.get("server"), both.get("client"));
    }

    /** Async script: {client, server} closed bars (time close volume) of the chart and of GET /candles. */
    private static final String CLOSED_BARS_SCRIPT = String.join("\n",
            "const done = arguments[arguments.length - 1];",
            "const m = window.blackbox.market;",
            "const last = m.book.resumeAfter();",
            "const client = m.book.candles().filter((c) => c.time_nanos <= last);",
            "const show = (c) => c.time + ' ' + c.close + ' ' + c.volume;",
            "m.api.get('/candles', { symbol: 'PETR4', timeframe: m.timeframe, from: client[0].time,",
            "    to: new Date(last / 1e6 + 1).toISOString(), limit: 50000 })",
            "  .then((r) => done({ server: r.candles.map(show), client: client.map(show) }))",
            "  .catch((e) => done({ server: ['error ' + e.message], client: [] }));");

    @Test
    @Order(9)
    void theSessionOutlivesItsShortLivedAccessToken() throws Exception {
        // the stack issues 12 s access tokens; the app must refresh them before they expire
        long sinceLogin = System.nanoTime() - loggedInAtNanos;
        long twoLifetimes = 2 * BrowserStack.ACCESS_TTL.toNanos();
        if (sinceLogin < twoLifetimes) Thread.sleep((twoLifetimes - sinceLogin) / 1_000_000 + 1);
        WebElement chart = driver.findElement(By.id("chart"));
        driver.findElement(By.cssSelector("#timeframes button[data-tf='15m']")).click();
        waitFor(d -> "15m".equals(chart.getDomAttribute("data-timeframe"))
                && Integer.parseInt(chart.getDomAttribute("data-candles")) > 0 ? true : null);
        assertTrue(driver.findElement(By.id("market-view")).isDisplayed(), "still logged in");
        assertFalse(driver.findElement(By.id("message")).isDisplayed(), () -> text(By.id("message")));
        chromium.screenshot("05-mercado-petr4-15m");
        // every bar, from history or live, starts on a quarter hour (B3's 15-minute buckets in São Paulo time)
        Thread.sleep(2000);
        Object times = ((JavascriptExecutor) driver).executeScript(
                "return window.blackbox.market.book.candles().map((c) => c.time);");
        for (Object t : (List<?>) times) {
            int minute = Instant.parse((String) t).atZone(SAO_PAULO).getMinute();
            assertEquals(0, minute % 15, () -> "15m bar starting at " + t + " in " + times + "; last live messages: "
                    + ((JavascriptExecutor) driver).executeScript("return window.blackbox.market.recent;"));
        }
    }

    @Test
    @Order(10)
    void logoutReturnsToTheLoginPage() throws Exception {
        driver.findElement(By.id("logout")).click();
        waitFor(d -> visible(By.id("login-form")));
        assertFalse(driver.findElement(By.id("market-view")).isDisplayed());
        // the session is gone: a reload does not bring the Mercado screen back
        driver.navigate().refresh();
        waitFor(d -> visible(By.id("login-form")));
        assertFalse(driver.findElement(By.id("market-view")).isDisplayed());
    }

    private static void addIndicator(String name, String... parameters) {
        new Select(driver.findElement(By.id("indicator-select"))).selectByValue(name);
        List<WebElement> inputs = driver.findElements(By.cssSelector("#indicator-params input"));
        for (int i = 0; i < parameters.length; i++) {
            inputs.get(i).clear();
            inputs.get(i).sendKeys(parameters[i]);
        }
        driver.findElement(By.id("indicator-add")).click();
    }

    private static void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String text(By by) {
        return driver.findElement(by).getText();
    }

    private static WebElement visible(By by) {
        List<WebElement> found = driver.findElements(by);
        return !found.isEmpty() && found.getFirst().isDisplayed() ? found.getFirst() : null;
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(20), condition);
    }

    private static <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        // the app redraws lists on every live batch: an element found a moment ago may be gone, look again
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }
}
