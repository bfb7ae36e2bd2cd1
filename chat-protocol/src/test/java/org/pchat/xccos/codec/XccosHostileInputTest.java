package org.pchat.xccos.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile bodies (ARCHITECTURE.md §6: "billion-laughs and XXE are tests, not hopes"; xccos.md §3.1:
 * the body is one xccos document). Each must fail with its typed error within two seconds and read no resource.
 */
class XccosHostileInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final String SECRET = "TOP-SECRET-7f3a";

    private final XccosDecoder decoder = new XccosDecoder();
    private final AtomicInteger httpRequests = new AtomicInteger();
    private HttpServer http;

    @TempDir
    Path tempDir;

    @BeforeEach
    void startHttpServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            httpRequests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stopHttpServer() {
        http.stop(0);
    }

    private String httpUrl(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private <T extends XccosException> T failsQuickly(Class<T> type, String body) {
        return failsQuickly(type, () -> decoder.decode(body));
    }

    private <T extends XccosException> T failsQuickly(Class<T> type, Executable decode) {
        return assertTimeoutPreemptively(QUICKLY, () -> assertThrows(type, decode));
    }

    @Test
    @DisplayName("billion laughs: the DOCTYPE is refused before any entity is expanded")
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xccos [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = dtd + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<grpchat seqid=\"1\" chanUri=\"ma-chan://contoso.com/1\" author=\"sip:a@contoso.com\""
                + " ts=\"2013-08-05T10:11:12Z\"><chat>&lol9;</chat></grpchat></xccos>";

        XccosForbiddenConstructException e = failsQuickly(XccosForbiddenConstructException.class, body);

        assertThat(e.kind()).isEqualTo(XccosErrorKind.FORBIDDEN_CONSTRUCT);
        assertThat(e.construct()).isEqualTo("a DOCTYPE declaration");
    }

    @Test
    @DisplayName("XXE to a local file: refused, and the file content appears nowhere")
    void externalEntityToLocalFileIsRefused() throws IOException {
        Path secret = Files.writeString(tempDir.resolve("secret.txt"), SECRET);
        String body = "<!DOCTYPE xccos [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:getinv\" seqid=\"1\">"
                + "<data><inv inviteId=\"&xxe;\"/></data></cmd></xccos>";

        XccosForbiddenConstructException e = failsQuickly(XccosForbiddenConstructException.class, body);

        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(e.kind()).isEqualTo(XccosErrorKind.FORBIDDEN_CONSTRUCT);
    }

    @Test
    @DisplayName("XXE to http: refused and no request reaches the server")
    void externalEntityToHttpIsRefusedWithoutRequest() {
        String body = "<!DOCTYPE xccos [<!ENTITY xxe SYSTEM \"" + httpUrl("/entity") + "\">]>"
                + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">&xxe;</xccos>";

        failsQuickly(XccosForbiddenConstructException.class, body);

        assertThat(httpRequests).hasValue(0);
    }

    @Test
    @DisplayName("external DTD over http: refused and no request reaches the server")
    void externalDtdIsRefusedWithoutRequest() {
        String body = "<!DOCTYPE xccos SYSTEM \"" + httpUrl("/x.dtd") + "\">"
                + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">&leak;</xccos>";

        failsQuickly(XccosForbiddenConstructException.class, body);

        assertThat(httpRequests).hasValue(0);
    }

    @Test
    @DisplayName("an entity reference without any DTD is refused, not dropped")
    void undeclaredEntityReferenceIsRefused() {
        String body = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">&xxe;</xccos>";

        XccosForbiddenConstructException e = failsQuickly(XccosForbiddenConstructException.class, body);

        assertThat(e.construct()).isEqualTo("the entity reference &xxe;");
    }

    @Test
    @DisplayName("a 10 MB text body is refused by size before parsing")
    void tenMegabyteTextBodyIsRefusedBySize() {
        String body = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">" + "x".repeat(10_000_000)
                + "</xccos>";

        XccosLimitExceededException e = failsQuickly(XccosLimitExceededException.class, body);

        assertThat(e.limit()).isEqualTo(XccosLimit.BODY_BYTES);
        assertThat(e.seen()).isEqualTo(body.length());
        assertThat(e.max()).isEqualTo(64 * 1024);
        assertThat(e.kind()).isEqualTo(XccosErrorKind.LIMIT_EXCEEDED);
    }

    @Test
    @DisplayName("a 10 MB byte body is refused by size before decoding")
    void tenMegabyteByteBodyIsRefusedBySize() {
        byte[] body = new byte[10 * 1024 * 1024];

        XccosLimitExceededException e = failsQuickly(XccosLimitExceededException.class, () -> decoder.decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.BODY_BYTES);
        assertThat(e.seen()).isEqualTo(body.length);
        assertThat(e.getMessage()).contains("10485760", "maxBodyBytes=65536");
    }

    @Test
    @DisplayName("10,000-deep nesting stops at the depth limit")
    void tenThousandDeepNestingStopsAtDepthLimit() {
        String body = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">" + "<a>".repeat(10_000)
                + "</a>".repeat(10_000) + "</xccos>";
        XccosDecoder roomy = new XccosDecoder(XccosLimits.defaults().withMaxBodyBytes(1024 * 1024));

        XccosLimitExceededException e = failsQuickly(XccosLimitExceededException.class, () -> roomy.decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.DEPTH);
        assertThat(e.seen()).isEqualTo(17);
        assertThat(e.max()).isEqualTo(16);
        assertThat(e.getMessage()).contains("xccos/a/a/a/…/a/a");
    }

    @Test
    @DisplayName("10,000 attributes on one element stop at the attribute limit")
    void tenThousandAttributesStopAtAttributeLimit() {
        StringBuilder body = new StringBuilder("<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd");
        for (int i = 0; i < 10_000; i++) {
            body.append(" a").append(i).append("=\"\"");
        }
        body.append("/></xccos>");
        XccosDecoder roomy = new XccosDecoder(XccosLimits.defaults().withMaxBodyBytes(1024 * 1024));

        XccosLimitExceededException e = failsQuickly(XccosLimitExceededException.class,
                () -> roomy.decode(body.toString()));

        assertThat(e.limit()).isEqualTo(XccosLimit.ATTRIBUTES_PER_ELEMENT);
        assertThat(e.seen()).isEqualTo(10_000);
        assertThat(e.max()).isEqualTo(32);
    }

    @Test
    @DisplayName("10,000 attributes with the default limits are refused by body size first")
    void tenThousandAttributesWithDefaultsAreRefusedBySize() {
        StringBuilder body = new StringBuilder("<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd");
        for (int i = 0; i < 10_000; i++) {
            body.append(" a").append(i).append("=\"\"");
        }
        body.append("/></xccos>");

        XccosLimitExceededException e = failsQuickly(XccosLimitExceededException.class, body.toString());

        assertThat(e.limit()).isEqualTo(XccosLimit.BODY_BYTES);
    }

    @Test
    @DisplayName("a truncated document is a syntax error with its position")
    void truncatedDocumentIsSyntaxError() {
        String body = XccosExamples.JOIN.xml().substring(0, 120);

        XccosSyntaxException e = failsQuickly(XccosSyntaxException.class, body);

        assertThat(e.kind()).isEqualTo(XccosErrorKind.SYNTAX);
        assertThat(e.line()).isPositive();
        assertThat(e.getMessage()).startsWith("malformed XCCOS body at line ");
    }

    @Test
    @DisplayName("an empty body is a syntax error")
    void emptyBodyIsSyntaxError() {
        failsQuickly(XccosSyntaxException.class, "");
    }

    @Test
    @DisplayName("content after the root element is a syntax error")
    void trailingContentIsSyntaxError() {
        failsQuickly(XccosSyntaxException.class, XccosExamples.REQURI.xml() + "<xccos/>");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are a syntax error")
    void invalidUtf8IsSyntaxError() {
        byte[] body = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">\u00e9</xccos>"
                .getBytes(StandardCharsets.ISO_8859_1);

        XccosSyntaxException e = failsQuickly(XccosSyntaxException.class, () -> decoder.decode(body));

        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    @DisplayName("a root other than xccos is not XCCOS (xccos.md §3.1)")
    void wrongRootIsNotXccos() {
        XccosUnsupportedDocumentException e = failsQuickly(XccosUnsupportedDocumentException.class,
                "<message xmlns=\"urn:parlano:xml:ns:xccos\"/>");

        assertThat(e.kind()).isEqualTo(XccosErrorKind.NOT_XCCOS);
        assertThat(e.localName()).isEqualTo("message");
    }

    @Test
    @DisplayName("xccos in another namespace is not XCCOS (xccos.md §3.1)")
    void wrongNamespaceIsNotXccos() {
        XccosUnsupportedDocumentException e = failsQuickly(XccosUnsupportedDocumentException.class,
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:example:other\"/>");

        assertThat(e.namespace()).isEqualTo("urn:example:other");
        assertThat(e.getMessage()).contains("{urn:example:other}xccos", "{urn:parlano:xml:ns:xccos}xccos");
    }

    @Test
    @DisplayName("xccos without a namespace is not XCCOS (xccos.md §3.1)")
    void missingNamespaceIsNotXccos() {
        XccosUnsupportedDocumentException e = failsQuickly(XccosUnsupportedDocumentException.class,
                "<xccos ver=\"1\" envid=\"1\"/>");

        assertThat(e.namespace()).isEmpty();
    }
}
