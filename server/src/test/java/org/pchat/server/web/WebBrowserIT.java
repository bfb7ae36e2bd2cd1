package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The room management page in headless Chromium: a category creator signs in, creates a room, adds a member and
 * sees the room listed with that member. A screenshot of the page is saved to
 * {@code target/screenshots/rooms.png}. Needs Debian's {@code chromium} and {@code chromium-driver}.
 */
class WebBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path dir;

    static WebTestServer server;

    @TempDir
    Path profile;

    ChromeDriverService service;
    ChromeDriver browser;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dir);
        server.category("Eng", Set.of(WebTestServer.ALICE));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("%s is missing: install the Debian package 'chromium' "
                + "(apt-get install -y chromium chromium-driver)", CHROMIUM).isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("%s is missing: install the Debian package 'chromium-driver' "
                + "(apt-get install -y chromium chromium-driver)", CHROMEDRIVER).isExecutable();
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        service.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void creatorSignsInCreatesRoomAddsMemberAndSeesItListed() throws Exception {
        browser.get(server.uri("/rooms").toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("user")).sendKeys("sip:alice@example.com");
        browser.findElement(By.id("password")).sendKeys(WebTestServer.PASSWORD);
        browser.findElement(By.id("login")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("create-room")).isEmpty());
        assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo(WebTestServer.ALICE);

        browser.findElement(By.id("name")).sendKeys("Browser <b>room</b>");
        choose("categoryId", "Eng");
        choose("privacy", "closed");
        browser.findElement(By.id("topic")).sendKeys("Made in a browser");
        browser.findElement(By.id("create")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("notice")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Browser <b>room</b>");

        roomRow("Browser <b>room</b>").findElement(By.className("edit")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("edit-room")).isEmpty());
        WebElement members = browser.findElement(By.id("members"));
        members.clear();
        members.sendKeys(WebTestServer.BOB);
        browser.findElement(By.id("save")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("saved=1"));
        browser.findElement(By.id("back")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("rooms")).isEmpty());

        WebElement row = roomRow("Browser <b>room</b>");
        assertThat(row.findElement(By.className("members")).getText()).isEqualTo(WebTestServer.BOB);
        assertThat(browser.getPageSource()).doesNotContain("<b>room</b>");
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve("rooms.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshots.resolve("rooms.png")).isNotEmptyFile();
    }

    @Test
    void pageFormWithoutCsrfTokenIsRefused() {
        browser.get(server.uri("/login").toString());
        browser.findElement(By.id("user")).sendKeys("alice@example.com");
        browser.findElement(By.id("password")).sendKeys(WebTestServer.PASSWORD);
        browser.findElement(By.id("login")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("create-room")).isEmpty());

        browser.executeScript("document.querySelector('#create-room input[name=_csrf]').value = 'forged';");
        browser.findElement(By.id("name")).sendKeys("Forged room");
        browser.findElement(By.id("create")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("CSRF");
        assertThat(server.directory().listRooms(org.pchat.server.rooms.RoomFilter.all()))
                .noneMatch(r -> r.room().name().equals("Forged room"));
    }

    private void choose(String select, String optionText) {
        browser.findElement(By.id(select)).findElements(By.tagName("option")).stream()
                .filter(o -> o.getText().equals(optionText)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + optionText + " in #" + select)).click();
    }

    private WebElement roomRow(String name) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#rooms tr.room"));
        return rows.stream().filter(r -> r.findElement(By.className("name")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("room " + name + " is not listed; rows: "
                        + rows.stream().map(WebElement::getText).toList()));
    }
}
