package org.veille.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.veille.app.Context;
import org.veille.support.Cli;
import org.veille.support.TestServer;
import org.veille.wiring.Wiring;

/**
 * The web interface in a real browser: Debian's headless Chromium, driven through its own
 * chromedriver (no driver download). Screenshots of each page land in target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/screenshots");
  private static final List<String> ARGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  private final TestServer feeds = new TestServer();
  @TempDir static Path dir;
  private WebServer web;
  private WebDriver browser;
  private Cli cli;

  @BeforeAll
  void start() throws Exception {
    assertTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "browser tests need Debian's chromium and chromium-driver:"
            + " apt-get install -y chromium chromium-driver (.ci/run does it)");
    cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "  newsletter: {recipients: [\"innovation@communes.example.org\"]}\n"
                + "sources:\n"
                + "  - {id: gazette, url: \""
                + feeds.base()
                + "/gazette.xml\"}\n"
                + "  - {id: localtis, url: \""
                + feeds.base()
                + "/localtis.xml\"}\n"
                + "  - {id: opsi, url: \""
                + feeds.base()
                + "/opsi.atom\"}\n");
    assertEquals(0, cli.run("crawl").code());
    web =
        WebServer.start(
            Context.of(cli.config(), cli.data(), Map.of(), new Wiring()),
            "127.0.0.1",
            0,
            Optional.empty());
    browser = newBrowser();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
    feeds.close();
  }

  /** Waits up to 10 s for a page that a key press or a click is loading. */
  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the page did not come in 10 s");
      }
      Thread.sleep(50);
    }
  }

  /** A headless Chromium of its own profile, through Debian's chromedriver (no download). */
  private static WebDriver newBrowser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(ARGS);
    options.addArguments("--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  private void screenshot(String name) throws Exception {
    for (int width : new int[] {1280, 375}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(
          png.toPath(),
          SHOTS.resolve(name + "-" + width + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  void searchThenOpenAnItemWithTheKeyboardOnly() throws Exception {
    browser.get(url("/"));
    WebElement active = null;
    for (int i = 0; i < 12; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      active = browser.switchTo().activeElement();
      if ("q".equals(active.getAttribute("id"))) {
        break;
      }
    }
    assertEquals("q", active.getAttribute("id"), "the query box is reached with Tab");
    active.sendKeys("gemapi inondations", Keys.ENTER);
    waitFor(() -> browser.getTitle().startsWith("Recherche : "));
    List<WebElement> hits = browser.findElements(By.cssSelector("li.hit h3 a"));
    assertTrue(!hits.isEmpty(), browser.getPageSource());
    screenshot("search");
    for (int i = 0; i < 30; i++) {
      WebElement a = browser.switchTo().activeElement();
      if (a.getAttribute("href") != null && a.getAttribute("href").contains("/item/")) {
        break;
      }
      a.sendKeys(Keys.TAB);
    }
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    assertTrue(browser.getCurrentUrl().contains("/item/"), browser.getCurrentUrl());
    assertTrue(
        browser.findElement(By.tagName("h1")).getText().contains("GEMAPI"),
        browser.getPageSource());
    screenshot("item");
  }

  @Test
  void everyPageHasLabelledControlsAndHeadingsInOrder() throws Exception {
    String check =
        "const problems = [];"
            + "document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(c => {"
            + "  const label = c.id && document.querySelector('label[for=\"' + c.id + '\"]');"
            + "  if (!label && !c.getAttribute('aria-label')) problems.push('unlabelled ' + c.outerHTML);"
            + "});"
            + "let last = 0;"
            + "document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(h => {"
            + "  const level = +h.tagName[1];"
            + "  if (level > last + 1) problems.push('heading ' + h.tagName + ' after h' + last + ': ' + h.textContent);"
            + "  last = level;"
            + "});"
            + "if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');"
            + "document.querySelectorAll('img:not([alt])').forEach(i => problems.push('img without alt'));"
            + "document.querySelectorAll('iframe:not([title])').forEach(i => problems.push('iframe without title'));"
            + "if (!document.documentElement.lang) problems.push('no lang');"
            + "return problems;";
    for (String page :
        new String[] {
          "/",
          "/?q=zfe",
          "/sources",
          "/status",
          "/preview",
          "/item/nope",
          "/week?week=" + WEEK,
          "/archive"
        }) {
      browser.get(url(page));
      Object problems = ((JavascriptExecutor) browser).executeScript(check);
      assertEquals(List.of(), problems, page);
    }
    browser.get(url("/sources"));
    screenshot("sources");
    browser.get(url("/status"));
    screenshot("status");
    browser.get(url("/preview"));
    screenshot("preview");
  }

  @Test
  void theLetterPreviewRunsNoScriptAndTheSyntaxErrorIsShown() {
    browser.get(
        url(
            "/?q="
                + java.net.URLEncoder.encode(
                    "(zfe OR gemapi", java.nio.charset.StandardCharsets.UTF_8)));
    assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("column 15"));
    browser.get(url("/preview"));
    WebElement frame = browser.findElement(By.cssSelector("iframe.telephone"));
    assertEquals("", frame.getAttribute("sandbox"), "a sandbox with no permission at all");
  }

  private static final String WEEK = "2026-W47";

  @Test
  void onTheWeekPageTheKeyboardAloneHidesAnItemAndThePreviewFollows() throws Exception {
    browser.get(url("/week?week=" + WEEK));
    List<WebElement> items = browser.findElements(By.cssSelector("li.brouillon"));
    assertTrue(items.size() > 2, browser.getPageSource());
    String first = items.get(0).getAttribute("id").substring(2);
    String title = browser.findElement(By.id("t-" + first)).getText();
    screenshot("week");
    WebElement active = null;
    for (int i = 0; i < 60; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      active = browser.switchTo().activeElement();
      if ("Masquer".equals(active.getText())) {
        break;
      }
    }
    assertEquals("Masquer", active.getText(), "the first item's Hide button is reached with Tab");
    active.sendKeys(Keys.ENTER);
    assertTrue(browser.getCurrentUrl().contains("/week?"), browser.getCurrentUrl());
    assertTrue(
        browser.findElement(By.cssSelector("[role=status]")).isDisplayed(),
        "the change is confirmed at once");
    assertTrue(
        browser.findElements(By.cssSelector("section[aria-labelledby=masques] li")).stream()
            .anyMatch(li -> li.getAttribute("id").equals("i-" + first)),
        "listed among the hidden items");
    browser.get(url("/preview/letter.html?week=" + WEEK));
    assertFalse(browser.getPageSource().contains(title), "the preview no longer carries it");
    browser.get(url("/archive"));
    screenshot("archive");
  }

  @Test
  void anItemRetitledInTheBrowserGoesOutSoAndApprovalClosesTheWeekToEdits() throws Exception {
    browser.get(url("/week?week=" + WEEK));
    List<WebElement> editable = browser.findElements(By.cssSelector("li.brouillon details"));
    assertTrue(editable.size() > 1, browser.getPageSource());
    WebElement details = editable.get(editable.size() - 1);
    String id = details.findElement(By.xpath("./ancestor::li[1]")).getAttribute("id").substring(2);
    details.findElement(By.tagName("summary")).click();
    WebElement field = browser.findElement(By.id("titre-" + id));
    field.clear();
    field.sendKeys("Titre revu par l'éditeur : l'Arc de l'innovation");
    field.sendKeys(Keys.ENTER); // submits its own form, as a user expects
    waitFor(() -> !browser.findElements(By.cssSelector("[role=status]")).isEmpty());
    assertTrue(
        browser.findElement(By.cssSelector("[role=status]")).isDisplayed(),
        browser.getPageSource());
    String shown = browser.findElement(By.id("t-" + id)).getText();
    assertTrue(shown.endsWith("Titre revu par l'éditeur : l'Arc de l'innovation"), shown);
    browser.get(url("/preview/letter.html?week=" + WEEK));
    assertTrue(
        browser.getPageSource().contains("Titre revu par l’éditeur")
            || browser.getPageSource().contains("Titre revu par l'éditeur")
            || browser.getPageSource().contains("Titre revu par l&#39;éditeur"),
        "the letter carries the editor's title");

    browser.get(url("/week?week=" + WEEK));
    browser.findElement(By.id("approuver")).click();
    waitFor(() -> !browser.findElements(By.id("rouvrir")).isEmpty());
    assertTrue(
        browser.findElement(By.cssSelector(".etat")).getText().contains("approuvée"),
        browser.findElement(By.cssSelector(".etat")).getText());
    assertTrue(
        browser.findElements(By.xpath("//button[normalize-space()='Masquer']")).isEmpty(),
        "an approved letter offers no edit");
    browser.findElement(By.id("rouvrir")).click();
    waitFor(() -> !browser.findElements(By.id("approuver")).isEmpty());
    assertFalse(
        browser.findElements(By.xpath("//button[normalize-space()='Masquer']")).isEmpty(),
        "reopened, it can be edited again");
  }

  @Test
  void twoEditorsOnOneDraftLoseNothing() throws Exception {
    WebDriver other = newBrowser(); // a second editor on another desk
    try {
      browser.get(url("/week?week=" + WEEK));
      other.get(url("/week?week=" + WEEK)); // both pages loaded before either edits
      List<WebElement> editable = browser.findElements(By.cssSelector("li.brouillon details"));
      assertTrue(editable.size() > 3, browser.getPageSource());
      String retitled =
          editable.get(1).findElement(By.xpath("./ancestor::li[1]")).getAttribute("id");
      String hidden = editable.get(2).findElement(By.xpath("./ancestor::li[1]")).getAttribute("id");
      // the first editor retitles one item
      WebElement details = browser.findElement(By.cssSelector("#" + retitled + " details"));
      details.findElement(By.tagName("summary")).click();
      WebElement field = browser.findElement(By.id("titre-" + retitled.substring(2)));
      field.clear();
      field.sendKeys("Retitré par la première éditrice");
      field.sendKeys(Keys.ENTER);
      waitFor(() -> !browser.findElements(By.cssSelector("[role=status]")).isEmpty());
      assertTrue(browser.findElement(By.cssSelector("[role=status]")).isDisplayed());
      // the second, on the page loaded before that edit, hides another
      other.findElement(By.cssSelector("#" + hidden + " form[action='/week/hide'] button")).click();
      waitFor(() -> !other.findElements(By.cssSelector("[role=status]")).isEmpty());
      assertTrue(
          other.findElement(By.cssSelector("[role=status]")).isDisplayed(), other.getPageSource());
      String seen = other.findElement(By.id("t-" + retitled.substring(2))).getText();
      assertTrue(seen.endsWith("Retitré par la première éditrice"), "the second sees it: " + seen);
      assertTrue(
          other.findElements(By.cssSelector("section[aria-labelledby=masques] li")).stream()
              .anyMatch(li -> li.getAttribute("id").equals(hidden)));
      browser.navigate().refresh();
      assertTrue(
          browser
              .findElement(By.id("t-" + retitled.substring(2)))
              .getText()
              .endsWith("Retitré par la première éditrice"),
          "nothing lost");
    } finally {
      other.quit();
    }
  }

  @Test
  void aPinnedItemLeadsTheLetterAndADryRunLeavesTheArchiveAsItWas() throws Exception {
    browser.get(url("/week?week=" + WEEK));
    List<WebElement> items = browser.findElements(By.cssSelector("li.brouillon details"));
    WebElement li = items.get(items.size() - 1).findElement(By.xpath("./ancestor::li[1]"));
    String id = li.getAttribute("id");
    li.findElement(By.xpath(".//button[normalize-space()='À la une']")).click();
    waitFor(() -> !browser.findElements(By.cssSelector("[role=status]")).isEmpty());
    assertFalse(
        browser.findElements(By.cssSelector("[role=status]")).isEmpty(),
        browser.findElement(By.tagName("main")).getText());
    WebElement pinned = browser.findElement(By.id(id));
    assertTrue(pinned.getAttribute("class").contains("epingle"), pinned.getAttribute("class"));
    assertTrue(pinned.findElement(By.tagName("h3")).getText().contains("épinglé"));
    String title =
        pinned
            .findElement(By.tagName("h3"))
            .getText()
            .replaceFirst("^\\d+\\s+", "")
            .replace(" épinglé", "");
    browser.get(url("/preview/letter.html?week=" + WEEK));
    String letter = browser.findElement(By.tagName("body")).getText();
    String flat = letter.replace('’', '\'').replaceAll("[\\u00a0\\u202f]", " ");
    int at = flat.indexOf(title.replace('’', '\'').substring(0, Math.min(12, title.length())));
    assertTrue(at >= 0, "the pinned item is in the letter: " + title);

    browser.get(url("/archive"));
    String before = browser.findElement(By.tagName("main")).getText();
    Cli.Result dry = cli.run("send", "--dry-run", "--week", WEEK);
    assertEquals(0, dry.code(), dry.toString());
    browser.get(url("/archive"));
    assertEquals(
        before,
        browser.findElement(By.tagName("main")).getText(),
        "a dry run mails nobody and archives nothing");
  }

  @Test
  void axeFindsNoSeriousAccessibilityProblem() throws Exception {
    String axe =
        new String(
            BrowserTest.class.getResourceAsStream("/axe/axe.min.js").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    for (String page :
        new String[] {"/", "/?q=zfe", "/week?week=" + WEEK, "/sources", "/archive"}) {
      browser.get(url(page));
      JavascriptExecutor js = (JavascriptExecutor) browser;
      js.executeScript(axe);
      Object found =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "axe.run(document, {resultTypes: ['violations']}).then(r => done("
                  + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                  + ".map(v => v.id + ': ' + v.nodes.length + ' ' + v.nodes[0].target)));");
      assertEquals(List.of(), found, "axe-core on " + page);
    }
  }
}
