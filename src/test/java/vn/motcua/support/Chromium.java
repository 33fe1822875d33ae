package vn.motcua.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, driven by Playwright for Java: one browser per test JVM, a fresh context per journey. A journey
 * is walked once per JavaScript setting, not once per width: each page it checks is resized in place to the other width
 * ({@link #assertAccessibleAtEveryWidth}, {@link #screenshotAtEveryWidth}). Never a
 * downloaded browser ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}); a machine without Chromium fails the tests with the
 * command that installs it, so a browser test can never pass by not running.
 */
public final class Chromium {

    /** Where Debian puts it; {@code MOTCUA_CHROMIUM} points elsewhere. */
    static final Path EXECUTABLE = Paths.get(System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium"));

    /** Where the key pages' screenshots go; the README shows them. */
    public static final Path SCREENSHOTS = Paths.get("docs/screenshots");

    /** The widths every journey runs at: an old phone and an office PC. */
    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    /** The shared browser, started on first use and closed when the JVM ends. */
    public static synchronized Browser browser() {
        if (browser == null) {
            if (!Files.isExecutable(EXECUTABLE)) {
                throw new AssertionError("Chromium is needed for the browser tests and is not at " + EXECUTABLE
                        + ". On Debian or Ubuntu: sudo apt-get install -y chromium fonts-noto-core"
                        + " (or set MOTCUA_CHROMIUM to a Chromium binary). .ci/run installs it.");
            }
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.close();
                    playwright.close();
                } catch (RuntimeException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return browser;
    }

    /** The height of the viewport that goes with {@code width}: the phone's and the PC's screens. */
    static int height(int width) {
        return width == PHONE ? 740 : 900;
    }

    /** A fresh context (no cookies, no cache) at {@code width}, Vietnamese, with or without JavaScript. */
    public static BrowserContext context(int width, boolean javaScript) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height(width))
                .setLocale("vi-VN").setJavaScriptEnabled(javaScript).setDeviceScaleFactor(1));
        context.setDefaultTimeout(20_000);
        if (!javaScript) {
            WITHOUT_SCRIPT.add(context);
        }
        return context;
    }

    /** Where the copies of script-free pages are checked: one page, each copy replacing the last. */
    private static Page checker;

    private static synchronized Page checker() {
        if (checker == null || checker.isClosed()) {
            checker = browser().newContext(new Browser.NewContextOptions().setViewportSize(PHONE, height(PHONE)).setLocale("vi-VN"))
                    .newPage();
        }
        return checker;
    }

    /** Contexts with JavaScript off: axe (itself a script) cannot run in them. */
    private static final java.util.Set<BrowserContext> WITHOUT_SCRIPT = java.util.Collections
            .synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /** axe-core with the tags the issue names: no violation at all, or the test fails listing them. */
    public static void assertAccessible(Page page, String what) {
        assertAccessible(page, what, new int[] { page.viewportSize().width });
    }

    /**
     * {@link #assertAccessible(Page, String)} at both widths ({@link #PHONE}, {@link #DESKTOP}), the page resized in
     * place and then put back: what the server sends does not depend on the width, only the layout does, so a journey
     * is walked once and each of its pages checked at both.
     */
    public static void assertAccessibleAtEveryWidth(Page page, String what) {
        assertAccessible(page, what, widthsFrom(page));
    }

    /** {@link #screenshot(Page, String)} at both widths, the page resized in place and then put back. */
    public static void screenshotAtEveryWidth(Page page, String name) {
        var original = page.viewportSize();
        try {
            for (int width : widthsFrom(page)) {
                resize(page, width);
                screenshot(page, name);
            }
        } finally {
            page.setViewportSize(original.width, original.height);
        }
    }

    /** {@link #screenshot(Page, String)} at {@code width}, the page resized in place and then put back. */
    public static void screenshotAt(Page page, String name, int width) {
        var original = page.viewportSize();
        try {
            resize(page, width);
            screenshot(page, name);
        } finally {
            page.setViewportSize(original.width, original.height);
        }
    }

    /**
     * The page carries no script of its own, so it shows and does the same with JavaScript on or off, and one walk
     * without JavaScript stands for both. A script added to it fails here: walk it with JavaScript too, then.
     */
    public static void assertNoScript(Page page, String what) {
        assertEquals(0, page.locator("script").count(), what + " now carries a script: walk it with JavaScript on as well");
    }

    /** Both widths, the page's own first (no resize needed for it). */
    private static int[] widthsFrom(Page page) {
        int own = page.viewportSize().width;
        return own == DESKTOP ? new int[] { DESKTOP, PHONE } : new int[] { own, own == PHONE ? DESKTOP : PHONE };
    }

    private static void resize(Page page, int width) {
        if (page.viewportSize().width != width) {
            page.setViewportSize(width, height(width));
        }
    }

    private static void assertAccessible(Page page, String what, int[] widths) {
        if (WITHOUT_SCRIPT.contains(page.context())) {
            // axe is a script: check what this script-free page shows, copied into a page where scripts run (our
            // pages carry their CSS inline, so the copy looks the same), at the same width(s).
            Page copy = checker();
            resize(copy, widths[0]);
            copy.setContent(page.content());
            for (int width : widths) {
                resize(copy, width);
                check(copy, what + " (without JavaScript" + (widths.length > 1 ? ", " + width + " px" : "") + ")", page.url());
            }
            return;
        }
        var original = page.viewportSize();
        try {
            for (int width : widths) {
                resize(page, width);
                check(page, what + (widths.length > 1 ? " (" + width + " px)" : ""), page.url());
            }
        } finally {
            if (page.viewportSize().width != original.width) {
                page.setViewportSize(original.width, original.height);
            }
        }
    }

    /** axe-core as the deque package ships it. */
    private static final String AXE_SOURCE = AxeBuilder.getAxeScript();
    /** The tags the issue names. */
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa");
    private static final String AXE_RUN = """
            async (tags) => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')).join(', ') }));
            }""";

    private static void check(Page page, String what, String url) {
        // axe-core's own API, run in the page itself: the source is put into a document once (both widths and, on the
        // checker page, every copy share it), and only the violations, the asserted part, come back. The deque
        // builder's default mode opened a new page and sent the 550 KB source twice on every check, a second each.
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE_SOURCE);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(AXE_RUN, AXE_TAGS);
        String found = violations.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("targets"))
                .collect(Collectors.joining("\n  "));
        assertEquals(0, violations.size(), "axe violations on " + what + " (" + url + "):\n  " + found);
    }

    /** A full-page screenshot into {@code docs/screenshots/<name>-<width>.png}. */
    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int width = page.viewportSize().width;
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")).setFullPage(true));
    }

    /**
     * What one page load cost, as DevTools counts it: bytes on the wire (headers and compressed bodies), requests,
     * and the first contentful paint from the navigation's start.
     */
    public record Load(String url, long bytes, int requests, double firstPaintMillis) {
        public String row() {
            return String.format("| %s | %.1f KB | %d | %.0f ms |", url, bytes / 1024.0, requests, firstPaintMillis);
        }
    }

    /** Signs in on Keycloak's login page (our theme), where {@code page} was sent, with the demo password. */
    public static void signIn(Page page, String username) {
        page.waitForLoadState();
        page.locator("#username").fill(username);
        page.locator("#password").fill(Demo.PASSWORD);
        page.locator("#kc-login").click();
        page.waitForLoadState();
    }

    /** Empties the browser's HTTP cache (cookies stay): the next load is a first visit. */
    public static void clearCache(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Network.clearBrowserCache");
        cdp.detach();
    }

    /** "Regular 3G" as the issue defines it: 300 ms round trip, 700 kbps each way, the CPU slowed four times. */
    public static final double LATENCY_MS = 300;
    public static final double KBPS = 700;
    public static final double CPU_SLOWDOWN = 4;

    /** A network and a CPU to emulate: round trip, throughput each way (kbps), how many times slower the CPU is. */
    public record Conditions(String name, double latencyMs, double downKbps, double upKbps, double cpuSlowdown) {
    }

    /** The portal's phone over 3G (issue 17). */
    public static final Conditions REGULAR_3G = new Conditions("Regular 3G", LATENCY_MS, KBPS, KBPS, CPU_SLOWDOWN);

    /**
     * DevTools' "Fast 3G" preset (562.5 ms round trip, 1,440 kbps down, 675 kbps up) with the CPU slowed four times:
     * an old commune office PC on a shared line at a busy hour.
     */
    public static final Conditions FAST_3G_OLD_PC = new Conditions("Fast 3G, CPU ×4", 562.5, 1440, 675, 4);

    /**
     * Loads {@code url} in {@code page}, throttled when asked, and measures it through the DevTools protocol. Call it
     * twice on the same page for a repeat visit (the cache is kept).
     */
    public static Load measure(Page page, String url, boolean throttled) {
        return measure(page, url, throttled ? REGULAR_3G : null);
    }

    /** As {@link #measure(Page, String, boolean)}, under {@code conditions} ({@code null}: as fast as the machine goes). */
    public static Load measure(Page page, String url, Conditions conditions) {
        boolean throttled = conditions != null;
        CDPSession cdp = page.context().newCDPSession(page);
        AtomicLong bytes = new AtomicLong();
        AtomicInteger requests = new AtomicInteger();
        List<String> urls = new ArrayList<>();
        cdp.send("Network.enable");
        cdp.on("Network.requestWillBeSent", (JsonObject e) -> {
            String u = e.getAsJsonObject("request").get("url").getAsString();
            if (!u.startsWith("data:")) {
                requests.incrementAndGet();
                synchronized (urls) {
                    urls.add(u);
                }
            }
        });
        cdp.on("Network.loadingFinished", (JsonObject e) -> bytes.addAndGet(e.get("encodedDataLength").getAsLong()));
        if (throttled) {
            JsonObject net = new JsonObject();
            net.addProperty("offline", false);
            net.addProperty("latency", conditions.latencyMs());
            net.addProperty("downloadThroughput", conditions.downKbps() * 1000 / 8);
            net.addProperty("uploadThroughput", conditions.upKbps() * 1000 / 8);
            cdp.send("Network.emulateNetworkConditions", net);
            JsonObject cpu = new JsonObject();
            cpu.addProperty("rate", conditions.cpuSlowdown());
            cdp.send("Emulation.setCPUThrottlingRate", cpu);
        }
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.LOAD));
        page.waitForTimeout(200); // late requests (an icon) and the last loadingFinished events
        // The first paint is recorded when Chromium paints, which may come after the load event on a slow CPU (the
        // throttled one here, or a virtual machine whose host takes its cores): wait for it, up to 10 s, rather than
        // read it too early; a page that never paints is recorded as -1, and the caller's assertion names it.
        // Polled from here, as page.evaluate works whether the page runs its own scripts or not.
        Object fcp = -1;
        for (int i = 0; i < 100 && ((Number) fcp).doubleValue() < 0; i++) {
            if (i > 0) {
                page.waitForTimeout(100);
            }
            fcp = page.evaluate("() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : -1 }");
        }
        if (throttled) {
            JsonObject net = new JsonObject();
            net.addProperty("offline", false);
            net.addProperty("latency", 0);
            net.addProperty("downloadThroughput", -1);
            net.addProperty("uploadThroughput", -1);
            cdp.send("Network.emulateNetworkConditions", net);
            JsonObject cpu = new JsonObject();
            cpu.addProperty("rate", 1);
            cdp.send("Emulation.setCPUThrottlingRate", cpu);
        }
        cdp.detach();
        assertTrue(requests.get() > 0, "nothing was loaded from " + url);
        java.net.URI u = java.net.URI.create(url);
        String shown = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new Load(shown, bytes.get(), requests.get(), ((Number) fcp).doubleValue());
    }
}
